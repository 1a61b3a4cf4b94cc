import { describe, expect, it } from 'vitest';
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
