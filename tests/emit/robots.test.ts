import { describe, expect, it } from 'vitest';
import { crawlerFiles } from '../../src/emit/crawlers.js';
import { robotsTxt } from '../../src/emit/robots.js';
import { site } from '../support/factories.js';

describe('robotsTxt', () => {
  it('lets every crawler in and names both sitemaps by absolute URL', () => {
    expect(robotsTxt(site(), ['sitemap.xml', 'news-sitemap.xml'])).toEqual([
      {
        path: 'robots.txt',
        contents: [
          '# Written by Syndic. To use your own, put it in static/robots.txt.',
          'User-agent: *',
          'Disallow:',
          '',
          'Sitemap: https://news.test.example/sitemap.xml',
          'Sitemap: https://news.test.example/news-sitemap.xml',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('writes none for a site below a path, where crawlers never look for it', () => {
    expect(robotsTxt(site({ url: 'https://example.org/news/' }), ['sitemap.xml'])).toEqual([]);
  });
});

describe('crawlerFiles', () => {
  it('gives sitemap.xml, news-sitemap.xml and robots.txt', () => {
    const files = crawlerFiles([], [{ url: 'https://news.test.example/' }], site(), new Date('2026-01-01T00:00:00Z'));
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'news-sitemap.xml', 'robots.txt']);
  });
});
