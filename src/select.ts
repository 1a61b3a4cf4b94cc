// Stage 4: decide what is published and which entries each feed carries. Pure.
import type { Article, Entry, FeedSpec, Site } from './model.js';
import { feedUrls } from './urls.js';

/** The fields selection needs; both cached metadata and rendered entries have them. */
export type Schedulable = Pick<Article, 'id' | 'date' | 'updated' | 'draft'>;

export interface Selection<T extends Schedulable> {
  /** Every published article, newest first: each gets a page and a line on the index. */
  published: T[];
  /** The newest `feedLimit` of them: what the site feed carries. */
  carried: T[];
}

/** Newest first; the id breaks ties so equal dates still give the same order every run. */
export function newestFirst(a: Schedulable, b: Schedulable): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Drafts never appear. Articles dated after `now` wait: the first build after their
 * date publishes them, which is what cron relies on.
 */
export function select<T extends Schedulable>(items: readonly T[], site: Site, now: Date): Selection<T> {
  const published = items.filter((item) => !item.draft && item.date <= now).sort(newestFirst);
  return { published, carried: published.slice(0, site.feedLimit) };
}

/** The site-wide subscription feed over `entries` (already selected, newest first). */
export function siteFeed(site: Site, entries: Entry[], now: Date): FeedSpec {
  return {
    title: site.title,
    description: site.description,
    homeUrl: site.url,
    language: site.language,
    authors: site.authors,
    ...(site.copyright === undefined ? {} : { copyright: site.copyright }),
    // With nothing published there is no article date to use; `now` is then the only honest answer.
    updated: entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), entries[0]?.updated ?? now),
    urls: feedUrls('', site),
    entries,
  };
}
