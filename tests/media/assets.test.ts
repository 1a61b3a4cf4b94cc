// References + probes → assets, problems and copies: the pure half of the media step.
import { describe, expect, it } from 'vitest';
import { localLocations, mediaCopies, podcastChannel, resolveMedia } from '../../src/media/assets.js';
import type { MediaProbe, MediaRef, Podcast } from '../../src/model.js';
import type { MediaProbes } from '../../src/media/probe.js';
import { article, site } from '../support/factories.js';

const ref = (location: string, field = 'image'): MediaRef => ({ location, file: 'articles/story.md', line: 4, field });
const probe = (size: number, dims: Partial<MediaProbe> = {}): MediaProbe => ({ from: `/project/${size}`, stamp: { size, mtimeMs: 1, ino: 2 }, ...dims });
const podcast = (image: string): Podcast => ({
  owner: { name: 'Owner', email: 'owner@news.test.example' },
  image: { location: image, file: 'syndic.yaml', line: 9, field: 'podcast.image' },
  categories: [['News', ['Politics']]],
  explicit: false,
  type: 'episodic',
  locked: true,
});

describe('resolveMedia', () => {
  it('gives a local image its URL under media/, its type, size and dimensions, and keeps its alt', () => {
    const probes: MediaProbes = new Map([['images/lead photo.png', probe(3161, { width: 1200, height: 630, format: 'png' })]]);
    const { assets, problems } = resolveMedia([article({ image: { ...ref('images/lead photo.png'), alt: 'Studio' } })], site(), probes);
    expect(problems).toEqual([]);
    expect(assets.get('articles/story.md')).toEqual({
      image: { url: 'https://news.test.example/media/images/lead%20photo.png', type: 'image/png', length: 3161, width: 1200, height: 630, alt: 'Studio' },
    });
  });

  it('keeps a remote URL as written, with the type the mime database gives its extension', () => {
    const { assets } = resolveMedia([article({ image: ref('https://cdn.example/a.jpeg'), enclosure: { ...ref('https://cdn.example/ep.mp3', 'enclosure.url'), length: 99 } })], site(), new Map());
    expect(assets.get('articles/story.md')).toEqual({
      image: { url: 'https://cdn.example/a.jpeg', type: 'image/jpeg' },
      enclosure: { url: 'https://cdn.example/ep.mp3', type: 'audio/mpeg', length: 99 },
    });
  });

  it('reads the length of a local enclosure from the file, never audio/mp3', () => {
    const { assets } = resolveMedia([article({ enclosure: ref('episodes/ep1.mp3', 'enclosure.url') })], site(), new Map([['episodes/ep1.mp3', probe(1251)]]));
    expect(assets.get('articles/story.md')?.enclosure).toEqual({ url: 'https://news.test.example/media/episodes/ep1.mp3', type: 'audio/mpeg', length: 1251 });
  });

  it.each([
    ['a missing file', article({ image: ref('images/gone.png') }), new Map(), 'articles/story.md:4: image: "images/gone.png" does not exist'],
    ['a file that is not an image', article({ image: ref('images/x.png') }), new Map([['images/x.png', probe(10)]]), 'articles/story.md:4: image: is not an image whose size can be read'],
    ['a length that is not the file size', article({ enclosure: { ...ref('e.mp3', 'enclosure.url'), length: 5 } }), new Map([['e.mp3', probe(10)]]), "articles/story.md:4: enclosure.url: length 5 is not the file's size, 10 bytes"],
    ['an enclosure of unknown type', article({ enclosure: ref('https://cdn.example/stream', 'enclosure.url') }), new Map(), 'articles/story.md:4: enclosure.url: has no MIME type the mime database knows for its extension'],
    ['a transcript that is not one', article({ episode: { transcript: ref('https://cdn.example/t.mp3', 'transcript') } }), new Map(), 'articles/story.md:4: transcript: is audio/mpeg, not a transcript format'],
  ])('reports %s at its file, line and field, and rejects the article', (_label, story, probes, message) => {
    const { problems, rejected, assets } = resolveMedia([story], site(), probes as MediaProbes);
    expect(problems.map((p) => p.format().split('\n')[0])).toEqual([message]);
    expect(problems[0]?.hint).toBeTruthy();
    expect([...rejected]).toEqual(['articles/story.md']);
    expect(assets.size).toBe(0);
  });

  it('in podcast mode, refuses an enclosure Apple Podcasts cannot play', () => {
    const { problems } = resolveMedia([article({ enclosure: ref('https://cdn.example/ep.ogg', 'enclosure.url') })], site({ podcast: podcast('https://cdn.example/c.jpg') }), new Map());
    expect(problems.map((p) => p.message)).toEqual(['is a .ogg file, which Apple Podcasts does not play']);
  });
});

