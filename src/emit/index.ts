// Stage 5: every file of the site, as data. Pure.
import type { Entry, FeedSpec, Output, Site } from '../model.js';
import { atomDocument, jsonDocument, rssDocument } from './feed-adapter.js';
import { articlePage, indexPage } from './pages.js';

export function emit(published: readonly Entry[], feed: FeedSpec, site: Site): Output[] {
  return [
    { path: 'rss.xml', contents: rssDocument(feed) },
    { path: 'atom.xml', contents: atomDocument(feed) },
    { path: 'feed.json', contents: jsonDocument(feed) },
    indexPage(published, site, feed),
    ...published.map((entry) => articlePage(entry, site, feed)),
  ];
}
