// Corrections and retractions (issue 15 item 3): tombstones in Atom (RFC 6721), notice pages,
// and the committed memory syndic.published.json that makes them survive a deleted cache.
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildOptions } from '../../src/api.js';
import { SyndicError } from '../../src/errors.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const LATER = new Date('2025-01-02T00:00:00Z');
const SETTINGS = `title: Retractions
description: Corrections and retractions
url: https://retract.example/
language: en
author: Desk
`;

function article(title: string, day: string, extra = ''): string {
  return `---\ntitle: ${title}\ndate: 2024-12-${day}\ntags: [news]\n${extra}---\nText of ${title}.\n`;
}

async function site(articles: Record<string, string>, settings = 'feedLimit: 3\n'): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-retract-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), SETTINGS + settings);
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(root, 'articles', name), text);
  return root;
}

// A real build remembers; tests pin the clock and ask for that explicitly.
const real = (root: string, options: BuildOptions = {}): ReturnType<typeof build> => build({ root, now: NOW, remember: true, ...options });
const read = (root: string, file: string): Promise<string> => readFile(path.join(root, file), 'utf8');
const THREE = { 'a.md': article('Alpha', '01'), 'b.md': article('Bravo', '02'), 'c.md': article('Charlie', '03') };
const idOf = (stem: string): string => `tag:retract.example,2024-12-0${stem === 'a' ? 1 : stem === 'b' ? 2 : 3}:${stem}`;

