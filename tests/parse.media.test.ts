// The media and podcast fields of syndic.yaml and of frontmatter, as schema.ts and parse.ts read them.
import { describe, expect, it } from 'vitest';
import { parseArticle, parseSettings } from '../src/parse.js';
import { isAppleCategory, isCanonicalType, isMediaLocation } from '../src/schema.js';
import { SETTINGS_YAML, site, source } from './support/factories.js';

const PODCAST = `podcast:
  owner: {name: "Owner", email: "owner@news.test.example"}
  image: images/cover.png
  categories: ["News", "News > Politics", "News > Daily News", "Technology"]
  explicit: false
`;

function settingsProblems(yaml: string): string[] {
  const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML + yaml));
  return parsed.ok ? [] : parsed.problems.map((p) => p.format().split('\n')[0] ?? '');
}

function frontmatter(lines: string, body = 'Body\n') {
  return parseArticle(source('articles/ep.md', `---\ntitle: Ep\ndate: 2024-11-21\n${lines}---\n${body}`), site());
}

describe('podcast settings', () => {
  it('groups subcategories under their category and defaults type and locked', () => {
    const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML + PODCAST));
    expect(parsed.ok && parsed.value.podcast).toEqual({
      owner: { name: 'Owner', email: 'owner@news.test.example' },
      image: { location: 'images/cover.png', file: 'syndic.yaml', line: 9, field: 'podcast.image' },
      categories: [['News', ['Politics', 'Daily News']], ['Technology', []]],
      explicit: false,
      type: 'episodic',
      locked: false,
    });
  });

  it('reports each bad field with its line', () => {
    const bad = PODCAST.replace('email: "owner@news.test.example"', 'email: nobody').replace('"News > Politics"', '"News > Gossip"').replace('explicit: false', 'explicit: "no"');
    expect(settingsProblems(bad)).toEqual([
      'syndic.yaml:8: podcast.owner.email: is not an email address',
      'syndic.yaml:10: podcast.categories.1: is not an Apple Podcasts category; write e.g. "News" or "News > Politics" (see src/input/apple-categories.ts)',
      'syndic.yaml:11: podcast.explicit: must be true or false',
    ]);
  });

  it('requires the owner and an image', () => {
    expect(settingsProblems('podcast:\n  categories: [News]\n  explicit: true\n')).toEqual([
      'syndic.yaml:7: podcast.owner: is required in podcast mode: add owner: {name: "…", email: "…"}',
      'syndic.yaml:7: podcast.image: is required',
    ]);
  });
});

describe('media settings', () => {
  it('strips image metadata unless media.keepMetadata is true', () => {
    const keep = parseSettings(source('syndic.yaml', `${SETTINGS_YAML}media: {keepMetadata: true}\n`));
    expect(keep.ok && keep.value.media).toEqual({ keepMetadata: true });
    const plain = parseSettings(source('syndic.yaml', SETTINGS_YAML));
    expect(plain.ok && plain.value).not.toHaveProperty('media');
    const wrong = parseSettings(source('syndic.yaml', `${SETTINGS_YAML}media: {keepMetadata: "yes"}\n`));
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.format().split('\n')[0])).toEqual([expect.stringMatching(/^syndic\.yaml:\d+: media\.keepMetadata: must be true or false/)]);
  });
});

