import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { calendarDay } from '../../src/input/dates.js';
import { SyndicError } from '../../src/errors.js';
import { assertWellFormedXml, parseFeed, validateAtom, validateJsonFeed } from '../support/validators.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NOW = new Date('2026-01-01T00:00:00Z');
const TITLE = "La Corée du Nord pourrait envoyer jusqu'à 100 000 soldats en Russie";

async function copyOf(fixture: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-build-'));
  await cp(path.join(FIXTURES, fixture), root, { recursive: true });
  return root;
}

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** The seed's body paragraphs as plain text: list markers and ** dropped, nothing else touched. */
async function seedParagraphs(): Promise<string[]> {
  const seed = await readFile(path.join(FIXTURES, 'seed/000_2424ce9b224a0d52.txt'), 'utf8');
  const body = seed.slice(seed.indexOf('- [21/11/2024](#)') + '- [21/11/2024](#)'.length);
  return body
    .split('\n')
    .map((line) => line.replace(/^- /, '').replaceAll('**', '').trim())
    .filter(Boolean);
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('build of the seed article', async () => {
  const root = await copyOf('seed-site/input');
  const result = await build({ root, now: NOW });
  const outputs = await tree(path.join(root, 'dist'));
  const feeds = {
    rss: outputs['rss.xml'] ?? '',
    atom: outputs['atom.xml'] ?? '',
    json: outputs['feed.json'] ?? '',
  };

  it('writes the site feeds and index, one page, feeds and a page per tag and per author, and the OPML list', () => {
    const group = (dir: string) => ['atom.xml', 'feed.json', 'index.html', 'rss.xml'].map((name) => `${dir}/${name}`);
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'articles/2024/11/21/coree-du-nord-soldats-russie.html',
        // The 0.2.0 address of the page keeps a redirect to it.
        'articles/coree-du-nord-soldats-russie.html',
        ...group('authors/peter-van-halteren'),
        'atom.xml',
        'feed.json',
        // The stylesheet the RSS and Atom documents name, for browsers (emit/stylesheet.ts).
        'feed.xsl',
        'feeds.opml',
        'index.html',
        // For crawlers (src/emit/crawlers.ts).
        'news-sitemap.xml',
        'robots.txt',
        'rss.xml',
        'sitemap.xml',
        ...['coree-du-nord', 'defense', 'russie', 'ukraine'].flatMap((tag) => group(`tags/${tag}`)),
        // The pages of all tags and all authors.
        'authors/index.html',
        'tags/index.html',
        // What Syndic wrote, so the next build deletes only that (src/output/manifest.ts).
        '.syndic-manifest',
      ].sort(),
    );
    expect(result.changed).toEqual(Object.keys(outputs).filter((file) => file !== '.syndic-manifest').sort());
  });

  it.each(Object.keys(outputs).sort())('%s matches its golden file byte for byte', async (file) => {
    await expect(outputs[file]).toMatchFileSnapshot(path.join(FIXTURES, 'seed-site/expected', file));
  });

  it.each(Object.entries(feeds))('%s: the first entry is the seed article, dated 2024-11-21 in Brussels', async (_format, text) => {
    const feed = await parseFeed(text);
    const [first] = feed.items;
    expect(feed.language).toBe('fr');
    expect(first?.title).toBe(TITLE);
    expect(first?.authors).toEqual(['Peter van Halteren']);
    expect(first?.url).toBe('https://news.syndic.example/articles/2024/11/21/coree-du-nord-soldats-russie.html');
    expect(first?.published && calendarDay(first.published, 'Europe/Brussels')).toBe('2024-11-21');
    const content = plainText(first?.content ?? '');
    for (const paragraph of await seedParagraphs()) expect(content).toContain(paragraph);
  });

  it('passes the independent validators', async () => {
    await assertWellFormedXml(feeds.rss);
    await assertWellFormedXml(feeds.atom);
    expect(await validateAtom(feeds.atom)).toEqual([]);
    expect(validateJsonFeed(JSON.parse(feeds.json))).toEqual([]);
  });

  it('gives the same titles, links and dates back from all three formats', async () => {
    const [rss, atom, json] = await Promise.all([parseFeed(feeds.rss), parseFeed(feeds.atom), parseFeed(feeds.json)]);
    const summary = (feed: typeof rss) => feed.items.map((item) => [item.title, item.url, item.published?.toISOString()]);
    expect(summary(atom)).toEqual(summary(rss));
    expect(summary(json)).toEqual(summary(rss));
  });
});

describe('build with bad input', () => {
  it('reports every problem of every file at once and leaves the output untouched', async () => {
    const root = await copyOf('seed-site/input');
    await build({ root, now: NOW });
    const before = await tree(path.join(root, 'dist'));
    const mtime = (await stat(path.join(root, 'dist', 'rss.xml'))).mtimeMs;
    const error = await build({ root, now: NOW, articlesDir: path.join(FIXTURES, 'bad-articles') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicError);
    const problems = (error as SyndicError).problems.map((p) => `${p.code} ${p.field ?? ''} ${p.line ?? ''}`);
    expect(problems).toEqual(['INVALID_ARTICLE date 3', 'INVALID_ARTICLE title 1']);
    expect(await tree(path.join(root, 'dist'))).toEqual(before);
    expect((await stat(path.join(root, 'dist', 'rss.xml'))).mtimeMs).toBe(mtime);
    expect((await readdir(root)).sort()).toEqual(['.syndic-cache', 'articles', 'dist', 'syndic.yaml']);
  });

  it('rejects two articles with the same id, or the same page', async () => {
    const root = await copyOf('duplicates');
    const error = (await build({ root, now: NOW }).catch((e: unknown) => e)) as SyndicError;
    // One slug on two days is two pages under the default permalink: only the id clashes.
    expect(error.problems.map((p) => p.format().split('\n')[0])).toEqual(['articles/b.md:4: id: "tag:x.example,2024:same" is already used by articles/a.md']);
    await writeFile(path.join(root, 'syndic.yaml'), `${await readFile(path.join(root, 'syndic.yaml'), 'utf8')}permalink: "articles/:slug.html"\n`);
    const again = (await build({ root, now: NOW }).catch((e: unknown) => e)) as SyndicError;
    expect(again.problems.map((p) => p.format().split('\n')[0])).toEqual([
      'articles/b.md:4: id: "tag:x.example,2024:same" is already used by articles/a.md',
      'articles/b.md:5: slug: the page articles/same.html is already used by articles/a.md',
    ]);
  });
});
