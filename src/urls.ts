// Where each output lives and the public URL it is served at.
import slugify from '@sindresorhus/slugify';
import { FORMATS } from './formats.js';
import type { Article, GroupKind, Site } from './model.js';

/** The file names of a feed's three formats, inside the feed's folder. */
export const FEED_PATHS = { rss: FORMATS.rss.file, atom: FORMATS.atom.file, json: FORMATS.json.file } as const;
export const INDEX_PATH = 'index.html';
/** Every feed Syndic writes, for readers that import subscriptions. */
export const OPML_PATH = 'feeds.opml';
const PAGES_DIR = 'articles/';
/** Local images and enclosures, copied from the project. */
export const MEDIA_DIR = 'media/';
/** Groups of articles that get their own feeds and page. */
export const GROUP_DIRS: Readonly<Record<GroupKind, string>> = { tag: 'tags/', author: 'authors/' };
/** RFC 5005 archive pages of a feed, inside the feed's folder. */
export const ARCHIVE_DIR = 'archive/';

/** Where an article's page lives, relative to the output folder. */
export function pagePath(article: Pick<Article, 'slug'>): string {
  return `${PAGES_DIR}${article.slug}.html`;
}

/**
 * The URL segment of a tag or author name: "Politique étrangère" → "politique-etrangere".
 * slugify knows Latin, Greek and Cyrillic; a name in another script keeps its letters
 * ("日本語"), and one without letters or digits ("?!", "]]>") is named by its code points.
 */
export function groupSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    const nfc = name.normalize('NFC');
    slug = slugify(nfc) || nfc.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join('-') || `u${[...nfc].map((char) => char.codePointAt(0)?.toString(16)).join('-')}`;
    slugs.set(name, slug);
  }
  return slug;
}

// A site has few tag and author names, each asked for by every article that carries it:
// slugifying them again each time was 0.4 s of a 3 s rebuild of 10,000 articles.
const slugs = new Map<string, string>();

/** The folder of a tag's or author's feeds and page, relative to the output folder: `tags/politique/`. */
export function groupDir(kind: GroupKind, name: string): string {
  return `${GROUP_DIRS[kind]}${groupSlug(name)}/`;
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
export function pageUrl(article: Pick<Article, 'slug'>, site: Site): string {
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
