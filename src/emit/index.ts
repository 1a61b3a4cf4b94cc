// Stage 5: the site's files, as data. Pure.
import { SyndicError } from '../errors.js';
import { FEED_FORMATS, FORMATS, type FeedFormat } from '../formats.js';
import type { Entry, FeedSpec, Output, PodcastChannel, Site } from '../model.js';
import { subscriptionSpec, type FeedPlan, type Schedulable } from '../select.js';
import { groupUrl } from '../addresses/urls.js';
import { atomDocument } from './atom.js';
import { jsonDocument } from './json.js';
import { feedPodcast } from './podcasting.js';
import type { IndexItem, ListedFeed } from './listing-page.js';
import { rssDocument } from './rss.js';
import { tombstoned } from './tombstones.js';

/** Writes one feed as one document of its format. */
export type Writer = (spec: FeedSpec) => string;

/** The writer of each format; formats.ts names them. */
export const WRITERS: Readonly<Record<FeedFormat, Writer>> = { rss: rssDocument, atom: atomDocument, json: jsonDocument };

/** The documents of one feed (a subscription feed or an archive page), one per format, in its folder. */
export function feedDocuments(given: FeedSpec): Output[] {
  // Retracted entries leave all three formats; Atom keeps their tombstones (tombstones.ts).
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

/** A subscription feed with the list its pages show: the site's index, a tag's or an author's page. */
export type Listing = ListedFeed;

/** Atom categories name their tag page as scheme, where there is one. */
export function tagPagesOf(feeds: readonly FeedPlan<unknown>[], site: Site): Map<string, string> {
  return new Map(feeds.filter((feed) => feed.kind === 'tag').map((feed) => [feed.name, groupUrl('tag', feed.name, site)]));
}

/**
 * A subscription feed with the list its page shows; `tagPages` from tagPagesOf() of all the
 * feeds. The podcast channel, when there is one, belongs to the site feed and to the groups
 * `podcast.groups` names. documents.ts makes the files of each.
 */
export function listingOf<T extends Schedulable>(
  feed: FeedPlan<T>,
  site: Site,
  entryOf: (item: T) => Entry,
  itemOf: (item: T) => IndexItem,
  now: Date,
  podcast: PodcastChannel | undefined,
  tagPages: ReadonlyMap<string, string>,
): Listing {
  const channel = feedPodcast(feed.kind, feed.name, podcast);
  return {
    kind: feed.kind,
    name: feed.name,
    feed: { ...subscriptionSpec(feed, site, entryOf, now), ...(tagPages.size === 0 ? {} : { tagPages }), ...(channel ? { podcast: channel } : {}) },
    items: feed.members.map(itemOf),
  };
}
