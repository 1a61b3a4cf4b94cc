import { describe, expect, it } from 'vitest';
import { isCrawlerFile } from '../../src/emit/crawlers.js';
import { robotsTxt } from '../../src/emit/robots.js';
import { sitemapDocuments } from '../../src/emit/sitemap.js';
import { site } from '../support/factories.js';

describe('crawler files', () => {
  it('names robots.txt, the sitemaps and their parts, and nothing else', () => {
    expect(['robots.txt', 'sitemap.xml', 'sitemap-12.xml', 'news-sitemap.xml'].every(isCrawlerFile)).toBe(true);
    expect(['index.html', 'sitemap-x.xml', 'tags/sitemap.xml', 'rss.xml'].some(isCrawlerFile)).toBe(false);
  });

  it('splits the sitemap by the limits it is given, and writes no robots.txt below a path', () => {
    const pages = [{ url: 'https://example.org/news/a.html' }, { url: 'https://example.org/news/b.html' }];
    const below = site({ url: 'https://example.org/news/' });
    expect(sitemapDocuments(pages, below, { urls: 1, bytes: 1_000_000 }).map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(robotsTxt(below, ['sitemap.xml'])).toEqual([]);
    expect(robotsTxt(site(), ['sitemap.xml', 'news-sitemap.xml']).map((file) => file.path)).toEqual(['robots.txt']);
  });
});
