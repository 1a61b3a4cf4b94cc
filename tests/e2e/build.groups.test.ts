// Tag and author feeds, the OPML list, RFC 5005 archives and WebSub hubs, end to end through build().
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { check } from '../../src/check.js';
import { SyndicError } from '../../src/errors.js';
import { assertWellFormedXml, parseFeed, validateFeedFile } from '../support/validators.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SETTINGS = `title: Groups
description: Grouped feeds
url: https://groups.example/
language: fr
author: Rédaction
feedLimit: 3
`;

async function site(settings: string, articles: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-groups-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), SETTINGS + settings);
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(root, 'articles', name), text);
  return root;
}

function story(day: number, fields = ''): [string, string] {
  const date = `2024-03-${String(day).padStart(2, '0')}`;
  return [`${date}-s${day}.md`, `---\ntitle: Story ${day}\ndate: ${date}\n${fields}---\nBody ${day}.\n`];
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('tag and author feeds', async () => {
  const root = await site('', Object.fromEntries([
    story(1, 'tags: ["Politique étrangère", Climat]\nauthor: Marie Dubois\n'),
    story(2, 'tags: ["Politique étrangère"]\nauthor: [Marie Dubois, Jan Janssens]\n'),
    story(3, 'tags: [Climat, Climat]\n'),
  ]));
  await build({ root, now: NOW });
  const dist = path.join(root, 'dist');
  const written = await files(dist);

  it('gives each tag and author a folder named by its slug, with three feeds and a page', () => {
    for (const dir of ['tags/politique-etrangere', 'tags/climat', 'authors/marie-dubois', 'authors/jan-janssens', 'authors/redaction']) {
      expect(written).toEqual(expect.arrayContaining(['atom.xml', 'feed.json', 'index.html', 'rss.xml'].map((name) => `${dir}/${name}`)));
    }
  });

  it.each(['rss.xml', 'atom.xml', 'feed.json'])('every %s is valid and carries only its group, newest first, under its own title and self link', async (name) => {
    for (const file of written.filter((f) => f.endsWith(name))) expect(await validateFeedFile(path.join(dist, file)), file).toEqual([]);
    const text = await readFile(path.join(dist, 'tags/politique-etrangere', name), 'utf8');
    const feed = await parseFeed(text);
    expect(feed.title).toBe('Politique étrangère · Groups');
    expect(feed.items.map((item) => item.title)).toEqual(['Story 2', 'Story 1']);
    expect(text).toContain(`https://groups.example/tags/politique-etrangere/${name}`);
    // A tag named twice in one article lists it once.
    expect((await parseFeed(await readFile(path.join(dist, 'tags/climat', name), 'utf8'))).items.map((item) => item.title)).toEqual(['Story 3', 'Story 1']);
    expect((await parseFeed(await readFile(path.join(dist, 'authors/marie-dubois', name), 'utf8'))).items.map((item) => item.title)).toEqual(['Story 2', 'Story 1']);
  });

  it('lists the group on its page, which advertises the group feeds', async () => {
    const page = await readFile(path.join(dist, 'authors/jan-janssens/index.html'), 'utf8');
    expect(page).toContain('Story 2');
    expect(page).not.toContain('Story 1');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Jan Janssens · Groups (Atom)" href="https://groups.example/authors/jan-janssens/atom.xml">');
  });

  it('lists every subscription feed once in a well-formed OPML file, each pointing at a file that exists', async () => {
    const opml = await readFile(path.join(dist, 'feeds.opml'), 'utf8');
    await assertWellFormedXml(opml);
    const urls = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(urls).toEqual([
      'https://groups.example/rss.xml',
      'https://groups.example/tags/climat/rss.xml',
      'https://groups.example/tags/politique-etrangere/rss.xml',
      'https://groups.example/authors/jan-janssens/rss.xml',
      'https://groups.example/authors/marie-dubois/rss.xml',
      'https://groups.example/authors/redaction/rss.xml',
    ]);
    for (const url of urls) expect(written).toContain(new URL(url).pathname.slice(1));
    expect(opml).toContain('text="Politique étrangère · Groups"');
  });
});

