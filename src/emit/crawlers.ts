// What search engines and news aggregators crawl besides the pages: the sitemaps and
// robots.txt (documents.ts makes them). Hosts, deploy scripts and SEO tools also drop such
// files into a site by hand, so the write stage leaves a user's own one alone (user-files.ts).
import { ROBOTS_PATH } from './robots.js';
import { NEWS_SITEMAP_PATH, SITEMAP_PATH } from './sitemap.js';

const SPLIT_PART = /^sitemap-\d+\.xml$/;

/** True for robots.txt, sitemap.xml, its parts and news-sitemap.xml. */
export function isCrawlerFile(file: string): boolean {
  return file === ROBOTS_PATH || file === SITEMAP_PATH || file === NEWS_SITEMAP_PATH || SPLIT_PART.test(file);
}
