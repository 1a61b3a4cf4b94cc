// The pages that list a feed's articles: the site's index and each tag's and author's page,
// `pageSize` articles a page. Older pages are numbered from the oldest (page/1.html), as the
// RFC 5005 archives are, so a full page keeps its articles whatever is published later. Pure.
import type { Asset, Entry, FeedSpec, GroupKind, ImageText, Output, Site } from '../model.js';
import { listingPagePath, paginate, type Pages } from '../select.js';
import { INDEX_PATH } from '../addresses/urls.js';
import { escapeAttribute as esc } from './escape.js';
import { labelsFor, type PageLabels } from './labels.js';
import { date, document, head, langAttribute, linkFrom, siteFooter } from './page-chrome.js';
import { logoOf, previewTags } from './page-meta.js';

/** What the index shows of each published article. */
export type IndexItem = Pick<Entry, 'title' | 'url' | 'date' | 'lang'>;

export function indexItem(article: IndexItem): IndexItem {
  return { title: article.title, url: article.url, date: article.date, lang: article.lang };
}

/** A feed and every article its pages list, newest first. */
export interface ListedFeed {
  kind: 'site' | GroupKind;
  /** The tag or author name (the site title for the site feed). */
  name: string;
  feed: FeedSpec;
  items: readonly IndexItem[];
}

/** What listing pages link to beyond their own feed. */
export interface ListingContext {
  /** The pages of all tags and all authors that exist (group-index.ts), linked from the site's pages. */
  browse?: ReadonlyArray<{ kind: GroupKind; url: string }>;
  /** The site's logo, for previews of pages whose feed has none. */
  logo?: (Asset & ImageText) | undefined;
}

/** Every page of a listing: index.html with the newest articles, then page/1.html (the oldest)… */
export function listingPages(listed: ListedFeed, site: Site, context: ListingContext = {}): Output[] {
  const pages = paginate(listed.items, site.pageSize);
  return Array.from({ length: pages.older.length + 1 }, (_, number) => listingPage(listed, pages, number, site, context));
}

/**
 * Page `number` of a listing cut into `pages` (select.ts paginate): 0 is its index.html, 1 the
 * oldest page. A full older page changes only when the page after it is first cut (its link
 * to newer articles then leads there rather than to the index) or when one of its articles does.
 */
export function listingPage(listed: ListedFeed, pages: Pages<IndexItem>, number: number, site: Site, context: ListingContext = {}): Output {
  const count = pages.older.length;
  const items = number === 0 ? pages.current : pages.older[number - 1];
  if (items === undefined) throw new Error(`listingPage: ${listed.feed.dir} has no page ${number}`);
  const { feed } = listed;
  const text = labelsFor(site.language);
  const here = number === 0 ? feed.dir + INDEX_PATH : listingPagePath(feed.dir, number);
  const url = number === 0 ? feed.homeUrl : new URL(here, site.url).href;
  const pageUrl = (k: number): string => (k === 0 ? feed.homeUrl : new URL(listingPagePath(feed.dir, k), site.url).href);
  const link = (k: number, rel: string, words: string): string => `<li><a href="${esc(linkFrom(here, pageUrl(k), site))}" rel="${rel}">${words}</a></li>`;
  // Newest first; "next" is the next page of the series, i.e. older articles.
  const newer = number === 0 ? [] : [link(number === count ? 0 : number + 1, 'prev', text.newer)];
  const older = number === 1 || count === 0 ? [] : [link(number === 0 ? count : number - 1, 'next', text.older)];
  const pageName = number === 0 ? undefined : text.page.replace('{n}', String(number));
  // Counted from the oldest, so an article keeps its number on its page.
  const start = number === 0 ? (count === 0 ? '' : ` start="${listed.items.length}"`) : ` start="${number * site.pageSize}"`;
  const title = pageName === undefined ? feed.title : `${pageName} · ${feed.title}`;
  const header =
    listed.kind === 'site'
      ? `<header class="site"><h1>${esc(site.title)}</h1>\n<p>${esc(site.description)}</p></header>`
      : `<header class="site"><p><a href="${esc(linkFrom(here, site.url, site))}" rel="home">${esc(site.title)}</a></p>\n<h1>${esc(listed.name)}</h1></header>`;
  const body = [
    `<a class="skip" href="#main">${text.skip}</a>`,
    header,
    ...(listed.kind === 'site' ? browseNav(here, site, text, context.browse ?? []) : []),
    '<main id="main">',
    `<h2>${pageName === undefined ? text.articles : `${text.articles} · ${esc(pageName)}`}</h2>`,
    `<ol class="articles" reversed${start}>`,
    ...items.map((entry) => `<li${langAttribute(entry.lang, site.language)}><a href="${esc(linkFrom(here, entry.url, site))}">${esc(entry.title)}</a><br>${date(entry.date, entry.lang, site)}</li>`),
    '</ol>',
    ...(newer.length + older.length === 0 ? [] : [`<nav aria-label="${text.pages}">`, '<ul class="tags">', ...newer, ...older, '</ul>', '</nav>']),
    '</main>',
    siteFooter(here, site, feed, text),
  ].join('\n');
  const previews = previewTags({ type: 'website', title, description: feed.description, url, lang: site.language, image: logoOf(feed) ?? context.logo }, site);
  return { path: here, contents: document(site.language, head({ title, description: feed.description, feeds: [feed], canonical: url, extra: previews }), body) };
}

/** The site's links to the pages of all its tags and all its authors. */
function browseNav(here: string, site: Site, text: PageLabels, browse: NonNullable<ListingContext['browse']>): string[] {
  if (browse.length === 0) return [];
  const words: Record<GroupKind, string> = { tag: text.tags, author: text.authors };
  return [`<nav aria-label="${text.browse}" class="site">`, '<ul class="tags">', ...browse.map(({ kind, url }) => `<li><a href="${esc(linkFrom(here, url, site))}">${words[kind]}</a></li>`), '</ul>', '</nav>'];
}

/**
 * One page listing `published` (tests and callers that need no pagination): the site's index,
 * or with `heading` (a tag or an author name) that group's page, which links home.
 */
export function indexPage(published: readonly IndexItem[], site: Site, feed: FeedSpec, heading?: string): Output {
  const listed: ListedFeed = heading === undefined ? { kind: 'site', name: site.title, feed, items: published } : { kind: 'tag', name: heading, feed, items: published };
  return listingPage(listed, { current: [...published], older: [] }, 0, site);
}
