// Stage 4: decide what is published and which entries each feed carries. Pure.
import type { Entry, FeedSpec, Site } from './model.js';

export interface Selection {
  /** Every published entry, newest first: each gets a page and a line on the index. */
  published: Entry[];
  /** The site-wide subscription feed. */
  feed: FeedSpec;
}

/** Newest first; the id breaks ties so equal dates still give the same order every run. */
export function newestFirst(a: Entry, b: Entry): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Drafts never appear. Articles dated after `now` wait: the first build after their
 * date publishes them, which is what cron relies on.
 */
export function select(entries: readonly Entry[], site: Site, now: Date): Selection {
  const published = entries.filter((entry) => !entry.draft && entry.date <= now).sort(newestFirst);
  const carried = published.slice(0, site.feedLimit);
  return {
    published,
    feed: {
      title: site.title,
      description: site.description,
      homeUrl: site.url,
      language: site.language,
      authors: site.authors,
      ...(site.copyright === undefined ? {} : { copyright: site.copyright }),
      // With nothing published there is no article date to use; `now` is then the only honest answer.
      updated: carried.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), carried[0]?.updated ?? now),
      urls: {
        rss: new URL('rss.xml', site.url).href,
        atom: new URL('atom.xml', site.url).href,
        json: new URL('feed.json', site.url).href,
      },
      entries: carried,
    },
  };
}
