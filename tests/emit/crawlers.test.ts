import { describe, expect, it } from 'vitest';
import { crawlerFiles } from '../../src/emit/crawlers.js';
import { site } from '../support/factories.js';

describe('crawlerFiles', () => {
  it('gives sitemap.xml, news-sitemap.xml and robots.txt', () => {
    const files = crawlerFiles([], [{ url: 'https://news.test.example/' }], site(), new Date('2026-01-01T00:00:00Z'));
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'news-sitemap.xml', 'robots.txt']);
  });

  it('splits the sitemap by the limits it is given, and writes no robots.txt below a path', () => {
    const pages = [{ url: 'https://example.org/news/a.html' }, { url: 'https://example.org/news/b.html' }];
    const files = crawlerFiles([], pages, site({ url: 'https://example.org/news/' }), new Date('2026-01-01T00:00:00Z'), { urls: 1, bytes: 1_000_000 });
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'news-sitemap.xml']);
  });
});
