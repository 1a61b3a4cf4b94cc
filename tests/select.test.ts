import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../src/model.js';
import { listingPagePath, paginate, plans, select, subscriptionSpec } from '../src/select.js';
import { entry, site } from './support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');

/** The site's subscription feed over `entries`, as a build plans and emits it. */
function siteFeed(options: ReturnType<typeof site>, entries: Entry[]) {
  const [feed] = plans(entries, options);
  if (!feed) throw new Error('no site feed');
  return subscriptionSpec(feed, options, (e) => e, NOW);
}

describe('select', () => {
  it('orders newest first and breaks date ties by id', () => {
    const same = new Date('2024-05-01T00:00:00Z');
    const entries = [
      entry({ slug: 'old', id: 'tag:x,2024:old', date: new Date('2024-01-01T00:00:00Z') }),
      entry({ slug: 'b', id: 'tag:x,2024:b', date: same }),
      entry({ slug: 'a', id: 'tag:x,2024:a', date: same }),
    ];
    expect(select(entries, NOW).published.map((e) => e.slug)).toEqual(['a', 'b', 'old']);
  });

  it('leaves out drafts and articles scheduled after now', () => {
    const entries = [entry({ slug: 'draft', draft: true }), entry({ slug: 'later', date: new Date('2025-01-01T00:00:01Z') }), entry({ slug: 'due', date: NOW })];
    expect(select(entries, NOW).published.map((e) => e.slug)).toEqual(['due']);
  });

  it('shows drafts with preview.drafts and later articles with preview.future, each alone', () => {
    const entries = [entry({ slug: 'draft', id: 'tag:x,2024:d', draft: true }), entry({ slug: 'later', id: 'tag:x,2024:l', date: new Date('2025-01-01T00:00:01Z') }), entry({ slug: 'due', id: 'tag:x,2024:u', date: NOW })];
    const slugs = (preview: Parameters<typeof select>[2]) => select(entries, NOW, preview).published.map((e) => e.slug).sort();
    expect(slugs({ drafts: true })).toEqual(['draft', 'due']);
    expect(slugs({ future: true })).toEqual(['due', 'later']);
    expect(slugs({ drafts: true, future: true })).toEqual(['draft', 'due', 'later']);
    expect(slugs({})).toEqual(['due']);
  });

  it('carries at most feedLimit entries in the feed but pages every published one', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry({ slug: `s${i}`, id: `tag:x,2024:${i}`, date: new Date(Date.UTC(2024, 0, i + 1)) }));
    const { published } = select(entries, NOW);
    const [feed] = plans(published, site({ feedLimit: 2 }));
    expect(published).toHaveLength(5);
    expect(feed?.carried.map((e) => e.slug)).toEqual(['s4', 's3']);
  });

  it('dates the feed by its newest update, not by the clock, and an empty feed not at all', () => {
    const entries = [entry({ slug: 'a', id: 'a:1', updated: new Date('2024-03-01T00:00:00Z') }), entry({ slug: 'b', id: 'b:1', updated: new Date('2024-06-01T00:00:00Z') })];
    expect(siteFeed(site(), entries).updated?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(siteFeed(site(), [])).not.toHaveProperty('updated');
  });

  it('builds absolute feed URLs under the base URL', () => {
    expect(siteFeed(site({ url: 'https://x.example/news/' }), []).urls).toEqual({
      rss: 'https://x.example/news/rss.xml',
      atom: 'https://x.example/news/atom.xml',
      json: 'https://x.example/news/feed.json',
    });
  });
});

