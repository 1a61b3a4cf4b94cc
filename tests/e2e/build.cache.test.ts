// The cached, incremental build must give exactly the bytes of a full build, after any edit.
import { appendFile, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusArticle, writeCorpus } from '../../bench/corpus.js';
import { build } from '../../src/build.js';

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('the build cache', () => {
  const OLD_PAGES = 'permalink: "articles/:slug.html"\n';
  it.each([
    [OLD_PAGES, 20],
    [`${OLD_PAGES}archive: true\n`, 8],
    // The default permalink (pages under the day, redirects at the 0.2.0 addresses): the same bytes as a full build too.
    ['', 20],
  ])('matches a full build after every kind of change (settings %j, feedLimit %i)', { timeout: 300_000 }, async (extra, feedLimit) => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-cache-'));
    await writeCorpus(root, 60, { feedLimit, settings: extra });
    const archived = extra.includes('archive');
    // Under the default permalink the names below are the redirects; the real pages are dated.
    const dated = !extra.includes('permalink');
    const expectChanged = (changed: string[], files: string[], exact = false): void => {
      if (dated) return;
      if (exact) expect(changed).toEqual(files);
      else expect(changed).toEqual(expect.arrayContaining(files));
    };
    const article = (i: number) => path.join(root, 'articles', corpusArticle(i).name);
    let now = new Date('2025-01-01T00:00:00Z');
    const check = async (label: string): Promise<string[]> => {
      const incremental = await build({ root, now });
      const full = await mkdtemp(path.join(tmpdir(), 'syndic-full-'));
      await build({ root, now, outDir: full, cache: false });
      expect(await tree(path.join(root, 'dist')), label).toEqual(await tree(full));
      return incremental.changed;
    };

    const cold = await check('cold');
    expectChanged(cold, ['articles/article-59.html', 'feeds.opml', 'tags/politique-etrangere/rss.xml', 'authors/marie-dubois/index.html']);
    expect(cold.some((file) => file.startsWith('archive/'))).toBe(archived);
    expect(await check('no change')).toEqual([]);

    const old = article(50);
    await utimes(old, new Date(), new Date(Date.now() + 5_000));
    expect(await check('touched, same bytes')).toEqual([]);

    await appendFile(old, '\nUne correction.\n');
    const oldEdit = await check('old article edited');
    expectChanged(oldEdit, ['articles/article-50.html']);
    // Only the documents that carry it: its own page, and with archives the one page that holds it.
    expectChanged(
      oldEdit.filter((file) => !file.startsWith('tags/') && !file.startsWith('authors/')),
      archived ? ['archive/2/atom.xml', 'archive/2/feed.json', 'archive/2/rss.xml', 'articles/article-50.html'] : ['articles/article-50.html'],
      true,
    );
    if (dated) expect(oldEdit.filter((file) => file.startsWith('articles/'))).toEqual([expect.stringMatching(/^articles\/\d{4}\/\d{2}\/\d{2}\/article-50\.html$/)]);

    await appendFile(article(0), '\nMise à jour.\n');
    expectChanged(await check('newest article edited'), ['articles/article-0.html', 'atom.xml', 'feed.json', 'rss.xml']);

    await writeFile(path.join(root, 'articles/2024-12-01-breaking.md'), '---\ntitle: Breaking\ndate: 2024-12-01T10:00:00Z\n---\nNews.\n');
    const added = await check('new article');
    expectChanged(added, dated ? [] : ['articles/breaking.html']);
    if (dated) expect(added).toEqual(expect.arrayContaining(['articles/2024/12/01/breaking.html', 'articles/breaking.html']));
    // RFC 5005: a new article never rewrites a complete archive page (61 articles still make 6 pages of 8).
    expect(added.filter((file) => file.includes('archive/'))).toEqual([]);

    // A new tag and a new author: their feeds and pages appear, the OPML list names them.
    const topical = path.join(root, 'articles/2024-12-02-sujet-neuf.md');
    await writeFile(topical, '---\ntitle: Sujet neuf\ndate: 2024-12-02T10:00:00Z\ntags: [Sujet neuf, Europe]\nauthor: Nouvelle Plume\n---\nTexte.\n');
    expect(await check('group appears')).toEqual(expect.arrayContaining(['tags/sujet-neuf/rss.xml', 'tags/sujet-neuf/index.html', 'authors/nouvelle-plume/feed.json', 'feeds.opml']));
    await rm(topical);
    expect(await check('group disappears')).toEqual(expect.arrayContaining(['tags/sujet-neuf/rss.xml', 'authors/nouvelle-plume/index.html', 'feeds.opml']));

    if (archived) {
      // 61 articles make 6 archive pages of 8; 64 make 7: the new page is cut, page 6 gains its
      // link to it, and pages 1 to 5 stay as they were.
      for (const day of [3, 4, 5]) await writeFile(path.join(root, `articles/2024-12-0${day}-suite-${day}.md`), `---\ntitle: Suite ${day}\ndate: 2024-12-0${day}T10:00:00Z\n---\nTexte.\n`);
      const filled = await check('archive page fills');
      expect(filled.filter((file) => /^archive\/\d+\//.test(file)).map((file) => file.split('/')[1])).toEqual(['6', '6', '7', '7', '7']);
    }

    const scheduled = path.join(root, 'articles/2025-06-01-later.md');
    await writeFile(scheduled, '---\ntitle: Later\ndate: 2025-06-01T08:00:00Z\n---\nSoon.\n');
    expect(await check('scheduled article, not yet due')).toEqual([]);
    now = new Date('2025-06-01T08:00:00Z');
    expect(await check('scheduled article now due')).toContain(dated ? 'articles/2025/06/01/later.html' : 'articles/later.html');

    const text = await readFile(article(3), 'utf8');
    await writeFile(article(3), text.replace(/^title: .*$/m, 'title: "Retitled"').replace('---\n\n', 'slug: moved\n---\n\n'));
    expectChanged(await check('retitled and re-slugged'), ['articles/article-3.html', 'articles/moved.html']);

    await rm(article(10));
    expectChanged(await check('article deleted'), ['articles/article-10.html']);

    const settings = path.join(root, 'syndic.yaml');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace('title: Syndic Bench', 'title: Syndic Banc'));
    expect((await check('site title changed: every page shows it')).length).toBeGreaterThan(60);

    const deleted = dated ? Object.keys(await tree(path.join(root, 'dist'))).find((file) => /^articles\/\d{4}\/.*\/article-20\.html$/.test(file)) ?? '' : 'articles/article-20.html';
    await rm(path.join(root, 'dist', deleted));
    expect(await check('page deleted by hand')).toEqual([deleted]);

    await writeFile(path.join(root, '.syndic-cache', 'build.json'), '{not json');
    expect(await check('corrupt cache')).toEqual([]);
  });

  it('matches a full build when a group appears and goes without its older member changing', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-groups-'));
    await writeCorpus(root, 12, { feedLimit: 4, settings: 'archive: true\ngroups: {tags: {minArticles: 2}, authors: {minArticles: 2}}\n' });
    const now = new Date('2025-01-01T00:00:00Z');
    const check = async (label: string): Promise<string[]> => {
      const incremental = await build({ root, now });
      const full = await mkdtemp(path.join(tmpdir(), 'syndic-full-'));
      await build({ root, now, outDir: full, cache: false });
      expect(await tree(path.join(root, 'dist')), label).toEqual(await tree(full));
      return incremental.changed;
    };
    const write = (name: string, date: string): Promise<void> => writeFile(path.join(root, 'articles', name), `---\ntitle: ${name}\ndate: ${date}\ntags: [Rare]\n---\nTexte.\n`);
    await write('2024-01-01-first.md', '2024-01-01T10:00:00Z');
    expect((await check('one article of the tag: no group')).some((file) => file.startsWith('tags/rare/'))).toBe(false);
    expect(await check('no change')).toEqual([]);
    await write('2024-12-30-second.md', '2024-12-30T10:00:00Z');
    const appeared = await check('second article: the group appears');
    expect(appeared).toContain('tags/rare/rss.xml');
    // The first article did not change, but its page now links to the tag's page.
    expect(appeared.filter((file) => file.endsWith('/first.html'))).toHaveLength(1);
    expect(await check('no change after')).toEqual([]);
    await rm(path.join(root, 'articles/2024-12-30-second.md'));
    const gone = await check('the group goes');
    expect(gone).toContain('tags/rare/rss.xml');
    expect(gone.filter((file) => file.endsWith('/first.html'))).toHaveLength(1);
  });

  it('leaves unchanged files with their old mtime on an edit', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-cache-'));
    await writeCorpus(root, 5, { feedLimit: 2, settings: 'permalink: "articles/:slug.html"\n' });
    await build({ root });
    const page = path.join(root, 'dist/articles/article-4.html');
    const before = (await stat(page)).mtimeMs;
    await appendFile(path.join(root, 'articles', corpusArticle(0).name), '\nEdit.\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await build({ root })).changed).toContain('articles/article-0.html');
    expect((await stat(page)).mtimeMs).toBe(before);
  });
});

