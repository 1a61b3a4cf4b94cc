// dist/robots.txt (RFC 9309): lets every crawler in and names the sitemaps. Pure.
// A project's static/robots.txt replaces it (static.ts), as does a robots.txt already in the
// output folder that Syndic did not write (user-files.ts): the user's file wins.
import type { Output, Site } from '../model.js';

export const ROBOTS_PATH = 'robots.txt';

/**
 * Crawlers read robots.txt only at the root of a host (RFC 9309 §2.3), so a site served
 * below a path (https://example.org/news/) gets none: its host's robots.txt is not Syndic's.
 */
export function robotsTxt(site: Site, sitemaps: readonly string[]): Output[] {
  if (new URL(site.url).pathname !== '/') return [];
  const lines = [
    '# Written by Syndic. To use your own, put it in static/robots.txt.',
    'User-agent: *',
    // An empty Disallow allows everything, in every crawler since the 1994 convention.
    'Disallow:',
    '',
    ...sitemaps.map((file) => `Sitemap: ${new URL(file, site.url).href}`),
    '',
  ];
  return [{ path: ROBOTS_PATH, contents: lines.join('\n') }];
}