describe('plans', () => {
  const story = (i: number, tags: string[] = [], author = 'Ann') =>
    entry({ slug: `s${i}`, id: `tag:x,2024:${i}`, date: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000), tags, authors: [{ name: author }] });

  it('plans the site feed, then a feed per tag and per author in folder order, each newest first', () => {
    const published = select([story(1, ['Climat', 'Europe'], 'Bo'), story(2, ['Climat']), story(3)], NOW).published;
    const feeds = plans(published, site({ groups: { tag: { feedLimit: 1, minArticles: 1 }, author: { feedLimit: 20, minArticles: 2 } } }));
    expect(feeds.map((feed) => [feed.kind, feed.dir, feed.members.map((e) => e.slug), feed.carried.map((e) => e.slug)])).toEqual([
      ['site', '', ['s3', 's2', 's1'], ['s3', 's2', 's1']],
      ['tag', 'tags/climat/', ['s2', 's1'], ['s2']],
      ['tag', 'tags/europe/', ['s1'], ['s1']],
      // Bo has one article, below minArticles 2.
      ['author', 'authors/ann/', ['s3', 's2'], ['s3', 's2']],
    ]);
  });

  it('RFC 5005 archives: every article in exactly one document, full pages oldest first, and a new article never changes a page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (count, limit) => {
        const all = Array.from({ length: count + 1 }, (_, i) => story(i));
        const options = site({ feedLimit: limit, archive: true });
        const [before] = plans(select(all.slice(0, count), NOW).published, options);
        const [after] = plans(select(all, NOW).published, options);
        for (const feed of [before, after]) {
          if (!feed) throw new Error('no site feed');
          const documents = [feed.carried, ...feed.archives].flat().map((e) => e.slug);
          expect(new Set(documents).size).toBe(feed.members.length);
          expect(documents).toHaveLength(feed.members.length);
          for (const page of feed.archives) expect(page).toHaveLength(limit);
          expect(feed.carried.length).toBeGreaterThanOrEqual(Math.min(limit, feed.members.length));
          expect(feed.carried.length).toBeLessThanOrEqual(limit * 2 - 1);
          // Pages run oldest first; each page newest first.
          const flat = feed.archives.flatMap((page) => [...page].reverse()).map((e) => e.date.getTime());
          expect(flat).toEqual([...flat].sort((a, b) => a - b));
        }
        // Stability: the pages that existed hold the same articles afterwards.
        before?.archives.forEach((page, k) => expect(after?.archives[k]?.map((e) => e.slug)).toEqual(page.map((e) => e.slug)));
      }),
      { numRuns: 200 },
    );
  });

  it('without archive, carries the newest feedLimit and cuts no page', () => {
    const published = select(Array.from({ length: 7 }, (_, i) => story(i)), NOW).published;
    const [feed] = plans(published, site({ feedLimit: 3 }));
    expect(feed?.carried.map((e) => e.slug)).toEqual(['s6', 's5', 's4']);
    expect(feed?.archives).toEqual([]);
  });
});

describe('paginate', () => {
  it('puts every item on exactly one page, full pages oldest first, and a new item never moves one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), (count, size, added) => {
        const all = Array.from({ length: count + added }, (_, i) => count + added - 1 - i);
        const before = paginate(all.slice(added), size);
        const after = paginate(all, size);
        for (const pages of [before, after]) {
          const total = pages.current.length + pages.older.length * size;
          expect([...pages.current, ...[...pages.older].reverse().flat()]).toEqual(all.slice(all.length - total));
          for (const page of pages.older) expect(page).toHaveLength(size);
          expect(pages.current.length).toBeLessThanOrEqual(Math.max(2 * size - 1, 0));
          if (pages.older.length > 0) expect(pages.current.length).toBeGreaterThanOrEqual(size);
          // Page 1 holds the oldest items.
          expect(pages.older[0]?.at(-1) ?? 0).toBe(0);
        }
        before.older.forEach((page, k) => expect(after.older[k]).toEqual(page));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts the archives of feeds as it cuts listing pages', () => {
    const published = select(Array.from({ length: 7 }, (_, i) => entry({ slug: `s${i}`, date: new Date(Date.UTC(2024, 0, i + 1)) })), NOW).published;
    const [feed] = plans(published, site({ feedLimit: 3, archive: true }));
    expect({ current: feed?.carried, older: feed?.archives }).toEqual(paginate(published, 3));
  });

  it('places older listing pages in page/ of the listing folder', () => {
    expect(listingPagePath('', 1)).toBe('page/1.html');
    expect(listingPagePath('tags/climat/', 12)).toBe('tags/climat/page/12.html');
  });
});
