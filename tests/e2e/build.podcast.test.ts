// The podcast fixture, built end to end: golden files, copies of its media, and every validator.
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SyndicError } from '../../src/errors.js';
import { parseFeed, validateAtom, validateJsonFeed, validateRss } from '../support/validators.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/podcast');
const NOW = new Date('2025-01-01T00:00:00Z');

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

async function copyOfFixture(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-podcast-'));
  await cp(path.join(FIXTURE, 'input'), root, { recursive: true });
  return root;
}

describe('build of the podcast fixture', async () => {
  const root = await copyOfFixture();
  await build({ root, now: NOW });
  const out = path.join(root, 'dist');
  const read = (file: string) => readFile(path.join(out, file), 'utf8');

  it('writes the feeds, the pages and a copy of every local file', async () => {
    expect(await files(out)).toEqual([
      '.syndic-manifest',
      'articles/bande-annonce.html',
      'articles/episode-1.html',
      'articles/episode-2.html',
      'atom.xml',
      'feed.json',
      'feed.xsl',
      'feeds.opml',
      'index.html',
      'media/episodes/ep1.chapters.json',
      'media/episodes/ep1.mp3',
      'media/episodes/ep1.vtt',
      'media/episodes/ep2.chapters.json',
      'media/episodes/ep2.mp3',
      'media/episodes/ep3.mp3',
      'media/episodes/ep3.srt',
      'media/images/cover.png',
      'media/images/episode-2.png',
      'media/images/studio.png',
      'news-sitemap.xml',
      'robots.txt',
      'rss.xml',
      'sitemap.xml',
    ]);
    for (const file of ['episodes/ep2.mp3', 'images/cover.png']) {
      expect((await readFile(path.join(out, 'media', file))).equals(await readFile(path.join(root, file))), file).toBe(true);
    }
  });

  it.each(['rss.xml', 'atom.xml', 'feed.json', 'articles/episode-1.html'])('%s matches its golden file byte for byte', async (file) => {
    await expect(await read(file)).toMatchFileSnapshot(path.join(FIXTURE, 'expected', file));
  });

  it('passes the independent validators', async () => {
    expect(await validateRss(await read('rss.xml'))).toEqual([]);
    expect(await validateAtom(await read('atom.xml'))).toEqual([]);
    expect(validateJsonFeed(JSON.parse(await read('feed.json')))).toEqual([]);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect((await parseFeed(await read(file))).items.map((item) => item.title)).toHaveLength(3);
  });

  it('describes each episode the same way in the three formats', async () => {
    const rss = await read('rss.xml');
    const atom = await read('atom.xml');
    const json = JSON.parse(await read('feed.json')) as { items: Array<{ attachments?: unknown[]; image?: string }> };
    const url = 'https://podcast.syndic.example/media/episodes/ep2.mp3';
    expect(rss).toContain(`<enclosure length="1668" type="audio/mpeg" url="${url}"/>`);
    expect(atom).toContain(`<link rel="enclosure" href="${url}" type="audio/mpeg" length="1668"/>`);
    expect(json.items[1]?.attachments).toEqual([{ url, mime_type: 'audio/mpeg', size_in_bytes: 1668, duration_in_seconds: 754 }]);
    expect(json.items[1]?.image).toBe('https://podcast.syndic.example/media/images/studio.png');
  });
});

describe('the duration the feeds and pages give', async () => {
  const root = await copyOfFixture();
  const { writeFile } = await import('node:fs/promises');
  const edit = async (file: string, from: string, to: string) => writeFile(path.join(root, file), (await readFile(path.join(root, file), 'utf8')).replace(from, to));
  // Wrong or missing in the frontmatter of local files; given for a remote one.
  await edit('articles/2024-11-08-episode-1.md', 'duration: 754}', 'duration: 700}');
  await edit('articles/2024-11-15-episode-2.md', 'duration: 1805\n', '');
  await edit('articles/2024-11-01-bande-annonce.md', 'enclosure: {url: "episodes/ep1.mp3"}', 'enclosure: {url: "https://cdn.syndic.example/ep1.mp3", length: 834}');
  await build({ root, now: NOW });
  const read = (file: string) => readFile(path.join(root, 'dist', file), 'utf8');

  it('is the one a local MP3’s header states, whatever the frontmatter says', async () => {
    const rss = await read('rss.xml');
    expect(rss.match(/<itunes:duration>\d+<\/itunes:duration>/g)).toEqual(['<itunes:duration>1805</itunes:duration>', '<itunes:duration>754</itunes:duration>', '<itunes:duration>65</itunes:duration>']);
    const json = JSON.parse(await read('feed.json')) as { items: Array<{ attachments?: Array<{ duration_in_seconds?: number }> }> };
    expect(json.items.map((item) => item.attachments?.[0]?.duration_in_seconds)).toEqual([1805, 754, 65]);
    expect(await read('articles/episode-1.html')).toContain('<time datetime="PT12M34S">12:34</time>');
  });
});

