// Episode art and chapters in podcast mode (media.ts episodeArt, chaptersBeside).
import { describe, expect, it } from 'vitest';
import { mediaCopies, resolveMedia } from '../../src/media/assets.js';
import type { MediaProbe, MediaRef, Podcast } from '../../src/model.js';
import type { MediaProbes } from '../../src/media/probe.js';
import { article, site } from '../support/factories.js';

const ref = (location: string, field: string): MediaRef => ({ location, file: 'articles/story.md', line: 4, field });
const probe = (size: number, dims: Partial<MediaProbe> = {}): MediaProbe => ({ from: `/project/${size}`, stamp: { size, mtimeMs: 1, ino: 2 }, ...dims });
const PODCAST: Podcast = {
  owner: { name: 'Owner', email: 'owner@news.test.example' },
  image: { location: 'https://cdn.example/c.jpg', file: 'syndic.yaml', line: 9, field: 'podcast.image' },
  categories: [['News', []]],
  explicit: false,
  type: 'episodic',
  locked: false,
};
const podcastSite = site({ podcast: PODCAST });
const SQUARE = probe(7920, { width: 1400, height: 1400, format: 'png' });
const WIDE = probe(3161, { width: 1200, height: 630, format: 'png' });

describe('episode art', () => {
  it('is the episodeImage when it is square', () => {
    const { assets, problems } = resolveMedia([article({ episode: { image: ref('images/ep.png', 'episodeImage') } })], podcastSite, new Map([['images/ep.png', SQUARE]]));
    expect(problems).toEqual([]);
    expect(assets.get('articles/story.md')?.episodeImage).toEqual({ url: 'https://news.test.example/media/images/ep.png', type: 'image/png', length: 7920, width: 1400, height: 1400 });
  });

  it('refuses an episodeImage that is not square, at its line and field', () => {
    const { problems, rejected } = resolveMedia([article({ episode: { image: ref('images/ep.png', 'episodeImage') } })], podcastSite, new Map([['images/ep.png', WIDE]]));
    expect(problems.map((p) => p.format().split('\n')[0])).toEqual(['articles/story.md:4: episodeImage: is 1200×630 pixels, not square']);
    expect(problems[0]?.hint).toContain('square');
    expect([...rejected]).toEqual(['articles/story.md']);
  });

  it('is the lead image when that is square, and never a landscape one', () => {
    const square = resolveMedia([article({ image: ref('images/sq.png', 'image') })], podcastSite, new Map([['images/sq.png', SQUARE]]));
    expect(square.assets.get('articles/story.md')?.episodeImage?.url).toBe('https://news.test.example/media/images/sq.png');
    const wide = resolveMedia([article({ image: ref('images/wide.png', 'image') })], podcastSite, new Map([['images/wide.png', WIDE]]));
    expect(wide.assets.get('articles/story.md')?.episodeImage).toBeUndefined();
    const notPodcast = resolveMedia([article({ image: ref('images/sq.png', 'image') })], site(), new Map([['images/sq.png', SQUARE]]));
    expect(notPodcast.assets.get('articles/story.md')?.episodeImage).toBeUndefined();
  });
});

describe('chapters', () => {
  it('get the type application/json+chapters, which no MIME database has', () => {
    const { assets } = resolveMedia([article({ episode: { chapters: ref('episodes/c.json', 'chapters') } })], podcastSite, new Map([['episodes/c.json', probe(120)]]));
    expect(assets.get('articles/story.md')?.chapters).toEqual({ url: 'https://news.test.example/media/episodes/c.json', type: 'application/json+chapters', length: 120 });
  });

  it('refuse a file that is not JSON', () => {
    const { problems } = resolveMedia([article({ episode: { chapters: ref('episodes/c.txt', 'chapters') } })], podcastSite, new Map([['episodes/c.txt', probe(120)]]));
    expect(problems.map((p) => p.message)).toEqual(['is text/plain, not a JSON chapters file']);
  });

  it('are found beside the audio and copied, or silently absent', () => {
    const story = article({ enclosure: ref('episodes/ep2.mp3', 'enclosure.url') });
    const probes: MediaProbes = new Map<string, MediaProbe | string>([['episodes/ep2.mp3', probe(1668)], ['episodes/ep2.chapters.json', probe(99)]]);
    const { assets, problems } = resolveMedia([story], podcastSite, probes);
    expect(problems).toEqual([]);
    expect(assets.get('articles/story.md')?.chapters?.url).toBe('https://news.test.example/media/episodes/ep2.chapters.json');
    expect(mediaCopies([story], podcastSite, probes).map((copy) => copy.path)).toContain('media/episodes/ep2.chapters.json');
    const without = resolveMedia([story], podcastSite, new Map<string, MediaProbe | string>([['episodes/ep2.mp3', probe(1668)], ['episodes/ep2.chapters.json', 'does not exist']]));
    expect(without.problems).toEqual([]);
    expect(without.assets.get('articles/story.md')?.chapters).toBeUndefined();
  });
});
