// Stage 5: the site's files, as data. Pure.
import type { Entry, FeedSpec, GroupKind, Output, PodcastChannel, Site } from '../model.js';
import { subscriptionSpec, type FeedPlan, type Schedulable } from '../select.js';
import { FEED_PATHS } from '../urls.js';
import { atomDocument, jsonDocument, rssDocument } from './feed-adapter.js';
import { opmlDocument } from './opml.js';
import { articlePage, indexPage, type GroupFeeds, type IndexItem } from './pages.js';

/** The three documents of one feed (a subscription feed or an archive page), in its folder. */
export function feedDocuments(spec: FeedSpec): Output[] {
  return [
    { path: spec.dir + FEED_PATHS.rss, contents: rssDocument(spec) },
    { path: spec.dir + FEED_PATHS.atom, contents: atomDocument(spec) },
    { path: spec.dir + FEED_PATHS.json, contents: jsonDocument(spec) },
  ];
}

/** A subscription feed with the list its page shows: the site's index, a tag's or an author's page. */
export interface Listing {
  kind: 'site' | GroupKind;
  /** The tag or author name (the site title for the site feed). */
  name: string;
  feed: FeedSpec;
  items: readonly IndexItem[];
}

/** The group feeds that exist, by folder, for the links and autodiscovery of article pages. */
export function groupFeeds(listings: readonly Listing[]): GroupFeeds {
  return new Map(listings.filter((listing) => listing.kind !== 'site').map(({ feed }) => [feed.dir, feed]));
}

/**
 * Each planned feed's subscription document with the list its page shows. The podcast
 * channel, when there is one, belongs to the site feed only.
 */
export function listingsOf<T extends Schedulable>(
  feeds: readonly FeedPlan<T>[],
  site: Site,
  entryOf: (item: T) => Entry,
  itemOf: (item: T) => IndexItem,
  now: Date,
  podcast: PodcastChannel | undefined,
): Listing[] {
  return feeds.map((feed) => ({
    kind: feed.kind,
    name: feed.name,
    feed: { ...subscriptionSpec(feed, site, entryOf, now), ...(feed.kind === 'site' && podcast ? { podcast } : {}) },
    items: feed.members.map(itemOf),
  }));
}

/**
 * Every subscription feed with its listing page, the OPML list of them, and the pages of
 * `pages`: all published entries in a full build, only the changed ones in an incremental
 * build. Archive pages are emitted apart (feedDocuments), as an incremental build keeps them.
 */
export function emit(pages: readonly Entry[], listings: readonly Listing[], site: Site): Output[] {
  const [home] = listings;
  if (!home || home.kind !== 'site') throw new Error('emit: the site feed must come first');
  const linked = groupFeeds(listings);
  return [
    ...listings.flatMap(({ kind, name, feed, items }) => [...feedDocuments(feed), indexPage(items, site, feed, kind === 'site' ? undefined : name)]),
    opmlDocument(listings.map(({ kind, feed }) => ({ kind, spec: feed })), site),
    ...pages.map((entry) => articlePage(entry, site, home.feed, linked)),
  ];
}