describe('a podcast whose media are wrong', () => {
  it('lists every problem at its file, line and field, and writes nothing', async () => {
    const root = await copyOfFixture();
    const { rm, writeFile } = await import('node:fs/promises');
    await rm(path.join(root, 'episodes/ep2.mp3'));
    await writeFile(path.join(root, 'articles/2024-11-15-episode-2.md'), (await readFile(path.join(root, 'articles/2024-11-15-episode-2.md'), 'utf8')).replace('episodes/ep3.mp3', 'episodes/ep3.ogg'));
    const error = await build({ root, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicError);
    expect((error as SyndicError).problems.map((p) => p.format().split('\n')[0])).toEqual([
      'articles/2024-11-08-episode-1.md:6: enclosure.url: "episodes/ep2.mp3" does not exist',
      'articles/2024-11-15-episode-2.md:4: enclosure.url: "episodes/ep3.ogg" does not exist',
    ]);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  });

  it('stops on a cover Apple would refuse, even with --keep-going', async () => {
    const root = await copyOfFixture();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(root, 'syndic.yaml'), (await readFile(path.join(root, 'syndic.yaml'), 'utf8')).replace('images/cover.png', 'images/studio.png'));
    const error = await build({ root, now: NOW, keepGoing: true }).catch((e: unknown) => e);
    expect((error as SyndicError).problems.map((p) => p.format())).toEqual([
      'syndic.yaml:11: podcast.image: is 1200×630 pixels\n  hint: Apple Podcasts wants a square JPEG or PNG of 1400 to 3000 pixels a side',
    ]);
  });
});

describe('a tag of a podcast site that is a podcast of its own', async () => {
  const root = await copyOfFixture();
  const { writeFile } = await import('node:fs/promises');
  const settings = (await readFile(path.join(root, 'syndic.yaml'), 'utf8'))
    .replace('groups: {tags: false, authors: false}', 'groups: {tags: true, authors: false}')
    .replace('  locked: true\n', '  locked: true\n  groups:\n    - {name: "Russie", guid: "a832960f-78ba-5473-92e8-1a123e36fe85", image: images/episode-2.png}\n');
  await writeFile(path.join(root, 'syndic.yaml'), settings);
  await build({ root, now: NOW });
  const read = (file: string) => readFile(path.join(root, 'dist', file), 'utf8');

  it('has its own podcast:guid and cover, and the episodes its podcast tags', async () => {
    const rss = await read('tags/russie/rss.xml');
    expect(rss).toContain('<podcast:guid>a832960f-78ba-5473-92e8-1a123e36fe85</podcast:guid>');
    expect(rss).toContain('<itunes:image href="https://podcast.syndic.example/media/images/episode-2.png"/>');
    expect(rss).toContain('<podcast:chapters url="https://podcast.syndic.example/media/episodes/ep2.chapters.json" type="application/json+chapters"/>');
    // The show's move and its verification text stay with the show's feed.
    expect(rss).not.toContain('itunes:new-feed-url');
    expect(rss).not.toContain('podcast:txt');
    expect(await validateRss(rss)).toEqual([]);
  });

  it('leaves a tag no group names a plain feed', async () => {
    const rss = await read('tags/coree-du-nord/rss.xml');
    expect(rss).not.toContain('podcast:');
    expect(rss).not.toContain('itunes:');
  });
});
