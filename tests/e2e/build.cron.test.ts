// What cron relies on: partial builds, overlapping runs, scheduling and ids that never move.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { acquire } from '../../src/incremental/lock.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { EXIT, main } from '../../src/cli/cli.js';
import { SyndicError } from '../../src/errors.js';
import { parseFeed } from '../support/validators.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');

async function copyOf(fixture: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-cron-'));
  await cp(path.join(FIXTURES, fixture), root, { recursive: true });
  return root;
}

const quiet = { stdout: () => undefined, stderr: () => undefined };

describe('--keep-going', () => {
  it('builds the good articles, returns the bad ones as warnings and exits 2', async () => {
    const root = await copyOf('seed-site/input');
    await cp(path.join(FIXTURES, 'bad-articles'), path.join(root, 'articles'), { recursive: true });
    const result = await build({ root, keepGoing: true });
    expect(result.warnings.map((w) => w.file)).toEqual(['articles/bad-date.md', 'articles/no-title.md']);
    expect(result.published).toBe(1);
    let stderr = '';
    const code = await main(['build', '--root', root, '--keep-going'], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect(code).toBe(EXIT.partial);
    expect(stderr).toContain('warning: articles/no-title.md:1: title: is required');
  });

  it('without the flag, fails with exit 1 and writes nothing', async () => {
    const root = await copyOf('seed-site/input');
    await cp(path.join(FIXTURES, 'bad-articles'), path.join(root, 'articles'), { recursive: true });
    expect(await main(['build', '--root', root], quiet)).toBe(EXIT.invalidInput);
    expect((await readdir(root)).sort()).toEqual(['articles', 'syndic.yaml']);
  });
});

describe('overlapping runs', () => {
  it('waits for the lock and gives up with LOCKED (exit 75) when it is held too long', async () => {
    const root = await copyOf('seed-site/input');
    const outDir = path.join(root, 'dist');
    const release = await acquire(`${outDir}.lock`, 0);
    try {
      const error = await build({ root, lockTimeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyndicError);
      expect((error as SyndicError).code).toBe('LOCKED');
    } finally {
      await release();
    }
    expect(await readdir(root)).not.toContain('dist');
  });

  it('takes over the lock folder a killed Syndic 0.2 build left, once it is stale', async () => {
    const root = await copyOf('seed-site/input');
    const lock = path.join(root, 'dist.lock');
    await mkdir(lock);
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    expect((await build({ root, lockTimeoutMs: 1_000 })).changed).toContain('rss.xml');
  });

  it('two real builds started at once both succeed and leave one clean dist/', async () => {
    const root = await copyOf('seed-site/input');
    const bin = path.join(ROOT, 'bin/syndic.js');
    const results = await Promise.all([run(process.execPath, [bin, 'build', '--root', root]), run(process.execPath, [bin, 'build', '--root', root])]);
    expect(results.map((r) => r.stdout).sort()).toEqual(['built: 1 of 1 article published, 33 files changed\n', 'nothing changed (1 of 1 article published)\n']);
    expect((await readdir(root)).sort()).toEqual(['.syndic-cache', 'articles', 'dist', 'syndic.published.json', 'syndic.yaml']);
  });
});

describe('publishing rules', () => {
  async function scheduledSite(): Promise<string> {
    const root = await copyOf('seed-site/input');
    await writeFile(path.join(root, 'articles/2024-12-01-later.md'), '---\ntitle: Later\ndate: 2024-12-01T08:00:00+01:00\n---\nSoon.\n');
    await writeFile(path.join(root, 'articles/2024-11-25-draft.md'), '---\ntitle: Draft\ndate: 2024-11-25\ndraft: true\n---\nNot yet.\n');
    return root;
  }

  it('keeps a scheduled article out until its time, then the next run publishes it', async () => {
    const root = await scheduledSite();
    const before = await build({ root, now: new Date('2024-12-01T06:59:59Z') });
    expect(before.published).toBe(1);
    expect(await readFile(path.join(root, 'dist/rss.xml'), 'utf8')).not.toContain('Later');
    const after = await build({ root, now: new Date('2024-12-01T07:00:00Z') });
    expect(after.published).toBe(2);
    // "Later" has no tags and the site's author: that author's feed and page change too.
    expect(after.changed).toEqual([
      'articles/2024/12/01/later.html',
      // Its 0.2.0 address gets a redirect to it.
      'articles/later.html',
      'atom.xml',
      // The page of all authors counts its articles.
      'authors/index.html',
      'authors/redaction-syndic/atom.xml',
      'authors/redaction-syndic/feed.json',
      'authors/redaction-syndic/index.html',
      'authors/redaction-syndic/rss.xml',
      'feed.json',
      'feeds.opml',
      'index.html',
      // Dated within the two days up to now, it enters the news sitemap.
      'news-sitemap.xml',
      'rss.xml',
      'sitemap.xml',
    ]);
    expect((await parseFeed(await readFile(path.join(root, 'dist/atom.xml'), 'utf8'))).items[0]?.title).toBe('Later');
  });

  it('never publishes drafts', async () => {
    const root = await scheduledSite();
    await build({ root, now: new Date('2030-01-01T00:00:00Z') });
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'index.html']) expect(await readFile(path.join(root, 'dist', file), 'utf8')).not.toContain('Draft');
    expect(await readdir(path.join(root, 'dist/articles'))).not.toContain('draft.html');
  });

  it('keeps every id when the title, slug, URL scheme and trailing slash change', async () => {
    const root = await copyOf('seed-site/input');
    const ids = async (): Promise<string[][]> =>
      Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map(async (file) => (await parseFeed(await readFile(path.join(root, 'dist', file), 'utf8'))).items.map((i) => i.id)));
    await build({ root, baseUrl: 'http://news.syndic.example/' });
    const before = await ids();
    const file = path.join(root, 'articles/2024-11-21-coree-du-nord-soldats-russie.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "Titre corrigé"').replace('lang: fr', 'lang: fr\nslug: autre-adresse'));
    await build({ root, baseUrl: 'https://news.syndic.example' });
    const after = await ids();
    expect(after).toEqual(before);
    expect(new Set(before.flat())).toEqual(new Set(['tag:news.syndic.example,2024-11-21:2024-11-21-coree-du-nord-soldats-russie']));
    expect(await readFile(path.join(root, 'dist/rss.xml'), 'utf8')).toContain('https://news.syndic.example/articles/2024/11/21/autre-adresse.html');
  });
});