describe('podcastChannel', () => {
  const cover = (width: number, height: number, format = 'png'): MediaProbes => new Map([['cover.png', probe(100, { width, height, format })]]);

  it('accepts a square PNG of 1400 to 3000 pixels', () => {
    for (const side of [1400, 3000]) expect(podcastChannel(site({ podcast: podcast('cover.png') }), cover(side, side))).toMatchObject({ image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: side } });
  });

  it.each([
    [cover(1400, 1401), 'is 1400×1401 pixels'],
    [cover(1399, 1399), 'is 1399×1399 pixels'],
    [cover(3001, 3001), 'is 3001×3001 pixels'],
    [new Map(), '"cover.png" does not exist'],
  ])('refuses a cover that breaks Apple’s rules (%#)', (probes, message) => {
    const result = podcastChannel(site({ podcast: podcast('cover.png') }), probes);
    expect(Array.isArray(result) && result.map((p) => [p.code, p.format().split('\n')[0]])).toEqual([['INVALID_SETTINGS', `syndic.yaml:9: podcast.image: ${message}`]]);
  });

  it('refuses a remote cover that is neither JPEG nor PNG', () => {
    const result = podcastChannel(site({ podcast: podcast('https://cdn.example/cover.gif') }), new Map());
    expect(Array.isArray(result) && result[0]?.message).toBe('is image/gif, not a JPEG or PNG');
  });

  it('is undefined outside podcast mode', () => {
    expect(podcastChannel(site(), new Map())).toBeUndefined();
  });
});

describe('mediaCopies and localLocations', () => {
  it('copies each local file once, and never a remote one', () => {
    const a = article({ slug: 'a', image: ref('img/x.png'), enclosure: ref('https://cdn.example/e.mp3', 'enclosure.url') });
    const b = article({ slug: 'b', image: ref('img/x.png'), episode: { transcript: ref('t.vtt', 'transcript') } });
    const probes: MediaProbes = new Map([['img/x.png', probe(1, { width: 1, height: 1 })], ['t.vtt', probe(2)]]);
    expect(localLocations([a, b], site())).toEqual(['img/x.png', 'img/x.png', 't.vtt']);
    expect(mediaCopies([a, b], site(), probes)).toEqual([
      { path: 'media/img/x.png', from: '/project/1', stamp: { size: 1, mtimeMs: 1, ino: 2 }, filter: { kind: 'metadata', format: 'png' } },
      { path: 'media/t.vtt', from: '/project/2', stamp: { size: 2, mtimeMs: 1, ino: 2 } },
    ]);
    // The opt-out copies images byte for byte.
    expect(mediaCopies([a], site({ media: { keepMetadata: true } }), probes)[0]).not.toHaveProperty('filter');
  });
});