describe('retractions', () => {
  it('turns a retracted article into a tombstone in Atom, drops it from RSS and JSON, and keeps its page as a notice', async () => {
    const root = await site(THREE);
    await real(root);
    await writeFile(path.join(root, 'articles/b.md'), article('Bravo', '02', 'retracted:\n  date: 2024-12-20\n  reason: "The source withdrew its statement & apologised."\n'));
    await real(root);
    const atom = await read(root, 'dist/atom.xml');
    expect(atom).toContain('<feed xmlns:at="http://purl.org/atompub/tombstones/1.0" xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toContain(`<at:deleted-entry ref="${idOf('b')}" when="2024-12-20T00:00:00.000Z">`);
    expect(atom).toContain('<at:comment>The source withdrew its statement &#x26; apologised.</at:comment>');
    expect(atom).not.toContain('<title type="text">Bravo</title>');
    expect(await read(root, 'dist/rss.xml')).not.toContain('Bravo');
    expect(await read(root, 'dist/feed.json')).not.toContain('Bravo');
    expect(await read(root, 'dist/tags/news/atom.xml')).toContain(`ref="${idOf('b')}"`);
    expect(await read(root, 'dist/tags/news/rss.xml')).not.toContain('Bravo');
    const page = await read(root, 'dist/articles/2024/12/02/b.html');
    expect(page).toContain('<h1>Retracted: Bravo</h1>');
    expect(page).toContain('The source withdrew its statement &amp; apologised.');
    expect(page).not.toContain('Text of Bravo');
    expect(await read(root, 'dist/index.html')).not.toContain('Bravo');
    const memory = JSON.parse(await read(root, 'syndic.published.json')) as { retracted: Array<{ id: string; url: string; title: string }> };
    expect(memory.retracted).toEqual([expect.objectContaining({ id: idOf('b'), url: 'https://retract.example/articles/2024/12/02/b.html', title: 'Bravo' })]);
  });

  it('survives deleting .syndic-cache, byte for byte', async () => {
    const root = await site({ ...THREE, 'b.md': article('Bravo', '02', 'retracted: {date: 2024-12-20, reason: Wrong.}\n') });
    await real(root);
    const before = await Promise.all(['dist/atom.xml', 'dist/rss.xml', 'dist/feed.json', 'syndic.published.json'].map((file) => read(root, file)));
    await rm(path.join(root, '.syndic-cache'), { recursive: true });
    await real(root);
    expect(await Promise.all(['dist/atom.xml', 'dist/rss.xml', 'dist/feed.json', 'syndic.published.json'].map((file) => read(root, file)))).toEqual(before);
  });

  it('keeps the notice page and the tombstone after the retracted article’s file is deleted', async () => {
    const root = await site({ ...THREE, 'b.md': article('Bravo', '02', 'retracted: {date: 2024-12-20, reason: Wrong.}\n') });
    await real(root);
    await unlink(path.join(root, 'articles/b.md'));
    await rm(path.join(root, '.syndic-cache'), { recursive: true });
    await real(root);
    expect(await read(root, 'dist/articles/2024/12/02/b.html')).toContain('<h1>Retracted: Bravo</h1>');
    expect(await read(root, 'dist/atom.xml')).toContain(`<at:deleted-entry ref="${idOf('b')}" when="2024-12-20T00:00:00.000Z">`);
  });

  it('rewrites the archive page that holds a retracted entry, in all three formats, and no other', async () => {
    const six = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((n) => [`${n}.md`, article(`Story ${n}`, `0${n}`)]));
    const root = await site(six, 'archive: true\nfeedLimit: 2\ngroups: {tags: false, authors: false}\n');
    await real(root);
    const page2 = await Promise.all(['atom.xml', 'rss.xml', 'feed.json'].map((file) => read(root, `dist/archive/2/${file}`)));
    await writeFile(path.join(root, 'articles/1.md'), article('Story 1', '01', 'retracted: {date: 2024-12-20, reason: Wrong.}\n'));
    await real(root);
    const [atom, rss, json] = await Promise.all(['atom.xml', 'rss.xml', 'feed.json'].map((file) => read(root, `dist/archive/1/${file}`)));
    expect(atom).toContain('<at:deleted-entry ref="tag:retract.example,2024-12-01:1"');
    expect(atom).toContain('<fh:archive');
    expect(rss).not.toContain('Story 1');
    expect(json).not.toContain('Story 1');
    expect(rss).toContain('Story 2');
    expect(await Promise.all(['atom.xml', 'rss.xml', 'feed.json'].map((file) => read(root, `dist/archive/2/${file}`)))).toEqual(page2);
  });

  it('shows a correction on the page and bumps updated to the correction date', async () => {
    const root = await site({ 'a.md': article('Alpha', '01', 'correction:\n  date: 2024-12-15\n  note: "An earlier version misspelt the mayor’s name."\n') });
    await real(root);
    const page = await read(root, 'dist/articles/2024/12/01/a.html');
    expect(page).toContain('<aside class="corrections" aria-label="Corrections">');
    expect(page).toContain('<li><time datetime="2024-12-15T00:00:00+00:00">December 15th, 2024</time>: An earlier version misspelt the mayor’s name.</li>');
    expect(await read(root, 'dist/atom.xml')).toContain('<updated>2024-12-15T00:00:00.000Z</updated>');
    expect(JSON.parse(await read(root, 'dist/feed.json')).items[0].date_modified).toBe('2024-12-15T00:00:00.000Z');
  });

  it('refuses a retraction or correction without its fields, or dated before the article, with file, line and field', async () => {
    const root = await site({
      'a.md': article('Alpha', '01', 'retracted:\n  date: 2024-12-20\n'),
      'b.md': article('Bravo', '02', 'correction:\n  - date: 2024-11-01\n    note: Too early.\n'),
      'c.md': article('Charlie', '03', 'correction: yes\n'),
    });
    const error = await real(root).catch((caught: unknown) => caught as SyndicError);
    expect(error).toBeInstanceOf(SyndicError);
    const problems = (error as SyndicError).problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`);
    expect(problems).toEqual([
      'articles/a.md:5: retracted.reason: is required',
      'articles/b.md:6: correction.0.date: "2024-11-01" is earlier than the article\'s date',
      'articles/c.md:5: correction: must be {date: YYYY-MM-DD, note: "…"} or a list of them',
    ]);
  });
});

describe('deletions', () => {
  it('tombstones a published article whose file is deleted, dated by the newest change of the site (never the clock), not before the entry', async () => {
    const root = await site(THREE);
    await real(root);
    await unlink(path.join(root, 'articles/c.md'));
    await real(root, { now: LATER });
    const atom = await read(root, 'dist/atom.xml');
    expect(atom).toContain(`<at:deleted-entry ref="${idOf('c')}" when="2024-12-03T00:00:00.000Z"/>`);
    expect(await read(root, 'dist/rss.xml')).not.toContain('Charlie');
    // The next build keeps the remembered when: same bytes.
    await real(root, { now: new Date('2025-01-03T00:00:00Z') });
    expect(await read(root, 'dist/atom.xml')).toBe(atom);
  });

  it('drops the tombstone once feedLimit newer entries exist', async () => {
    const root = await site(THREE);
    await real(root);
    await unlink(path.join(root, 'articles/c.md'));
    await real(root);
    for (const day of ['10', '11', '12']) await writeFile(path.join(root, `articles/n${day}.md`), article(`New ${day}`, day));
    await real(root);
    expect(await read(root, 'dist/atom.xml')).not.toContain('at:deleted-entry');
    expect(JSON.parse(await read(root, 'syndic.published.json')).deleted).toEqual([]);
  });

  it('does not take an article left out by --keep-going as deleted', async () => {
    const root = await site(THREE);
    await real(root);
    await writeFile(path.join(root, 'articles/c.md'), '---\ntitle: Charlie\ndate: not a date\n---\nText.\n');
    await real(root, { keepGoing: true });
    expect(await read(root, 'dist/atom.xml')).not.toContain('at:deleted-entry');
    expect(JSON.parse(await read(root, 'syndic.published.json')).entries.map((entry: { id: string }) => entry.id)).toContain(idOf('c'));
  });

  it('does not take articles as deleted when --articles names another folder', async () => {
    const root = await site(THREE);
    await real(root);
    await mkdir(path.join(root, 'other'));
    await writeFile(path.join(root, 'other/z.md'), article('Zulu', '09'));
    const result = await real(root, { articlesDir: 'other' });
    expect(await read(root, 'dist/atom.xml')).not.toContain('at:deleted-entry');
    expect(result.notices.map((notice) => notice.message)).toContain('was made from the articles folder articles, not other: no article is taken as deleted');
  });

  it('stops a build that would tombstone more than 3 articles, unless confirmed', async () => {
    const five = Object.fromEntries(['1', '2', '3', '4', '5'].map((n) => [`${n}.md`, article(`Story ${n}`, `0${n}`)]));
    const root = await site(five, 'feedLimit: 10\n');
    await real(root);
    const before = await read(root, 'dist/atom.xml');
    const memory = await read(root, 'syndic.published.json');
    for (const n of ['1', '2', '3', '4']) await unlink(path.join(root, `articles/${n}.md`));
    const error = await real(root).catch((caught: unknown) => caught as SyndicError);
    expect(error).toBeInstanceOf(SyndicError);
    expect((error as SyndicError).code).toBe('MASS_DELETION');
    expect((error as SyndicError).hint).toContain('--confirm-deletions');
    expect(await read(root, 'dist/atom.xml')).toBe(before);
    expect(await read(root, 'syndic.published.json')).toBe(memory);
    await real(root, { confirmDeletions: true });
    expect((await read(root, 'dist/atom.xml')).match(/<at:deleted-entry /g)).toHaveLength(4);
  });
});

describe('syndic.published.json', () => {
  it('is written only by a real build: not with now, --drafts or --future', async () => {
    const root = await site(THREE);
    await build({ root, now: NOW });
    await build({ root, now: NOW, drafts: true, outDir: 'preview' });
    await build({ root, future: true, outDir: 'preview' });
    await expect(read(root, 'syndic.published.json')).rejects.toThrow(/ENOENT/);
    await build({ root });
    expect(JSON.parse(await read(root, 'syndic.published.json')).entries).toHaveLength(3);
  });

  it('has deterministic bytes, sorted by id, one entry a line', async () => {
    const root = await site(THREE);
    await real(root);
    expect(await read(root, 'syndic.published.json')).toBe(`{
  "about": "Written by syndic build: the entries feed readers may still hold, and the retractions. Commit it; do not edit it. See README, \\"Corrections and retractions\\".",
  "version": 1,
  "articles": "articles",
  "entries": [
    {"id":"${idOf('a')}","source":"articles/a.md","date":"2024-12-01T00:00:00.000Z","feeds":["","authors/desk/","tags/news/"]},
    {"id":"${idOf('b')}","source":"articles/b.md","date":"2024-12-02T00:00:00.000Z","feeds":["","authors/desk/","tags/news/"]},
    {"id":"${idOf('c')}","source":"articles/c.md","date":"2024-12-03T00:00:00.000Z","feeds":["","authors/desk/","tags/news/"]}
  ],
  "deleted": [],
  "retracted": []
}
`);
  });

  it('may not be the output folder', async () => {
    const root = await site(THREE);
    const error = await build({ root, now: NOW, outDir: 'syndic.published.json' }).catch((caught: unknown) => caught as SyndicError);
    expect((error as SyndicError).problems.map((problem) => problem.message)).toEqual([expect.stringContaining('overlaps the memory of published entries (syndic.published.json)')]);
  });
});
