// Where each output lives and the public URL it is served at.
import type { Article, Site } from './model.js';

/** The site-wide feeds and the index, relative to the output folder. */
export const FEED_PATHS = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export const INDEX_PATH = 'index.html';
const PAGES_DIR = 'articles/';

/** Where an article's page lives, relative to the output folder. */
export function pagePath(article: Pick<Article, 'slug'>): string {
  return `${PAGES_DIR}${article.slug}.html`;
}

/**
 * Files Syndic owns. Anything else a user put in the output folder (CNAME, robots.txt…)
 * is carried over untouched: the user's file wins.
 */
export function isOwned(relative: string): boolean {
  return relative === INDEX_PATH || Object.values<string>(FEED_PATHS).includes(relative) || relative.startsWith(PAGES_DIR);
}

/** The public address of an article's page. */
export function pageUrl(article: Pick<Article, 'slug'>, site: Site): string {
  return new URL(pagePath(article), site.url).href;
}
