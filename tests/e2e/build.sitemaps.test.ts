// The sitemaps and robots.txt as a build writes them: where they go, how `--now` moves the
// news sitemap and nothing else, and that a user's robots.txt or sitemap always wins.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readManifest } from '../../src/output/manifest.js';
import { validateUrlset } from '../support/sitemap-schemas.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
// The seed article is dated 2024-11-21T00:00:00+01:00.
const SOON = new Date('2024-11-22T08:00:00Z');
const LATER = new Date('2024-11-25T08:00:00Z');
const PAGE = 'https://news.syndic.example/articles/2024/11/21/coree-du-nord-soldats-russie.html';

async function seed(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-sitemaps-'));
  await cp(path.join(FIXTURES, 'seed-site/input'), root, { recursive: true });
  return root;
}

const read = (root: string, file: string): Promise<string> => readFile(path.join(root, 'dist', file), 'utf8');

describe('sitemaps in a build', () => {
  it('writes sitemap.xml, news-sitemap.xml and robots.txt, valid against the schemas', async () => {
    const root = await seed();
    const result = await build({ root, now: SOON });
    expect(result.changed).toEqual(expect.arrayContaining(['sitemap.xml', 'news-sitemap.xml', 'robots.txt']));
    const sitemap = await read(root, 'sitemap.xml');
    expect(await validateUrlset(sitemap)).toEqual([]);
    expect(sitemap).toContain(`<url><loc>${PAGE}</loc><lastmod>2024-11-20T23:00:00.000Z</lastmod></url>`);
    for (const dir of ['', 'tags/coree-du-nord/', 'authors/peter-van-halteren/']) expect(sitemap).toContain(`<loc>https://news.syndic.example/${dir}</loc>`);
    const news = await read(root, 'news-sitemap.xml');
    expect(await validateUrlset(news)).toEqual([]);
    expect(news).toContain(`<loc>${PAGE}</loc><news:news><news:publication><news:name>Syndic Actualités</news:name><news:language>fr</news:language>`);
    expect(await read(root, 'robots.txt')).toContain('Sitemap: https://news.syndic.example/sitemap.xml\nSitemap: https://news.syndic.example/news-sitemap.xml\n');
  });

  it('changes only the news sitemap when --now leaves the article out of the two-day window', async () => {
    const root = await seed();
    await build({ root, now: SOON });
    const sitemap = await read(root, 'sitemap.xml');
    const again = await build({ root, now: LATER });
    expect(again.changed).toEqual(['news-sitemap.xml']);
    expect(await read(root, 'news-sitemap.xml')).not.toContain('<url>');
    expect(await read(root, 'sitemap.xml')).toBe(sitemap);
    expect((await build({ root, now: LATER })).changed).toEqual([]);
  });

  it("leaves a robots.txt or sitemap.xml that Syndic did not write where it is, with a warning, build after build", async () => {
    const root = await seed();
    await build({ root, now: SOON });
    const manifest = await readManifest(path.join(root, 'dist'));
    // As if a deploy step had put its own there before this Syndic wrote any: not in the manifest.
    const theirs = { 'robots.txt': 'User-agent: *\nDisallow: /private/\n', 'sitemap.xml': '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n' };
    for (const [file, text] of Object.entries(theirs)) await writeFile(path.join(root, 'dist', file), text);
    await writeFile(path.join(root, 'dist', '.syndic-manifest'), `${JSON.stringify({ syndic: 1, files: [...(manifest ?? [])].filter((file) => !(file in theirs)).sort() })}\n`);
    for (const now of [SOON, LATER]) {
      const result = await build({ root, now });
      expect(result.notices.map((notice) => [notice.code, notice.file])).toEqual([
        ['EXISTS', 'dist/sitemap.xml'],
        ['EXISTS', 'dist/robots.txt'],
      ]);
      for (const [file, text] of Object.entries(theirs)) expect(await read(root, file)).toBe(text);
      const owned = await readManifest(path.join(root, 'dist'));
      expect(owned?.has('robots.txt')).toBe(false);
      expect(owned?.has('news-sitemap.xml')).toBe(true);
    }
  });

  it('lets static/robots.txt replace the generated one', async () => {
    const root = await seed();
    await mkdir(path.join(root, 'static'));
    await writeFile(path.join(root, 'static', 'robots.txt'), 'User-agent: *\nDisallow:\n\nSitemap: https://cdn.example/sitemap.xml\n');
    const result = await build({ root, now: SOON });
    expect(await read(root, 'robots.txt')).toBe('User-agent: *\nDisallow:\n\nSitemap: https://cdn.example/sitemap.xml\n');
    expect(result.notices.map((notice) => [notice.code, notice.file])).toEqual([['EXISTS', 'static/robots.txt']]);
  });
});