describe('media frontmatter', () => {
  it('reads image, enclosure and episode fields with the line of each file named', () => {
    const parsed = frontmatter('image: {url: img/a.png, alt: "A"}\nenclosure: {url: "ep.mp3"}\nduration: "01:02:03"\nepisode: 3\nseason: 2\nepisodeType: bonus\ntranscript: ep.vtt\n');
    expect(parsed.ok && [parsed.value.image, parsed.value.enclosure, parsed.value.episode]).toEqual([
      { location: 'img/a.png', file: 'articles/ep.md', line: 4, field: 'image.url', alt: 'A' },
      { location: 'ep.mp3', file: 'articles/ep.md', line: 5, field: 'enclosure.url' },
      { duration: 3723, episode: 3, season: 2, episodeType: 'bonus', transcript: { location: 'ep.vtt', file: 'articles/ep.md', line: 10, field: 'transcript' } },
    ]);
  });

  it('reads the lead image as {url, alt, caption, credit}, or its URL alone', () => {
    const full = frontmatter('image:\n  url: img/a.jpg\n  alt: Vue de Kyiv\n  caption: "Kyiv, le 20 novembre."\n  credit: AFP\n');
    expect(full.ok && full.value.image).toEqual({ location: 'img/a.jpg', file: 'articles/ep.md', line: 5, field: 'image.url', alt: 'Vue de Kyiv', caption: 'Kyiv, le 20 novembre.', credit: 'AFP' });
    const short = frontmatter('image: img/a.jpg\n');
    expect(short.ok && short.value.image).toEqual({ location: 'img/a.jpg', file: 'articles/ep.md', line: 4, field: 'image' });
    const wrong = frontmatter('image: {url: img/a.jpg, legend: x}\n');
    expect(wrong.ok).toBe(false);
  });

  it('finds the body’s local files, with their lines', () => {
    const parsed = frontmatter('', 'Texte.\n\n![Carte](../images/carte.png)\n');
    expect(parsed.ok && parsed.value.references).toEqual([{ kind: 'file', written: '../images/carte.png', suffix: '', location: 'images/carte.png', file: 'articles/ep.md', line: 7, field: 'body' }]);
    const none = frontmatter('', 'Texte sans image.\n');
    expect(none.ok && none.value).not.toHaveProperty('references');
  });

  it('takes the duration from the enclosure too, but not from both', () => {
    const inner = frontmatter('enclosure: {url: "https://cdn.example/ep.mp3", duration: 754, length: 12, type: audio/mpeg}\n');
    expect(inner.ok && [inner.value.episode, inner.value.enclosure?.length, inner.value.enclosure?.type]).toEqual([{ duration: 754 }, 12, 'audio/mpeg']);
    const both = frontmatter('enclosure: {url: ep.mp3, duration: 1}\nduration: 2\n');
    expect(both.ok ? [] : both.problems.map((p) => p.format().split('\n')[0])).toEqual(['articles/ep.md:5: duration: is given twice, here and as enclosure.duration']);
  });

  it.each([
    ['enclosure: {url: ep.mp3, type: audio/mp3}', 'enclosure.type: is not a registered MIME type under its standard name'],
    ['image: ../secret.png', 'image: must be an absolute http(s) URL or a path inside the project'],
    ['image: /etc/passwd', 'image: must be an absolute http(s) URL or a path inside the project'],
    ['image: "ftp://x.example/a.png"', 'image: must be an absolute http(s) URL or a path inside the project'],
    ['duration: "1:75:00"', 'duration: must be a number of seconds or a string "HH:MM:SS"'],
    ['episodeType: pilot', 'episodeType:'],
    ['episode: 0', 'episode:'],
  ])('rejects %s', (line, message) => {
    const parsed = frontmatter(`${line}\n`);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.format())).toEqual([expect.stringContaining(`articles/ep.md:4: ${message}`)]);
  });
});

describe('schema predicates', () => {
  it('knows media locations', () => {
    expect(['a.png', 'img/a b.png', 'https://x.example/a.png'].map(isMediaLocation)).toEqual([true, true, true]);
    expect(['../a.png', 'img/../../a', '/a.png', 'C:\\a.png', 'javascript:alert(1)', 'a//b'].map(isMediaLocation)).toEqual([false, false, false, false, false, false]);
  });

  it('accepts MIME types only under their standard names', () => {
    expect(['audio/mpeg', 'video/mp4', 'application/pdf', 'image/jpeg'].map(isCanonicalType)).toEqual([true, true, true, true]);
    expect(['audio/mp3', 'image/jpg', 'audio/x-nothing', 'mpeg'].map(isCanonicalType)).toEqual([false, false, false, false]);
  });

  it('knows Apple categories and their subcategories', () => {
    expect(['News', 'News > Politics', 'Society & Culture > Documentary', 'True Crime'].map(isAppleCategory)).toEqual([true, true, true, true]);
    expect(['news', 'News > Tech', 'Politics', 'News > Politics > More'].map(isAppleCategory)).toEqual([false, false, false, false]);
  });
});
