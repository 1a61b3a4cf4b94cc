import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEWS_LIMIT, newsArticles, newsLanguage, newsSitemap } from '../../src/emit/news-sitemap.js';
import { NEWS_WINDOW_MS } from '../../src/emit/news-window.js';
import { article, site } from '../support/factories.js';
import { validateUrlset } from '../support/sitemap-schemas.js';

const SITE = site({ title: 'Le Soir & Co <test>' });
const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
const at = (slug: string, date: Date, lang = 'fr') => article({ slug, page: `articles/${slug}.html`, id: `tag:t,2026:${slug}`, date, updated: date, lang, title: `Title of ${slug}` });

describe('newsSitemap', () => {
  it('lists the articles of the last two days with name, language, publication date and title, valid against both schemas', async () => {
    const published = [at('fresh', new Date(NOW.getTime() - HOUR)), at('london', new Date(NOW.getTime() - 30 * HOUR), 'en-GB'), at('stale', new Date(NOW.getTime() - 49 * HOUR))];
    const { path, contents } = newsSitemap(published, SITE, NOW);
    expect(path).toBe('news-sitemap.xml');
    expect(await validateUrlset(contents)).toEqual([]);
    expect(locs(contents)).toEqual(['https://news.test.example/articles/fresh.html', 'https://news.test.example/articles/london.html']);
    expect(contents).toContain(
      '<news:news><news:publication><news:name>Le Soir &amp; Co &lt;test&gt;</news:name><news:language>fr</news:language></news:publication><news:publication_date>2026-03-10T12:00:00+01:00</news:publication_date><news:title>Title of fresh</news:title></news:news>',
    );
    expect(contents).toContain('<news:language>en</news:language>');
  });

  it('writes the publication date in the site timezone, as the pages show it', () => {
    const { contents } = newsSitemap([at('a', new Date('2026-03-10T10:30:00Z'))], SITE, NOW);
    expect(contents).toContain('<news:publication_date>2026-03-10T11:30:00+01:00</news:publication_date>');
  });

  it('is an empty <urlset> when nothing is recent: Google accepts it; only sitemap.xsd wants a <url>', async () => {
    const { contents } = newsSitemap([at('old', new Date('2020-01-01T00:00:00Z'))], SITE, NOW);
    expect(contents).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n</urlset>\n');
    const errors = await validateUrlset(contents);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/'\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}urlset': Missing child element\(s\)\. Expected is one of \(.*\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}url \)\.$/);
  });

  it('holds at most 1,000 URLs, the newest', () => {
    const published = Array.from({ length: NEWS_LIMIT + 5 }, (_, k) => at(`a${String(k).padStart(4, '0')}`, new Date(NOW.getTime() - k * 60_000)));
    const listed = locs(newsSitemap(published, SITE, NOW).contents);
    expect(listed).toHaveLength(NEWS_LIMIT);
    expect(listed.at(-1)).toBe(`https://news.test.example/articles/a${String(NEWS_LIMIT - 1).padStart(4, '0')}.html`);
  });

  it('holds exactly the articles dated in the two days up to now, whatever the dates and now', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    // Offsets around now, boundaries included: a day either side of the window.
    const offset = fc.oneof(fc.integer({ min: -3 * 24 * HOUR, max: 24 * HOUR }), fc.constantFrom(0, -NEWS_WINDOW_MS, -NEWS_WINDOW_MS - 1, 1, -1));
    fc.assert(
      fc.property(instant, fc.array(offset, { maxLength: 30 }), (now, offsets) => {
        const published = offsets.map((ms, k) => at(`a${k}`, new Date(now.getTime() + ms)));
        const expected = published.filter((_, k) => (offsets[k] ?? 0) <= 0 && (offsets[k] ?? 0) >= -NEWS_WINDOW_MS).map((a) => `https://news.test.example/${a.page}`);
        const listed = locs(newsSitemap(published, SITE, now).contents);
        expect([...listed].sort()).toEqual([...expected].sort());
        expect(newsArticles(published, now).map((a) => a.slug).sort()).toEqual(published.filter((_, k) => (offsets[k] ?? 0) <= 0 && (offsets[k] ?? 0) >= -NEWS_WINDOW_MS).map((a) => a.slug).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for the same input and now', () => {
    const published = [at('a', new Date(NOW.getTime() - HOUR)), at('b', new Date(NOW.getTime() - HOUR))];
    expect(newsSitemap(published, SITE, NOW)).toEqual(newsSitemap([...published].reverse(), SITE, NOW));
  });
});

describe('newsLanguage', () => {
  it.each([
    ['en-GB', 'en'],
    ['fr', 'fr'],
    ['FR-be', 'fr'],
    ['pt-BR', 'pt'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['cmn-Hant', 'zh-tw'],
    ['yue', 'yue'],
    ['iw', 'he'],
    ['sr-Latn', 'sr'],
    ['x-private', 'und'],
  ])('%s → %s', (tag, expected) => {
    expect(newsLanguage(tag)).toBe(expected);
  });

  it('always gives a code the news schema accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'zh', 'de', 'ar', 'und', 'i-default', 'zh-yue', 'sgn-BE-FR', 'art-lojban', 'en-x-foo', 'haw', 'nan-TW'), (tag) => {
        expect(newsLanguage(tag)).toMatch(/^(zh-cn|zh-tw|[a-z]{2,3})$/);
      }),
    );
  });
});
