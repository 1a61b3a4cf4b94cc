// Where each output lives and the public URL it is served at.
import type { Article, Site } from './model.js';

/** Where an article's page lives, relative to the output folder. */
export function pagePath(article: Pick<Article, 'slug'>): string {
  return `articles/${article.slug}.html`;
}

/** The public address of an article's page. */
export function pageUrl(article: Pick<Article, 'slug'>, site: Site): string {
  return new URL(pagePath(article), site.url).href;
}
