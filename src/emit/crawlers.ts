// What search engines and news aggregators crawl besides the pages: the sitemaps and
// robots.txt. Pure.
import type { Output, Site } from '../model.js';
import { newsSitemap } from './news-sitemap.js';
import { robotsTxt } from './robots.js';
import { NEWS_SITEMAP_PATH, SITEMAP_LIMITS, SITEMAP_PATH, sitemapDocuments, type Mapped, type SitemapLimits, type SitemapPage } from './sitemap.js';

/**
 * sitemap.xml (split past its limits), news-sitemap.xml and robots.txt. `pages` is every
 * page to list: sitemapPages() gives the article and listing pages, and new kinds of page
 * add theirs. `published` feeds the news sitemap, whose two-day window is the one way `now`
 * reaches these files, so `now` is part of what they depend on.
 */
export function crawlerFiles(published: readonly Mapped[], pages: readonly SitemapPage[], site: Site, now: Date, limits: SitemapLimits = SITEMAP_LIMITS): Output[] {
  return [...sitemapDocuments(pages, site, limits), newsSitemap(published, site, now), ...robotsTxt(site, [SITEMAP_PATH, NEWS_SITEMAP_PATH])];
}