describe('body references and active content', () => {
  const body = (location: string, written: string, kind: 'file' | 'article' = 'file', suffix = '') => ({ kind, written, suffix, location, file: 'articles/story.md', line: 9, field: 'body' });

  it('links a body file to its copy under media/ and a .md link to that article’s page, keeping #fragments', () => {
    const other = article({ source: 'articles/other.md', slug: 'autre-sujet' });
    const story = article({ references: [body('images/kyiv map.png', '../images/kyiv map.png'), body('docs/report.pdf', '/docs/report.pdf#page=2', 'file', '#page=2'), body('articles/other.md', 'other.md#suite', 'article', '#suite')] });
    const probes: MediaProbes = new Map([['images/kyiv map.png', probe(10, { width: 2, height: 2 })], ['docs/report.pdf', probe(20)]]);
    const { assets, problems } = resolveMedia([story, other], site(), probes);
    expect(problems).toEqual([]);
    expect(assets.get('articles/story.md')?.links).toEqual([
      ['../images/kyiv map.png', 'https://news.test.example/media/images/kyiv%20map.png'],
      ['/docs/report.pdf#page=2', 'https://news.test.example/media/docs/report.pdf#page=2'],
      ['other.md#suite', 'https://news.test.example/articles/autre-sujet.html#suite'],
    ]);
    expect(localLocations([story], site())).toEqual(['images/kyiv map.png', 'docs/report.pdf']);
    expect(mediaCopies([story], site(), probes).map((copy) => copy.path)).toEqual(['media/docs/report.pdf', 'media/images/kyiv map.png']);
  });

  it('reports a missing body file, an unknown article and a path out of the project at the line, field body', () => {
    const story = article({ references: [body('images/gone.png', '../images/gone.png'), body('articles/nope.md', 'nope.md', 'article'), body('../secret.pdf', '../../secret.pdf')] });
    const { problems, rejected } = resolveMedia([story], site(), new Map());
    expect(problems.map((p) => p.format())).toEqual([
      expect.stringMatching(/^articles\/story\.md:9: body: "\.\.\/images\/gone\.png" \(images\/gone\.png\) does not exist/),
      expect.stringMatching(/^articles\/story\.md:9: body: "nope\.md" \(articles\/nope\.md\) is not an article of this site/),
      expect.stringMatching(/^articles\/story\.md:9: body: "\.\.\/\.\.\/secret\.pdf" \(\.\.\/secret\.pdf\) is outside the project/),
    ]);
    expect(rejected).toEqual(new Set(['articles/story.md']));
    // Nothing outside the project is ever probed or copied.
    expect(localLocations([story], site())).toEqual(['images/gone.png']);
  });

  it('refuses an SVG as lead image or in the body, and an HTML enclosure, since they would run scripts on the site', () => {
    const probes: MediaProbes = new Map([['a.svg', probe(5, { width: 10, height: 10 })], ['page.html', probe(6)]]);
    const svgLead = resolveMedia([article({ image: ref('a.svg') })], site(), probes);
    expect(svgLead.problems[0]?.format()).toMatch(/image: is image\/svg\+xml, not a raster image/);
    const svgBody = resolveMedia([article({ references: [body('a.svg', 'a.svg')] })], site(), probes);
    expect(svgBody.problems[0]?.format()).toMatch(/body: "a\.svg" is image\/svg\+xml/);
    const html = resolveMedia([article({ enclosure: ref('page.html', 'enclosure.url') })], site(), probes);
    expect(html.problems[0]?.format()).toMatch(/enclosure\.url: is text\/html, which readers would open as a page that can run scripts/);
    const remote = resolveMedia([article({ enclosure: ref('https://cdn.example/x.html', 'enclosure.url') })], site(), new Map());
    expect(remote.problems).toHaveLength(1);
  });

  it('copies an HTML transcript through the sanitiser, with links resolved against its own URL', () => {
    const story = article({ episode: { transcript: ref('episodes/ep1.html', 'transcript') } });
    const [copy] = mediaCopies([story], site(), new Map([['episodes/ep1.html', probe(7)]]));
    expect(copy?.filter).toEqual({ kind: 'html', base: 'https://news.test.example/media/episodes/ep1.html' });
  });
});