describe('group settings', () => {
  it('switch groups off, set their feed length and leave out small groups', async () => {
    const root = await site('groups:\n  authors: false\n  tags: {feedLimit: 1, minArticles: 2}\n', Object.fromEntries([story(1, 'tags: [A, B]\n'), story(2, 'tags: [A]\n')]));
    await build({ root, now: NOW });
    const written = await files(path.join(root, 'dist'));
    expect(written.filter((file) => file.startsWith('authors/'))).toEqual([]);
    expect(written.filter((file) => file.startsWith('tags/'))).toEqual(['tags/a/atom.xml', 'tags/a/feed.json', 'tags/a/index.html', 'tags/a/rss.xml', 'tags/index.html']);
    expect((await parseFeed(await readFile(path.join(root, 'dist/tags/a/atom.xml'), 'utf8'))).items.map((item) => item.title)).toEqual(['Story 2']);
  });

  it('report two tags that share a slug, naming both files, the line and the field, and write nothing', async () => {
    const root = await site('', Object.fromEntries([story(1, 'tags: ["Politique étrangère"]\n'), story(2, 'summary: x\ntags: ["politique etrangere"]\n')]));
    const error = await build({ root, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicError);
    const [problem] = (error as SyndicError).problems;
    expect(problem?.format()).toContain('articles/2024-03-02-s2.md:5: tags: "politique etrangere" and "Politique étrangère" (articles/2024-03-01-s1.md) would share the feed folder politique-etrangere/');
    expect(problem?.code).toBe('DUPLICATE');
    expect(await readdir(root)).not.toContain('dist');
    // `syndic check` finds it too, without a build.
    expect((await check({ root })).problems.map((p) => p.format())).toEqual([problem?.format()]);
  });

  it('report two author spellings that share a slug, but not when author feeds are off', async () => {
    const articles = Object.fromEntries([story(1, 'author: Peter van Halteren\n'), story(2, 'author: Peter Van Halteren\n')]);
    const error = await build({ root: await site('', articles), now: NOW }).catch((e: unknown) => e);
    expect((error as SyndicError).problems[0]?.field).toBe('author');
    await expect(build({ root: await site('groups: {authors: false}\n', articles), now: NOW })).resolves.toMatchObject({ published: 2 });
  });
});

describe('group pages that appear or go', () => {
  it('relink the unchanged articles of that group, as a full build would', async () => {
    const root = await site('groups: {tags: {minArticles: 2}, authors: false}\n', Object.fromEntries([story(1, 'tags: [Rare, Common]\n'), story(2, 'tags: [Common]\n')]));
    const first = path.join(root, 'dist/articles/2024/03/01/s1.html');
    await build({ root, now: NOW });
    expect(await readFile(first, 'utf8')).toContain('<li>Rare</li>');
    // A second "Rare" article makes the group; story 1 did not change, but its page must link it.
    await writeFile(path.join(root, 'articles', story(3)[0]), story(3, 'tags: [Rare]\n')[1]);
    const added = await build({ root, now: NOW });
    expect(added.changed).toContain('articles/2024/03/01/s1.html');
    expect(await readFile(first, 'utf8')).toContain('<a href="../../../../tags/rare/" rel="tag">Rare</a>');
    const full = await mkdtemp(path.join(tmpdir(), 'syndic-groups-full-'));
    await build({ root, now: NOW, outDir: full, cache: false });
    expect(await readFile(path.join(full, 'articles/2024/03/01/s1.html'), 'utf8')).toBe(await readFile(first, 'utf8'));
    // And back: the group goes, the link goes.
    await writeFile(path.join(root, 'articles', story(3)[0]), story(3)[1]);
    await build({ root, now: NOW });
    expect(await readFile(first, 'utf8')).toContain('<li>Rare</li>');
  });
});

/** The feed-level links of an RSS or Atom document, by rel. */
function links(xml: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const head = xml.slice(0, Math.max(xml.indexOf('<item>'), xml.indexOf('<entry>'), 0) || undefined);
  for (const match of head.matchAll(/<(?:atom:)?link\b([^>]*)\/>/g)) {
    const attrs = match[1] ?? '';
    const rel = /rel="([^"]+)"/.exec(attrs)?.[1] ?? 'alternate';
    (found[rel] ??= []).push(/href="([^"]+)"/.exec(attrs)?.[1] ?? '');
  }
  return found;
}

