// Stage 5: the site's files, as data. Pure.
import { SyndicError } from '../errors.js';
import { FEED_FORMATS, FORMATS, type FeedFormat } from '../formats.js';
import type { Entry, FeedSpec, GroupKind, Output, PodcastChannel, Site } from '../model.js';
import { subscriptionSpec, type FeedPlan, type Schedulable } from '../select.js';
import { groupUrl } from '../urls.js';
import { atomDocument } from './atom.js';
import { jsonDocument } from './json.js';
import { opmlDocument } from './opml.js';
import { feedPodcast } from './podcasting.js';
import { indexPage, type GroupFeeds, type IndexItem } from './pages.js';
import { pageFor } from './retraction-page.js';
import { tombstoned } from './tombstones.js';
import { rssDocument } from './rss.js';

/** Writes one feed as one document of its format. */
export type Writer = (spec: FeedSpec) => string;

/** The writer of each format; formats.ts names them. */
export const WRITERS: Readonly<Record<FeedFormat, Writer>> = { rss: rssDocument, atom: atomDocument, json: jsonDocument };

/** The documents of one feed (a subscription feed or an archive page), one per format, in its folder. */
export function feedDocuments(given: FeedSpec): Output[] {
  // Hook (retractions): retracted entries leave all three formats; Atom keeps their tombstones.
  const spec = tombstoned(given);
  return FEED_FORMATS.map((format) => ({ path: spec.dir + FORMATS[format].file, contents: serialise(spec, format, () => WRITERS[format](spec)) }));
}

/**
 * Each document is built as one string; past V8's limit (~512 MB, about 100,000 full
 * articles) that throws RangeError. Say so plainly instead of dying with a stack.
 */
export function serialise(spec: FeedSpec, format: FeedFormat, write: () => string): string {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SyndicError('TOO_LARGE', `the ${FORMATS[format].label} feed of ${spec.entries.length} full articles is larger than one document can be`, {
      field: 'feedLimit',
      hint: 'lower feedLimit in syndic.yaml (readers rarely fetch more than a few hundred items)',
    });
  }
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
 * channel, when there is one, belongs to the site feed and to the groups `podcast.groups` names.
 */
export function listingsOf<T extends Schedulable>(
  feeds: readonly FeedPlan<T>[],
  site: Site,
  entryOf: (item: T) => Entry,
  itemOf: (item: T) => IndexItem,
  now: Date,
  podcast: PodcastChannel | undefined,
): Listing[] {
  // Atom categories name their tag page as scheme, where there is one.
  const tagPages = new Map(feeds.filter((feed) => feed.kind === 'tag').map((feed) => [feed.name, groupUrl('tag', feed.name, site)]));
  return feeds.map((feed) => {
    const channel = feedPodcast(feed.kind, feed.name, podcast);
    return {
      kind: feed.kind,
      name: feed.name,
      feed: { ...subscriptionSpec(feed, site, entryOf, now), ...(tagPages.size === 0 ? {} : { tagPages }), ...(channel ? { podcast: channel } : {}) },
      // Hook (retractions): a retracted article is no longer listed; its page is a notice.
      items: feed.members.filter((member) => !('retracted' in member && member.retracted !== undefined)).map(itemOf),
    };
  });
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
    // Hook (retractions): a retracted article's page is its notice.
    ...pages.map((entry) => pageFor(entry, site, home.feed, linked)),
  ];
}
