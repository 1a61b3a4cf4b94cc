import { ErrorLevel, SitemapItemStream } from 'sitemap';
import { describe, expect, it } from 'vitest';
import { drain, item, sitemapDocuments, sitemapPages, urlElement, type SitemapPage } from '../../src/emit/sitemap.js';
import { article, site } from '../support/factories.js';
import { validateSitemapIndex, validateUrlset } from '../support/sitemap-schemas.js';

const SITE = site();
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
const lastmods = (xml: string): string[] => [...xml.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)].map((match) => match[1] ?? '');
const day = (n: number): Date => new Date(Date.UTC(2024, 0, 1 + n));
const pages = (count: number): SitemapPage[] => Array.from({ length: count }, (_, k) => ({ url: `https://news.test.example/articles/${k}.html`, lastmod: day(k % 300) }));

describe('sitemapPages', () => {
  const old = article({ slug: 'old', date: day(1), updated: day(9) });
  const recent = article({ slug: 'recent', date: day(5), updated: day(6) });

  it('lists article pages oldest first with their updated date, then each listing with the newest updated among its items', () => {
    const listed = sitemapPages([recent, old], [
      { dir: '', members: [recent, old] },
      { dir: 'tags/climat/', members: [recent] },
    ], SITE);
    expect(listed).toEqual([
      { url: 'https://news.test.example/articles/old.html', lastmod: day(9) },
      { url: 'https://news.test.example/articles/recent.html', lastmod: day(6) },
      // The newest updated, not the newest article's.
      { url: 'https://news.test.example/', lastmod: day(9) },
      { url: 'https://news.test.example/tags/climat/', lastmod: day(6) },
    ]);
  });

  it('gives a listing without items no lastmod rather than a date from the clock', () => {
    expect(sitemapPages([], [{ dir: '', members: [] }], SITE)).toEqual([{ url: 'https://news.test.example/' }]);
  });
});

describe('urlElement', () => {
  it("writes a page's <url> byte for byte as the library's SitemapItemStream does", () => {
    const sample: SitemapPage[] = [{ url: 'https://news.test.example/a.html?x=1&y=2', lastmod: day(3) }, { url: 'https://news.test.example/' }];
    const streamed = drain(new SitemapItemStream({ level: ErrorLevel.THROW }), sample.map((page) => item({ url: page.url, ...(page.lastmod ? { lastmod: page.lastmod.toISOString() } : {}) })));
    expect(sample.map(urlElement)).toEqual(streamed);
  });
});

describe('sitemapDocuments', () => {
  it('writes one sitemap.xml that the sitemaps.org schema accepts, one <url> a line', async () => {
    const [only, ...rest] = sitemapDocuments([...pages(3), { url: 'https://news.test.example/?a=1&b=2' }], SITE);
    expect(rest).toEqual([]);
    expect(only?.path).toBe('sitemap.xml');
    const xml = only?.contents ?? '';
    expect(await validateUrlset(xml)).toEqual([]);
    expect(xml.split('\n')).toHaveLength(4 + 4);
    expect(xml).toContain('<loc>https://news.test.example/?a=1&amp;b=2</loc>');
    expect(lastmods(xml)).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z']);
  });

  it('gives the same bytes for the same pages', () => {
    expect(sitemapDocuments(pages(50), SITE)).toEqual(sitemapDocuments(pages(50), SITE));
  });

  it('splits past the URL limit under a sitemap index, each file valid, every page once and in order', async () => {
    const all = pages(7);
    const outputs = sitemapDocuments(all, SITE, { urls: 3, bytes: 52_428_800 });
    expect(outputs.map((output) => output.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const [index, ...parts] = outputs.map((output) => output.contents);
    expect(await validateSitemapIndex(index ?? '')).toEqual([]);
    expect(locs(index ?? '')).toEqual(['https://news.test.example/sitemap-1.xml', 'https://news.test.example/sitemap-2.xml', 'https://news.test.example/sitemap-3.xml']);
    // Each file's lastmod is the newest of its pages'.
    expect(lastmods(index ?? '')).toEqual([day(2), day(5), day(6)].map((date) => date.toISOString()));
    for (const part of parts) expect(await validateUrlset(part)).toEqual([]);
    expect(parts.flatMap(locs)).toEqual(all.map((page) => page.url));
  });

  it('splits past the byte limit too', () => {
    const one = sitemapDocuments(pages(1), SITE)[0]?.contents ?? '';
    const outputs = sitemapDocuments(pages(4), SITE, { urls: 50_000, bytes: Buffer.byteLength(one) * 2 });
    expect(outputs.map((output) => output.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    for (const part of outputs.slice(1)) expect(Buffer.byteLength(part.contents)).toBeLessThanOrEqual(Buffer.byteLength(one) * 2);
  });

  it('holds 50,000 URLs in one file and splits at 50,001', async () => {
    expect(sitemapDocuments(pages(50_000), SITE).map((output) => output.path)).toEqual(['sitemap.xml']);
    const split = sitemapDocuments(pages(50_001), SITE);
    expect(split.map((output) => output.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(locs(split[1]?.contents ?? '')).toHaveLength(50_000);
    expect(locs(split[2]?.contents ?? '')).toEqual(['https://news.test.example/articles/50000.html']);
    expect(await validateSitemapIndex(split[0]?.contents ?? '')).toEqual([]);
  });

  it('keeps the full files of a split sitemap as they were when a newer article comes', () => {
    const before = sitemapDocuments(pages(7), SITE, { urls: 3, bytes: 52_428_800 });
    const after = sitemapDocuments(pages(8), SITE, { urls: 3, bytes: 52_428_800 });
    expect(after.slice(1, 3)).toEqual(before.slice(1, 3));
  });
});