describe('the build cache and media', () => {
  it('matches a full build when images and enclosures change', { timeout: 60_000 }, async () => {
    const { cp } = await import('node:fs/promises');
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-media-'));
    await cp(path.resolve(import.meta.dirname, '../fixtures/podcast/input'), root, { recursive: true });
    const settings = path.join(root, 'syndic.yaml');
    // Only the newest episode in the feeds: episode 1's page is outside them.
    await writeFile(settings, `${await readFile(settings, 'utf8')}feedLimit: 1\n`);
    const now = new Date('2025-01-01T00:00:00Z');
    const check = async (label: string): Promise<string[]> => {
      const incremental = await build({ root, now });
      const full = await mkdtemp(path.join(tmpdir(), 'syndic-full-'));
      await build({ root, now, outDir: full, cache: false });
      expect(await tree(path.join(root, 'dist')), label).toEqual(await tree(full));
      return incremental.changed.sort();
    };
    expect(await check('cold')).toContain('media/episodes/ep1.mp3');
    expect(await check('no change')).toEqual([]);

    // Same name, other picture: the page's og:image size changes though its article did not.
    await cp(path.join(root, 'images/cover.png'), path.join(root, 'images/studio.png'));
    expect(await check('image replaced')).toEqual(['articles/episode-1.html', 'media/images/studio.png']);

    // A new recording of the newest episode: the feeds carry its new length.
    await appendFile(path.join(root, 'episodes/ep3.mp3'), Buffer.alloc(417));
    expect(await check('enclosure replaced')).toEqual(['atom.xml', 'feed.json', 'media/episodes/ep3.mp3', 'rss.xml']);

    const episode2 = path.join(root, 'articles/2024-11-15-episode-2.md');
    await writeFile(episode2, (await readFile(episode2, 'utf8')).replace('enclosure: {url: "episodes/ep3.mp3"}\n', ''));
    // The page loses its player.
    expect(await check('enclosure removed')).toEqual(['articles/episode-2.html', 'atom.xml', 'feed.json', 'media/episodes/ep3.mp3', 'rss.xml']);

    await rm(path.join(root, 'dist/media/episodes/ep1.mp3'));
    expect(await check('copy deleted by hand')).toEqual(['media/episodes/ep1.mp3']);
  });
});

describe('a cold build past keepMarkdownMax', () => {
  it('re-reads articles at page time and gives the same bytes', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-reread-'));
    await writeCorpus(root, 40, { feedLimit: 10 });
    await build({ root, outDir: path.join(root, 'kept'), cache: false });
    await build({ root, outDir: path.join(root, 'reread'), cache: false, keepMarkdownMax: 0 });
    expect(await tree(path.join(root, 'reread'))).toEqual(await tree(path.join(root, 'kept')));
  });
});

describe('--jobs', () => {
  it('gives the same bytes on worker processes as in-process', { timeout: 120_000 }, async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const run = promisify(execFile);
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-jobs-'));
    await writeCorpus(root, 1_000, { feedLimit: 30 });
    const bin = path.resolve(import.meta.dirname, '../../bin/syndic.js');
    await run(process.execPath, [bin, 'build', '--root', root, '--out', path.join(root, 'one'), '--jobs', '1', '--no-cache']);
    await run(process.execPath, [bin, 'build', '--root', root, '--out', path.join(root, 'two'), '--jobs', '2', '--no-cache']);
    expect(await tree(path.join(root, 'two'))).toEqual(await tree(path.join(root, 'one')));
  });
});
