// tags/index.html and authors/index.html: every tag and every author that has a page, with
// how many articles each lists. Pure.
import type { GroupKind, Output, Site } from '../model.js';
import { GROUP_DIRS, INDEX_PATH } from '../addresses/urls.js';
import { escapeAttribute as esc } from './escape.js';
import { labelsFor } from './labels.js';
import type { ListedFeed, ListingContext } from './listing-page.js';
import { document, head, linkFrom, siteFooter, type FeedLinks } from './page-chrome.js';
import { previewTags } from './page-meta.js';

const KINDS: readonly GroupKind[] = ['tag', 'author'];

/** The page of all groups of each kind that has any (a kind switched off has none): what the site's pages link to. */
export function groupIndexes(listings: readonly ListedFeed[], site: Site): Array<{ kind: GroupKind; url: string; groups: ListedFeed[] }> {
  return KINDS.flatMap((kind) => {
    const groups = listings.filter((listing) => listing.kind === kind);
    return groups.length === 0 ? [] : [{ kind, url: new URL(GROUP_DIRS[kind], site.url).href, groups }];
  });
}

/** tags/index.html and authors/index.html, for the kinds that have groups. */
export function groupIndexPages(listings: readonly ListedFeed[], site: Site, home: FeedLinks, context: ListingContext = {}): Output[] {
  const text = labelsFor(site.language);
  // Sorted as a reader of the site's language expects ("Économie" beside "Europe"); the folder breaks ties.
  const collator = new Intl.Collator(site.language);
  return groupIndexes(listings, site).map(({ kind, url, groups }) => {
    const here = GROUP_DIRS[kind] + INDEX_PATH;
    const heading = kind === 'tag' ? text.tags : text.authors;
    const title = `${heading} · ${site.title}`;
    const sorted = [...groups].sort((a, b) => collator.compare(a.name, b.name) || (a.feed.dir < b.feed.dir ? -1 : a.feed.dir > b.feed.dir ? 1 : 0));
    const body = [
      `<a class="skip" href="#main">${text.skip}</a>`,
      `<header class="site"><p><a href="${esc(linkFrom(here, site.url, site))}" rel="home">${esc(site.title)}</a></p>\n<h1>${heading}</h1></header>`,
      '<main id="main">',
      '<ul class="groups">',
      ...sorted.map(({ name, feed, items }) => `<li><a href="${esc(linkFrom(here, feed.homeUrl, site))}"${kind === 'tag' ? ' rel="tag"' : ''}>${esc(name)}</a> (${items.length})</li>`),
      '</ul>',
      '</main>',
      siteFooter(here, site, home, text),
    ].join('\n');
    const previews = previewTags({ type: 'website', title, description: site.description, url, lang: site.language, image: context.logo }, site);
    return { path: here, contents: document(site.language, head({ title, description: site.description, feeds: [home], canonical: url, extra: previews }), body) };
  });
}
