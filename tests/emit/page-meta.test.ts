import { describe, expect, it } from 'vitest';
import { groupIndexPages } from '../../src/emit/group-index.js';
import { listingPages } from '../../src/emit/listing-page.js';
import { previewTags } from '../../src/emit/page-meta.js';
import { articlePage, indexItem } from '../../src/emit/pages.js';
import { entry, feedSpec, site } from '../support/factories.js';

/** The page's preview tags: og:… and article:… properties, twitter:… names, in order. */
function previews(html: string): Array<[string, string]> {
  return [...html.matchAll(/<meta (?:property|name)="((?:og|article|twitter):[^"]+)" content="([^"]*)">/g)].map((match) => [match[1] ?? '', match[2] ?? '']);
}

function value(html: string, key: string): string | undefined {
  return previews(html).find(([name]) => name === key)?.[1];
}

const image = { url: 'https://news.test.example/media/images/kyiv.jpg', type: 'image/jpeg', width: 1200, height: 800, alt: 'Vue "de" Kyiv' };
const stories = Array.from({ length: 5 }, (_, i) => entry({ slug: `s${i}`, title: `Story ${i}`, date: new Date(Date.UTC(2024, 0, 10 - i)) }));

describe('link previews', () => {
  const small = site({ pageSize: 2 });
  const home = feedSpec(stories);
  const tag = feedSpec(stories, { dir: 'tags/climat/', title: 'Climat · Test News', description: 'Le climat', homeUrl: 'https://news.test.example/tags/climat/' });
  const pages: Record<string, string> = {
    'article with a lead image': articlePage(entry({ tags: ['Climat'], assets: { image } }), small, home).contents,
    'article without an image': articlePage(entry(), small, home).contents,
    ...Object.fromEntries(listingPages({ kind: 'site', name: 'Test News', feed: home, items: stories.map(indexItem) }, small).map((page) => [`site listing ${page.path}`, page.contents])),
    ...Object.fromEntries(listingPages({ kind: 'tag', name: 'Climat', feed: tag, items: stories.map(indexItem) }, small).map((page) => [`tag listing ${page.path}`, page.contents])),
    'tags/index.html': groupIndexPages([{ kind: 'tag', name: 'Climat', feed: tag, items: [] }], small, home)[0]?.contents ?? '',
  };

  it.each(Object.entries(pages))('are on every page: %s', (_, html) => {
    for (const key of ['og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:locale', 'twitter:card', 'twitter:title', 'twitter:description']) expect(value(html, key), key).toBeDefined();
    expect(value(html, 'og:site_name')).toBe('Test News');
    // og:url is the canonical address.
    expect(html).toContain(`<link rel="canonical" href="${value(html, 'og:url')}">`);
  });

  it('give an article its type, dates, tags and lead image as a large card', () => {
    const html = pages['article with a lead image'] ?? '';
    expect(previews(html)).toEqual([
      ['og:type', 'article'],
      ['og:title', 'A story'],
      ['og:description', 'Body'],
      ['og:url', 'https://news.test.example/articles/story.html'],
      ['og:site_name', 'Test News'],
      ['og:locale', 'fr_FR'],
      ['og:image', image.url],
      ['og:image:type', 'image/jpeg'],
      ['og:image:width', '1200'],
      ['og:image:height', '800'],
      ['og:image:alt', 'Vue &quot;de&quot; Kyiv'],
      ['article:published_time', '2024-11-21T00:00:00+01:00'],
      ['article:modified_time', '2024-11-21T00:00:00+01:00'],
      ['article:tag', 'Climat'],
      ['twitter:card', 'summary_large_image'],
      ['twitter:title', 'A story'],
      ['twitter:description', 'Body'],
      ['twitter:image', image.url],
      ['twitter:image:alt', 'Vue &quot;de&quot; Kyiv'],
    ]);
  });

  it('give a page without an image a small card, or the logo when the site has one', () => {
    expect(value(pages['article without an image'] ?? '', 'twitter:card')).toBe('summary');
    expect(value(pages['article without an image'] ?? '', 'og:image')).toBeUndefined();
    const logo = { url: 'https://news.test.example/media/logo.png', type: 'image/png' };
    const withLogo = articlePage(entry(), small, feedSpec([], { image: logo.url })).contents;
    expect(value(withLogo, 'og:image')).toBe(logo.url);
    expect(value(withLogo, 'twitter:card')).toBe('summary');
    const listing = listingPages({ kind: 'site', name: 'Test News', feed: feedSpec([], { image: logo.url }), items: [] }, small)[0]?.contents ?? '';
    expect(value(listing, 'og:image')).toBe(logo.url);
  });

  it('give listing pages the website type and their own titles, older pages with their number', () => {
    expect(value(pages['site listing index.html'] ?? '', 'og:type')).toBe('website');
    expect(value(pages['tag listing tags/climat/index.html'] ?? '', 'og:title')).toBe('Climat · Test News');
    expect(value(pages['tag listing tags/climat/page/1.html'] ?? '', 'og:title')).toBe('Page 1 · Climat · Test News');
    expect(value(pages['tag listing tags/climat/page/1.html'] ?? '', 'og:url')).toBe('https://news.test.example/tags/climat/page/1.html');
    expect(value(pages['tag listing tags/climat/index.html'] ?? '', 'og:description')).toBe('Le climat');
  });

  it('write og:locale as language_TERRITORY, guessing the territory of a bare language', () => {
    const locale = (lang: string): string | undefined => previewTags({ type: 'website', title: 't', url: 'https://x.example/', lang }, site()).find((tag) => tag.includes('og:locale'));
    expect(locale('fr-BE')).toBe('<meta property="og:locale" content="fr_BE">');
    expect(locale('pt')).toBe('<meta property="og:locale" content="pt_BR">');
    expect(locale('zh-Hant-TW')).toBe('<meta property="og:locale" content="zh_TW">');
    expect(locale('not a tag')).toBeUndefined();
  });

  it('are the same bytes for the same input', () => {
    expect(articlePage(entry({ assets: { image } }), small, home).contents).toBe(articlePage(entry({ assets: { image: { ...image } } }), small, home).contents);
  });
});
