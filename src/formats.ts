// The feed formats Syndic writes: the one table that names each. Adding a format means a row
// here and a writer in emit/ (listed in emit/index.ts).

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FormatInfo {
  /** File name inside the feed's folder. */
  file: string;
  /** Media type, for servers and `<link rel="alternate">`. */
  mime: string;
  /** What people call it, for links and messages. */
  label: string;
}

export const FORMATS: Readonly<Record<FeedFormat, FormatInfo>> = {
  rss: { file: 'rss.xml', mime: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mime: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mime: 'application/feed+json', label: 'JSON Feed' },
};

/** Every format, in the order pages list them. */
export const FEED_FORMATS = Object.keys(FORMATS) as FeedFormat[];

/**
 * The date of a feed with no published article (a new site, only drafts, only future
 * articles). Atom and JSON Feed need one; the clock, a file's mtime or an unpublished article's
 * date would change the bytes or leak the schedule. RSS then has no lastBuildDate at all.
 */
export const EMPTY_FEED_DATE = new Date('2000-01-01T00:00:00Z');
