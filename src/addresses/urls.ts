// Where each output lives and the public URL it is served at.
import { FORMATS } from '../formats.js';
import type { Article, GroupKind, Site } from '../model.js';
import { PERMALINK_ROOT } from './permalink.js';
import { legacy, nameSlug } from './slug.js';

/** The file names of a feed's three formats, inside the feed's folder. */
export const FEED_PATHS = { rss: FORMATS.rss.file, atom: FORMATS.atom.file, json: FORMATS.json.file } as const;
export const INDEX_PATH = 'index.html';
/** Every feed Syndic writes, for readers that import subscriptions. */
export const OPML_PATH = 'feeds.opml';
const PAGES_DIR = PERMALINK_ROOT;
/** Local images and enclosures, copied from the project. */
export const MEDIA_DIR = 'media/';
/** Groups of articles that get their own feeds and page. */
export const GROUP_DIRS: Readonly<Record<GroupKind, string>> = { tag: 'tags/', author: 'authors/' };
/** RFC 5005 archive pages of a feed, inside the feed's folder. */
export const ARCHIVE_DIR = 'archive/';
/** The XSLT stylesheet the RSS and Atom documents name, so a browser shows them as a page. */
export const STYLESHEET_PATH = 'feed.xsl';

/** Where an article's page lives, relative to the output folder (the site's permalink, filled in at parse time). */
export function pagePath(article: Pick<Article, 'page'>): string {
  return article.page;
}

/**
 * The URL segment of a tag or author name: "Politique étrangère" → "politique-etrangere",
 * "C++" → "c-plus-plus", "日本語" → "日本語"; see slug.ts.
 */
export function groupSlug(name: string): string {
  return nameSlug(name);
}

/** The folder of a tag's or author's feeds and page, relative to the output folder: `tags/politique/`. */
export function groupDir(kind: GroupKind, name: string): string {
  return `${GROUP_DIRS[kind]}${groupSlug(name)}/`;
}

/** Where Syndic 0.2.0 put a group's folder; it keeps a copy of the feeds when the folder moved. */
export function legacyGroupDir(kind: GroupKind, name: string): string {
  return `${GROUP_DIRS[kind]}${legacy.nameSlug(name)}/`;
}

/** The public address of a tag's or author's page (its folder's index.html). */
export function groupUrl(kind: GroupKind, name: string, site: Site): string {
  return new URL(groupDir(kind, name), site.url).href;
}

/** The public addresses of the three formats of the feed in folder `dir` ('' for the site feed). */
export function feedUrls(dir: string, site: Site): { rss: string; atom: string; json: string } {
  return {
    rss: new URL(dir + FEED_PATHS.rss, site.url).href,
    atom: new URL(dir + FEED_PATHS.atom, site.url).href,
    json: new URL(dir + FEED_PATHS.json, site.url).href,
  };
}

/** The public address of an article's page. */
export function pageUrl(article: Pick<Article, 'page'>, site: Site): string {
  return new URL(pagePath(article), site.url).href;
}

/** Where a local media file (a path relative to the project root) is copied: `media/episodes/ep1.mp3`. */
export function mediaPath(location: string): string {
  return `${MEDIA_DIR}${location}`;
}

/** The public address of a local media file's copy. */
export function mediaUrl(location: string, site: Site): string {
  return new URL(mediaPath(location).split('/').map(encodeURIComponent).join('/'), site.url).href;
}
