import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingPage, listingPages, type ListedFeed } from '../../src/emit/listing-page.js';
import { indexItem, type IndexItem } from '../../src/emit/pages.js';
import { paginate } from '../../src/select.js';
import { entry, feedSpec, site } from '../support/factories.js';
import { validateHtml } from '../support/html.js';

/** `count` articles, newest first, one a day. */
function items(count: number): IndexItem[] {
  return Array.from({ length: count }, (_, i) => indexItem(entry({ slug: `a${count - 1 - i}`, title: `Article ${count - 1 - i}`, date: new Date(Date.UTC(2020, 0, 1 + count - 1 - i)) })));
}

const tagFeed = feedSpec([], { dir: 'tags/climat/', title: 'Climat · Test News', homeUrl: 'https://news.test.example/tags/climat/', urls: { rss: 'https://news.test.example/tags/climat/rss.xml', atom: 'https://news.test.example/tags/climat/atom.xml', json: 'https://news.test.example/tags/climat/feed.json' } });
const tag = (list: IndexItem[]): ListedFeed => ({ kind: 'tag', name: 'Climat', feed: tagFeed, items: list });
const home = (list: IndexItem[]): ListedFeed => ({ kind: 'site', name: 'Test News', feed: feedSpec([]), items: list });

/** The articles a page lists, by title, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<li(?: lang="[^"]+")?><a href="[^"]+">([^<]+)<\/a><br>/g)].map((match) => match[1] ?? '');
}

function pageLinks(html: string): string[] {
  const nav = html.match(/<nav aria-label="Pages">([\s\S]*?)<\/nav>/)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)" rel="(prev|next)">/g)].map((match) => `${match[2]} ${match[1]}`);
}

describe('listing pages', () => {
  it('do not list a tag of 1,300 articles on one page: 50 a page by default, none on two pages', () => {
    const all = items(1300);
    const pages = listingPages(tag(all), site());
    expect(pages.map((page) => page.path)).toEqual(['tags/climat/index.html', ...Array.from({ length: 25 }, (_, k) => `tags/climat/page/${k + 1}.html`)]);
    const shown = pages.map((page) => listed(page.contents));
    expect(shown[0]).toHaveLength(50);
    for (const page of shown.slice(1)) expect(page).toHaveLength(50);
    expect(shown.flat().sort()).toEqual(all.map((item) => item.title).sort());
    // Page 1 holds the oldest fifty.
    expect(shown[1]?.at(-1)).toBe('Article 0');
    expect(shown[1]?.[0]).toBe('Article 49');
  });

  it('show pageSize to 2 × pageSize − 1 articles on the index, and cut an older page only when a full one is ready', () => {
    expect(listingPages(home(items(5)), site({ pageSize: 3 })).map((page) => page.path)).toEqual(['index.html']);
    expect(listingPages(home(items(6)), site({ pageSize: 3 })).map((page) => page.path)).toEqual(['index.html', 'page/1.html']);
    expect(listed(listingPages(home(items(8)), site({ pageSize: 3 }))[0]?.contents ?? '')).toEqual(['Article 7', 'Article 6', 'Article 5', 'Article 4', 'Article 3']);
  });

  it('link newer and older pages both ways, relative to each page (through the site root, as every page link does)', () => {
    const [index, first, second] = listingPages(tag(items(9)), site({ pageSize: 3 })).map((page) => page.contents);
    expect(pageLinks(index ?? '')).toEqual(['next ../../tags/climat/page/2.html']);
    expect(pageLinks(second ?? '')).toEqual(['prev ../../../tags/climat/', 'next ../../../tags/climat/page/1.html']);
    expect(pageLinks(first ?? '')).toEqual(['prev ../../../tags/climat/page/2.html']);
    const [alone] = listingPages(tag(items(2)), site({ pageSize: 3 })).map((page) => page.contents);
    expect(alone).not.toContain('aria-label="Pages"');
  });

  it('number each article from the oldest, so it keeps its number on its page', () => {
    const [index, first, second] = listingPages(home(items(10)), site({ pageSize: 3 })).map((page) => page.contents);
    expect(index).toContain('<ol class="articles" reversed start="10">');
    expect(second).toContain('<ol class="articles" reversed start="6">');
    expect(first).toContain('<ol class="articles" reversed start="3">');
    expect(listingPages(home(items(4)), site({ pageSize: 3 }))[0]?.contents).toContain('<ol class="articles" reversed>');
  });

  it('name older pages by number in the site language, in the title and heading', () => {
    const [, first] = listingPages(tag(items(6)), site({ pageSize: 3, language: 'de' })).map((page) => page.contents);
    expect(first).toContain('<title>Seite 1 · Climat · Test News</title>');
    expect(first).toContain('<h2>Artikel · Seite 1</h2>');
    expect(first).toContain('<link rel="canonical" href="https://news.test.example/tags/climat/page/1.html">');
    expect(first).toContain('<a href="../../../" rel="home">Test News</a>');
  });

  it('never change a full older page when articles are published, except its newer link when the page after it is first cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), (count, size, added) => {
        const options = site({ pageSize: size });
        const all = items(count + added);
        const before = listingPages(tag(all.slice(added)), options);
        const after = new Map(listingPages(tag(all), options).map((page) => [page.path, page.contents]));
        const lastOlder = before.length - 1;
        before.slice(1).forEach((page, k) => {
          const now = after.get(page.path);
          expect(now, page.path).toBeDefined();
          expect(listed(now ?? '')).toEqual(listed(page.contents));
          if (k + 1 < lastOlder || after.size === before.length) expect(now).toBe(page.contents);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('agree with paginate(): listingPage(n) is page n of listingPages()', () => {
    const list = items(11);
    const pages = paginate(list, 3);
    const all = listingPages(tag(list), site({ pageSize: 3 }));
    all.forEach((page, number) => expect(listingPage(tag(list), pages, number, site({ pageSize: 3 }))).toEqual(page));
    expect(() => listingPage(tag(list), pages, all.length, site({ pageSize: 3 }))).toThrow(/no page/);
  });

  it('are valid HTML', async () => {
    for (const page of listingPages(home(items(7)), site({ pageSize: 3 }), { browse: [{ kind: 'tag', url: 'https://news.test.example/tags/' }] })) expect(await validateHtml(page.contents), page.path).toEqual([]);
    for (const page of listingPages(tag(items(7)), site({ pageSize: 3, language: 'ar' }))) expect(await validateHtml(page.contents), page.path).toEqual([]);
  });

  it('link the site’s pages, and only those, to the pages of all tags and all authors', () => {
    const browse = [
      { kind: 'tag' as const, url: 'https://news.test.example/tags/' },
      { kind: 'author' as const, url: 'https://news.test.example/authors/' },
    ];
    const [index, first] = listingPages(home(items(6)), site({ pageSize: 3 }), { browse }).map((page) => page.contents);
    expect(index).toContain('<nav aria-label="Parcourir" class="site">\n<ul class="tags">\n<li><a href="tags/">Sujets</a></li>\n<li><a href="authors/">Auteurs</a></li>\n</ul>\n</nav>');
    expect(first).toContain('<li><a href="../tags/">Sujets</a></li>');
    expect(listingPages(tag(items(1)), site(), { browse })[0]?.contents).not.toContain('Parcourir');
    expect(listingPages(home(items(1)), site())[0]?.contents).not.toContain('Parcourir');
  });
});
