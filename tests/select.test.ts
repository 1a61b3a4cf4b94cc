import { describe, expect, it } from 'vitest';
import { select, siteFeed } from '../src/select.js';
import { entry, site } from './support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('select', () => {
  it('orders newest first and breaks date ties by id', () => {
    const same = new Date('2024-05-01T00:00:00Z');
    const entries = [
      entry({ slug: 'old', id: 'tag:x,2024:old', date: new Date('2024-01-01T00:00:00Z') }),
      entry({ slug: 'b', id: 'tag:x,2024:b', date: same }),
      entry({ slug: 'a', id: 'tag:x,2024:a', date: same }),
    ];
    expect(select(entries, site(), NOW).published.map((e) => e.slug)).toEqual(['a', 'b', 'old']);
  });

  it('leaves out drafts and articles scheduled after now', () => {
    const entries = [entry({ slug: 'draft', draft: true }), entry({ slug: 'later', date: new Date('2025-01-01T00:00:01Z') }), entry({ slug: 'due', date: NOW })];
    expect(select(entries, site(), NOW).published.map((e) => e.slug)).toEqual(['due']);
  });

  it('carries at most feedLimit entries in the feed but pages every published one', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry({ slug: `s${i}`, id: `tag:x,2024:${i}`, date: new Date(Date.UTC(2024, 0, i + 1)) }));
    const { published, carried } = select(entries, site({ feedLimit: 2 }), NOW);
    expect(published).toHaveLength(5);
    expect(carried.map((e) => e.slug)).toEqual(['s4', 's3']);
  });

  it('dates the feed by its newest update, not by the clock', () => {
    const entries = [entry({ slug: 'a', id: 'a:1', updated: new Date('2024-03-01T00:00:00Z') }), entry({ slug: 'b', id: 'b:1', updated: new Date('2024-06-01T00:00:00Z') })];
    expect(siteFeed(site(), entries, NOW).updated.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(siteFeed(site(), [], NOW).updated).toBe(NOW);
  });

  it('builds absolute feed URLs under the base URL', () => {
    expect(siteFeed(site({ url: 'https://x.example/news/' }), [], NOW).urls).toEqual({
      rss: 'https://x.example/news/rss.xml',
      atom: 'https://x.example/news/atom.xml',
      json: 'https://x.example/news/feed.json',
    });
  });
});
