// Stage 5: the site's files, as data. Pure.
import type { Entry, FeedSpec, Output, Site } from '../model.js';
import { FEED_PATHS } from '../urls.js';
import { atomDocument, jsonDocument, rssDocument } from './feed-adapter.js';
import { articlePage, indexPage, type IndexItem } from './pages.js';

export type { IndexItem };

/**
 * The three feeds, the index of every published article, and the pages of `pages`: all
 * published entries in a full build, only the changed ones in an incremental build.
 */
export function emit(pages: readonly Entry[], index: readonly IndexItem[], feed: FeedSpec, site: Site): Output[] {
  return [
    { path: FEED_PATHS.rss, contents: rssDocument(feed) },
    { path: FEED_PATHS.atom, contents: atomDocument(feed) },
    { path: FEED_PATHS.json, contents: jsonDocument(feed) },
    indexPage(index, site, feed),
    ...pages.map((entry) => articlePage(entry, site, feed)),
  ];
}