describe('RFC 5005 archives and WebSub hubs', async () => {
  const articles = Object.fromEntries(Array.from({ length: 17 }, (_, i) => story(i + 1)));
  const root = await site('archive: true\nhub: [https://hub.example/, https://pubsubhubbub.example/]\ngroups: {tags: false, authors: false}\n', articles);
  await build({ root, now: NOW });
  const dist = path.join(root, 'dist');
  const read = (url: string): Promise<string> => readFile(path.join(dist, new URL(url).pathname), 'utf8');

  it.each(['rss.xml', 'atom.xml'])('%s: following prev-archive from the subscription feed reaches every article exactly once', async (name) => {
    const seen: string[] = [];
    let url: string | undefined = `https://groups.example/${name}`;
    let documents = 0;
    while (url) {
      const text = await read(url);
      expect(await validateFeedFile(path.join(dist, new URL(url).pathname)), url).toEqual([]);
      const isArchive = documents > 0;
      expect(text.includes('<fh:archive xmlns:fh="http://purl.org/syndication/history/1.0"/>'), url).toBe(isArchive);
      if (isArchive) expect(links(text).current).toEqual([`https://groups.example/${name}`]);
      expect(links(text).hub).toEqual(['https://hub.example/', 'https://pubsubhubbub.example/']);
      seen.push(...(await parseFeed(text)).items.map((item) => item.title));
      url = links(text)['prev-archive']?.[0];
      documents++;
    }
    expect(documents).toBe(5);
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
    // The subscription feed never carries fewer than feedLimit entries: 17 = 4 pages of 3 + 5.
    expect((await parseFeed(await read(`https://groups.example/${name}`))).items).toHaveLength(5);
  });

  it('links archive pages both ways, except past the oldest and the newest', async () => {
    expect(links(await read('https://groups.example/archive/1/atom.xml'))).toMatchObject({ 'next-archive': ['https://groups.example/archive/2/atom.xml'] });
    expect(links(await read('https://groups.example/archive/1/atom.xml'))['prev-archive']).toBeUndefined();
    expect(links(await read('https://groups.example/archive/4/rss.xml'))['next-archive']).toBeUndefined();
    expect(links(await read('https://groups.example/archive/4/rss.xml'))['prev-archive']).toEqual(['https://groups.example/archive/3/rss.xml']);
  });

  it('JSON Feed: next_url leads through every archive page, and hubs are advertised', async () => {
    const seen: string[] = [];
    let url: string | undefined = 'https://groups.example/feed.json';
    while (url) {
      const feed = JSON.parse(await read(url)) as { next_url?: string; hubs?: unknown; items: Array<{ title: string }> };
      expect(await validateFeedFile(path.join(dist, new URL(url).pathname))).toEqual([]);
      expect(feed.hubs).toEqual([
        { type: 'WebSub', url: 'https://hub.example/' },
        { type: 'WebSub', url: 'https://pubsubhubbub.example/' },
      ]);
      seen.push(...feed.items.map((item) => item.title));
      url = feed.next_url;
    }
    expect(seen).toEqual(Array.from({ length: 17 }, (_, i) => `Story ${17 - i}`));
  });

  it('cuts a new page once feedLimit newer articles wait, and otherwise rewrites no archive page', async () => {
    expect((await files(dist)).filter((file) => file.startsWith('archive/'))).toHaveLength(12);
    await writeFile(path.join(root, 'articles', story(18)[0]), story(18)[1]);
    const cut = await build({ root, now: NOW });
    // Page 5 is new; page 4 gains only its next-archive link (RFC 5005 §4 SHOULD; JSON Feed pages
    // link one way only); pages 1-3 are untouched.
    expect(cut.changed.filter((file) => file.startsWith('archive/'))).toEqual(['archive/4/atom.xml', 'archive/4/rss.xml', 'archive/5/atom.xml', 'archive/5/feed.json', 'archive/5/rss.xml']);
    expect(await read('https://groups.example/archive/4/atom.xml')).toContain('<link rel="next-archive" href="https://groups.example/archive/5/atom.xml"/>');
    for (const day of [19, 20]) {
      await writeFile(path.join(root, 'articles', story(day)[0]), story(day)[1]);
      const added = await build({ root, now: NOW });
      expect(added.changed).toContain('rss.xml');
      expect(added.changed.filter((file) => file.startsWith('archive/'))).toEqual([]);
    }
  });
});
