// The quiet tick: a build that finds every input as the last one left it runs nothing else,
// and says what that build would have said. Anything a build reads that changed, and a clock
// that reaches an article's date or the end of the news sitemap's window, runs the build.
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusArticle, writeCorpus } from '../../bench/corpus.js';
import { build } from '../../src/build.js';
import { horizon } from '../../src/incremental/quiet.js';

const NOW = new Date('2024-11-21T12:00:00Z');
const PNG = path.resolve(import.meta.dirname, '../fixtures/podcast/input/images/studio.png');

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** Every file of dist/ with its mtime: a quiet build must touch none. */
async function stamps(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await stat(file)).mtimeMs;
  }
  return files;
}

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-quiet-'));
  await writeCorpus(root, 12, { feedLimit: 5 });
  await mkdir(path.join(root, 'articles', 'images'), { recursive: true });
  await copyFile(PNG, path.join(root, 'articles', 'images', 'studio.png'));
  const { text } = corpusArticle(0);
  // One article shows a local image, one is a day old (the news sitemap), one is not due yet.
  await writeFile(path.join(root, 'articles', 'with-image.md'), text.replace('title: "', 'title: "Image ').replace('\n---\n', '\n---\n\n![Le studio](images/studio.png)\n'));
  await writeFile(path.join(root, 'articles', 'recent.md'), text.replace(/date: .*/, 'date: 2024-11-20T12:00:00Z').replace('title: "', 'title: "Recent '));
  await writeFile(path.join(root, 'articles', 'due.md'), text.replace(/date: .*/, 'date: 2024-11-22T06:00:00Z').replace('title: "', 'title: "Due '));
  return root;
}

/** What a full build of the same inputs writes, to compare the incremental dist/ with. */
async function full(root: string, now: Date): Promise<Record<string, string>> {
  const out = await mkdtemp(path.join(tmpdir(), 'syndic-quiet-full-'));
  await build({ root, now, outDir: out, cache: false, remember: false });
  return tree(out);
}

describe('a build that finds nothing changed', () => {
  it('runs nothing, touches nothing, and returns what the whole no-change build returns', async () => {
    const root = await project();
    const first = await build({ root, now: NOW });
    expect(first.quiet).toBeUndefined();
    const before = await stamps(path.join(root, 'dist'));
    const quiet = await build({ root, now: NOW });
    expect(quiet.quiet).toBe(true);
    expect(await stamps(path.join(root, 'dist'))).toEqual(before);
    // Without the record, the same build runs every stage: it must say the same.
    await rm(path.join(root, '.syndic-cache', 'build.quiet.json'));
    const { quiet: _quiet, ...slow } = await build({ root, now: NOW });
    const { quiet: _flag, ...said } = quiet;
    expect(said).toEqual(slow);
    expect(slow.changed).toEqual([]);
    expect(await stamps(path.join(root, 'dist'))).toEqual(before);
  });

  const CHANGES: Array<[string, (root: string) => Promise<void>]> = [
    ['an article touched', async (root) => utimes(path.join(root, 'articles', corpusArticle(3).name), NOW, new Date(Date.now() + 10_000))],
    ['an article edited', async (root) => appendFile(path.join(root, 'articles', corpusArticle(3).name), '\nUne correction.\n')],
    ['an article added', async (root) => writeFile(path.join(root, 'articles', 'added.md'), corpusArticle(40).text)],
    ['the settings edited', async (root) => appendFile(path.join(root, 'syndic.yaml'), 'copyright: "© Rédaction"\n')],
    ['a static file added', async (root) => mkdir(path.join(root, 'static'), { recursive: true }).then(() => writeFile(path.join(root, 'static', 'CNAME'), 'news.example\n'))],
    ['an image replaced', async (root) => copyFile(path.resolve(import.meta.dirname, '../fixtures/podcast/input/images/cover.png'), path.join(root, 'articles', 'images', 'studio.png'))],
    ['a page deleted from dist/', async (root) => rm(path.join(root, 'dist', 'feeds.opml'))],
    ['the build cache deleted', async (root) => rm(path.join(root, '.syndic-cache', 'build.json'))],
  ];

  it.each(CHANGES)('%s: runs the build, which matches a full one, and the next is quiet', { timeout: 60_000 }, async (_label, change) => {
    const root = await project();
    await build({ root, now: NOW });
    expect((await build({ root, now: NOW })).quiet).toBe(true);
    await change(root);
    const after = await build({ root, now: NOW });
    expect(after.quiet).toBeUndefined();
    expect(await tree(path.join(root, 'dist'))).toEqual(await full(root, NOW));
    expect((await build({ root, now: NOW })).quiet).toBe(true);
  });

  it('holds until an article is due or leaves the news sitemap, and not past it', { timeout: 60_000 }, async () => {
    const root = await project();
    await build({ root, now: NOW });
    // An hour on, nothing any output shows has changed.
    expect((await build({ root, now: new Date(NOW.getTime() + 3_600_000) })).quiet).toBe(true);
    // due.md is dated 2024-11-22T06:00Z.
    const due = new Date('2024-11-22T06:00:00Z');
    const published = await build({ root, now: due });
    expect(published.quiet).toBeUndefined();
    expect(published.changed).toContain('news-sitemap.xml');
    expect(await tree(path.join(root, 'dist'))).toEqual(await full(root, due));
    // recent.md (2024-11-20T12:00Z) leaves the two-day window at 2024-11-22T12:00Z.
    expect((await build({ root, now: new Date('2024-11-22T11:00:00Z') })).quiet).toBe(true);
    const later = new Date('2024-11-22T12:00:00Z');
    expect((await build({ root, now: later })).quiet).toBeUndefined();
    expect(await tree(path.join(root, 'dist'))).toEqual(await full(root, later));
    // And a clock set back before the record's build is never trusted.
    expect((await build({ root, now: NOW })).quiet).toBeUndefined();
  });

  it('is never taken when a flag would make the build fail: --keep-going once does not excuse the next run', async () => {
    const root = await project();
    await writeFile(path.join(root, 'articles', 'broken.md'), '---\ntitle: Broken\n---\n\nNo date.\n');
    const kept = await build({ root, now: NOW, keepGoing: true });
    expect(kept.warnings.map((warning) => warning.file)).toEqual(['articles/broken.md']);
    const again = await build({ root, now: NOW, keepGoing: true });
    expect(again.quiet).toBe(true);
    expect(again.warnings.map((warning) => [warning.code, warning.file, warning.line, warning.field, warning.hint])).toEqual(kept.warnings.map((warning) => [warning.code, warning.file, warning.line, warning.field, warning.hint]));
    await expect(build({ root, now: NOW })).rejects.toThrow('1 problem stops the build');
  });

  it('finds the next instant an output changes from the articles’ dates alone', () => {
    const at = (iso: string) => ({ date: new Date(iso) });
    const now = new Date('2024-11-21T12:00:00Z');
    expect(horizon([at('2020-01-01T00:00:00Z')], [at('2020-01-01T00:00:00Z')], now)).toBeNull();
    expect(horizon([at('2024-11-25T00:00:00Z')], [], now)).toBe(Date.parse('2024-11-25T00:00:00Z'));
    expect(horizon([], [at('2024-11-20T00:00:00Z')], now)).toBe(Date.parse('2024-11-22T00:00:00Z'));
  });
});
