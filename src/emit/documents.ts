// Every file a build emits, as a document: its path(s), a fingerprint of everything its bytes
// depend on, and how to make it. A build whose plan holds an equal fingerprint, with the
// files still on disk, keeps them without emitting or hashing them (generate.ts). Pure.
//
// A new kind of document (paginated listing pages, sitemaps, tags/index.html…) plugs in as a
// function `(context) => Document[]` added to DOCUMENT_KINDS below, or called by its own kind.
// Its fingerprint must name every input of its bytes: `context.inputs(meta)` stands for an
// article (its text's hash and its media), and anything that changes with `--now` (a news
// sitemap's window) must be in it too. Only `needs` are rendered before `make` runs.
import { hashText } from '../hash.js';
import { feedDocuments, listingOf, tagPagesOf, type Listing } from './index.js';
import { movedGroupCopies, movedPages, redirectPage } from './moved.js';
import { opmlDocument } from './opml.js';
import { stylesheetDocument } from './stylesheet.js';
import { newsArticles, newsSitemap } from './news-sitemap.js';
import { ROBOTS_PATH, robotsTxt } from './robots.js';
import { NEWS_SITEMAP_PATH, SITEMAP_PATH, sitemapDocuments, sitemapPages } from './sitemap.js';
import { groupIndexes, groupIndexPages } from './group-index.js';
import { listingPage, type IndexItem, type ListingContext } from './listing-page.js';
import { logoOf } from './page-meta.js';
import { indexItem, type FeedLinks, type GroupFeeds } from './pages.js';
import { feedPodcast } from './podcasting.js';
import { FEED_FORMATS, FORMATS } from '../formats.js';
import type { ArticleMeta, Entry, Output, PodcastChannel, Site, Tombstone } from '../model.js';
import { pageFor, retractionPage, type Notice } from './retraction-page.js';
import { archiveDir, archiveSpec, listingPagePath, paginate, type FeedPlan, type Pages } from '../select.js';
import { GROUP_DIRS, groupDir, INDEX_PATH, OPML_PATH, pageUrl, STYLESHEET_PATH } from '../addresses/urls.js';

export interface Document {
  /** Its files, relative to the output folder; the first names it in the build cache. */
  paths: readonly string[];
  /** Hash of its inputs: equal fingerprints give equal bytes. */
  fingerprint: string;
  /** The articles whose rendered entries `make` reads. */
  needs: readonly ArticleMeta[];
  make(entry: (meta: ArticleMeta) => Entry): Output[];
}

/** What the documents of one build are made from. */
export interface DocumentContext {
  site: Site;
  now: Date;
  feeds: readonly FeedPlan<ArticleMeta>[];
  podcast: PodcastChannel | undefined;
  /** A short string that changes whenever the article's text or media do. */
  inputs(meta: ArticleMeta): string;
  /** The settings and the versions the bytes depend on, folded into every fingerprint. */
  salt: string;
  /** Tombstones of articles no longer published, by the folder of the feed whose readers may hold them. */
  gone: ReadonlyMap<string, readonly Tombstone[]>;
  /** Retracted articles no longer published: their pages stay as notices. */
  notices: readonly Notice[];
}

export function fingerprint(context: Pick<DocumentContext, 'salt'>, parts: unknown): string {
  return hashText(JSON.stringify([context.salt, parts]));
}

/** The site feed's and each group's feed links, without entries: what pages and lists name. */
export function feedLinks(context: DocumentContext): { home: FeedLinks; linked: GroupFeeds; listings: Listing[] } {
  const known = linksOf.get(context);
  if (known) return known;
  // Only `updated` of the carried entries is read (the OPML list's date), which the metadata has.
  const listings = context.feeds.map((feed) => listingOf({ ...feed, members: [] }, context.site, unrendered, indexOfMeta(context), context.now, undefined, new Map()));
  const [home] = listings;
  if (!home || home.kind !== 'site') throw new Error('documents: the site feed must come first');
  const links = { home: home.feed, linked: new Map(listings.filter((listing) => listing.kind !== 'site').map(({ feed }) => [feed.dir, feed] as const)), listings };
  linksOf.set(context, links);
  return links;
}

const linksOf = new WeakMap<DocumentContext, ReturnType<typeof feedLinks>>();

/**
 * What each feed's listing pages list (retracted articles are not: their pages are notices),
 * cut into pages once: the listing pages, the group index counts, the sitemap and the paths
 * redirects must avoid all read this one cut.
 */
function listedOf(context: DocumentContext): Array<{ members: ArticleMeta[]; pages: Pages<ArticleMeta> }> {
  const known = cutsOf.get(context);
  if (known) return known;
  const cuts = context.feeds.map((feed) => {
    const members = feed.members.filter(unretracted);
    return { members, pages: paginate(members, context.site.pageSize) };
  });
  cutsOf.set(context, cuts);
  return cuts;
}

const cutsOf = new WeakMap<DocumentContext, ReturnType<typeof listedOf>>();

/** Every document but the article pages: feeds, listing pages, the OPML list, redirects, archives. */
export function siteDocuments(context: DocumentContext, pages: readonly string[]): Document[] {
  return DOCUMENT_KINDS.flatMap((kind) => kind(context, pages));
}

type DocumentKind = (context: DocumentContext, pages: readonly string[]) => Document[];

const DOCUMENT_KINDS: DocumentKind[] = [subscriptions, listingPages, groupIndex, opml, stylesheet, sitemaps, newsMap, robots, redirects, archives, notices];

const feedFiles = (dir: string): string[] => FEED_FORMATS.map((format) => dir + FORMATS[format].file);

/** The paths that current documents take, so no redirect is put over one. */
function taken(context: DocumentContext, pages: readonly string[]): Set<string> {
  const cuts = listedOf(context);
  const listingFiles = (feed: FeedPlan<ArticleMeta>, k: number): string[] => [feed.dir + INDEX_PATH, ...(cuts[k]?.pages.older ?? []).map((_, n) => listingPagePath(feed.dir, n + 1))];
  const groupIndexFiles = Object.values(GROUP_DIRS).map((dir) => dir + INDEX_PATH);
  return new Set([...context.feeds.flatMap((feed, k) => [...feedFiles(feed.dir), ...listingFiles(feed, k)]), ...groupIndexFiles, OPML_PATH, STYLESHEET_PATH, ROBOTS_PATH, SITEMAP_PATH, NEWS_SITEMAP_PATH, ...context.notices.map((notice) => notice.page), ...pages]);
}

function movedGroupsOf(context: DocumentContext): Map<string, string> {
  return movedGroupCopies(context.feeds.filter((feed) => feed.kind !== 'site').map((feed) => ({ kind: feed.kind as 'tag' | 'author', name: feed.name, dir: feed.dir })));
}

/** Each feed's subscription documents, with their copies at a moved group's old folder. */
function subscriptions(context: DocumentContext, pages: readonly string[]): Document[] {
  const { site, now, podcast } = context;
  const tagPages = tagPagesOf(context.feeds, site);
  const moved = movedGroupsOf(context);
  const busy = taken(context, pages);
  const channelHash = podcast === undefined ? undefined : hashText(JSON.stringify(podcast));
  return context.feeds.map((feed) => {
    const files = feedFiles(feed.dir);
    const old = moved.get(feed.dir);
    const copies = old === undefined ? [] : files.map((file) => [file, old + file.slice(feed.dir.length)] as const).filter(([, to]) => !busy.has(to));
    const channel = feedPodcast(feed.kind, feed.name, podcast) === undefined ? undefined : channelHash;
    const carriedTags = feed.carried.map((meta) => meta.tags.filter((tag) => tagPages.has(tag)));
    const gone = context.gone.get(feed.dir);
    return {
      paths: [...files, ...copies.map(([, to]) => to)],
      fingerprint: fingerprint(context, ['feed', feed.kind, feed.name, feed.dir, feed.archives.length, feed.carried.map(context.inputs), carriedTags, tagPages.size > 0, channel, copies, gone]),
      needs: feed.carried,
      make: (entry) => {
        const spec = listingOf(feed, site, entry, indexOfMeta(context), now, podcast, tagPages).feed;
        const outputs = feedDocuments(gone === undefined ? spec : { ...spec, tombstones: [...(spec.tombstones ?? []), ...gone] });
        const byPath = new Map(outputs.map((output) => [output.path, output.contents]));
        return [...outputs, ...copies.map(([from, to]) => ({ path: to, contents: byPath.get(from) ?? '' }))];
      },
    };
  });
}

/** Each listing's pages: index.html with the newest, page/1.html the oldest `pageSize`… (select.ts paginate). */
function listingPages(context: DocumentContext): Document[] {
  const { site } = context;
  const { listings } = feedLinks(context);
  const links = listingContext(context);
  const cuts = listedOf(context);
  return context.feeds.flatMap((feed, k) => {
    const listing = listings[k] as Listing;
    const cut = cuts[k] as ReturnType<typeof listedOf>[number];
    const item = indexOfMeta(context);
    const pages = { current: cut.pages.current.map(item), older: cut.pages.older.map((page) => page.map(item)) };
    const count = pages.older.length;
    const { title, description, image } = listing.feed;
    return Array.from({ length: count + 1 }, (_, number): Document => {
      const items = (number === 0 ? pages.current : pages.older[number - 1]) ?? [];
      return {
        paths: [number === 0 ? feed.dir + INDEX_PATH : listingPagePath(feed.dir, number)],
        // What the page shows of each article (indexItem()), not its body: an edit of the text
        // keeps it. Its links depend on where it sits in the series, the index's numbering on the total.
        fingerprint: fingerprint(context, ['listing', feed.kind, feed.name, feed.dir, title, description, image, number, number === 0 ? [count, cut.members.length] : number === count, feed.kind === 'site' ? links : links.logo, items.map(shownItem)]),
        needs: [],
        make: () => [listingPage({ ...listing, items: cut.members.map(item) }, pages, number, site, links)],
      };
    });
  });
}

/** tags/index.html and authors/index.html: every group of the kind, with its number of articles. */
function groupIndex(context: DocumentContext): Document[] {
  const { listings, home } = feedLinks(context);
  const links = listingContext(context);
  const cuts = listedOf(context);
  // Only the number of articles each group lists is shown: the items are made with the page.
  const counts = new Map(listings.map((listing, k) => [listing.feed.dir, cuts[k]?.members.length ?? 0]));
  const counted = (): Listing[] => listings.map((listing, k) => ({ ...listing, items: cuts[k]?.members.map(indexOfMeta(context)) ?? [] }));
  return groupIndexes(listings, context.site).map(({ kind, groups }) => ({
    paths: [GROUP_DIRS[kind] + INDEX_PATH],
    fingerprint: fingerprint(context, ['group-index', kind, links.logo, groups.map(({ name, feed }) => [name, feed.homeUrl, counts.get(feed.dir)])]),
    needs: [],
    make: () => groupIndexPages(counted(), context.site, home, links).filter((page) => page.path === GROUP_DIRS[kind] + INDEX_PATH),
  }));
}

/** What listing pages link to beyond their own feed: the pages of all tags and authors, and the logo. */
function listingContext(context: DocumentContext): Required<ListingContext> {
  const { listings } = feedLinks(context);
  const [home] = listings;
  return { browse: groupIndexes(listings, context.site).map(({ kind, url }) => ({ kind, url })), logo: home ? logoOf(home.feed) : undefined };
}

/** The pages of retracted articles no longer published: a notice with the reason, at the same URL. */
function notices(context: DocumentContext): Document[] {
  return context.notices.map((notice) => ({ paths: [notice.page], fingerprint: fingerprint(context, ['notice', notice]), needs: [], make: () => [retractionPage(notice, context.site)] }));
}

function unretracted(meta: ArticleMeta): boolean {
  return meta.retracted === undefined;
}

function shownItem(item: IndexItem): unknown[] {
  return [item.title, item.url, item.date.getTime(), item.lang];
}

function opml(context: DocumentContext): Document[] {
  const { listings } = feedLinks(context);
  return [
    {
      paths: [OPML_PATH],
      fingerprint: fingerprint(context, ['opml', listings.map(({ kind, name, feed }) => [kind, name, feed.dir, feed.updated?.getTime()])]),
      needs: [],
      make: () => [opmlDocument(listings.map(({ kind, feed }) => ({ kind, spec: feed })), context.site)],
    },
  ];
}

/** feed.xsl, which RSS and Atom name for browsers: its words depend only on the settings (in the salt). */
function stylesheet(context: DocumentContext): Document[] {
  return [{ paths: [STYLESHEET_PATH], fingerprint: fingerprint(context, ['stylesheet']), needs: [], make: () => [stylesheetDocument(context.site)] }];
}

/**
 * sitemap.xml, or its index and parts. Its files are made to learn their names (a split
 * depends on the URLs' bytes); about 1 ms per 1,000 pages, against a no-change build's stat.
 */
function sitemaps(context: DocumentContext): Document[] {
  const [home] = context.feeds;
  // Every listing page, older pages included, and the pages of all tags and all authors.
  const cuts = listedOf(context);
  const listed = context.feeds.flatMap((feed, k) => {
    const cut = (cuts[k] as ReturnType<typeof listedOf>[number]).pages;
    return [{ dir: feed.dir, members: cut.current }, ...cut.older.map((members, n) => ({ dir: listingPagePath(feed.dir, n + 1), members }))];
  });
  const { listings } = feedLinks(context);
  const groupPages = groupIndexes(listings, context.site).map(({ kind }) => ({ dir: GROUP_DIRS[kind], members: context.feeds.flatMap((feed, k) => (feed.kind === kind ? (cuts[k]?.members ?? []) : [])) }));
  // A retraction notice asks not to be indexed: only live articles are listed.
  const pages = sitemapPages((home?.members ?? []).filter(unretracted), [...listed, ...groupPages], context.site);
  const files = sitemapDocuments(pages, context.site);
  return [{ paths: files.map((file) => file.path), fingerprint: fingerprint(context, ['sitemap', pages.map((page) => [page.url, page.lastmod?.getTime()])]), needs: [], make: () => files }];
}

/** news-sitemap.xml: `now` reaches it only through which articles fall in its two-day window. */
function newsMap(context: DocumentContext): Document[] {
  const published = (context.feeds[0]?.members ?? []).filter(unretracted);
  const inWindow = newsArticles(published, context.now);
  return [{ paths: [NEWS_SITEMAP_PATH], fingerprint: fingerprint(context, ['news-sitemap', inWindow.map(context.inputs)]), needs: [], make: () => [newsSitemap(published, context.site, context.now)] }];
}

function robots(context: DocumentContext): Document[] {
  const files = robotsTxt(context.site, [SITEMAP_PATH, NEWS_SITEMAP_PATH]);
  return files.length === 0 ? [] : [{ paths: [ROBOTS_PATH], fingerprint: fingerprint(context, ['robots']), needs: [], make: () => files }];
}

/** Redirects at the 0.2.0 addresses of moved article pages and moved group index pages. */
function redirects(context: DocumentContext, pages: readonly string[]): Document[] {
  const { site } = context;
  const busy = taken(context, pages);
  const [home] = context.feeds;
  const articles = movedPages(home?.members ?? [], busy).map(([old, article]): Document => ({
    paths: [old],
    fingerprint: fingerprint(context, ['moved', context.inputs(article)]),
    needs: [],
    make: () => [{ path: old, contents: redirectPage(old, new URL(article.page, site.url).href, article.title, article.lang, site) }],
  }));
  const moved = movedGroupsOf(context);
  const { listings } = feedLinks(context);
  const groups = context.feeds.flatMap((feed, k): Document[] => {
    const old = moved.get(feed.dir);
    if (old === undefined || busy.has(old + INDEX_PATH)) return [];
    const { title, homeUrl } = (listings[k] as Listing).feed;
    return [{ paths: [old + INDEX_PATH], fingerprint: fingerprint(context, ['moved-group', title, homeUrl]), needs: [], make: () => [{ path: old + INDEX_PATH, contents: redirectPage(old + INDEX_PATH, homeUrl, title, site.language, site) }] }];
  });
  return [...articles, ...groups];
}

/** RFC 5005 archive pages: once full, a page changes only when one of its articles does. */
function archives(context: DocumentContext): Document[] {
  return context.feeds.flatMap((feed) =>
    feed.archives.map((members, k): Document => {
      const dir = archiveDir(feed.dir, k + 1);
      return {
        paths: feedFiles(dir),
        fingerprint: fingerprint(context, ['archive', feed.kind, feed.name, k + 1, k + 1 < feed.archives.length, members.map(context.inputs)]),
        needs: members,
        make: (entry) => feedDocuments(archiveSpec(feed, k + 1, context.site, entry, context.now)),
      };
    }),
  );
}

/** An article's page: it links to the pages of those of its groups that exist. */
export function articleDocument(context: DocumentContext, meta: ArticleMeta, path: string, links: { home: FeedLinks; linked: GroupFeeds }): Document {
  const groups = [...meta.tags.map((tag) => groupDir('tag', tag)), ...meta.authors.map((person) => groupDir('author', person.name))].filter((dir) => links.linked.has(dir));
  return {
    paths: [path],
    fingerprint: fingerprint(context, ['page', context.inputs(meta), groups]),
    needs: [meta],
    make: (entry) => [pageFor(entry(meta), context.site, links.home, links.linked)],
  };
}

/**
 * What listings show of an article, made once per build: an article sits in the site's
 * listing and those of its tags and authors, and the listing pages' fingerprints read every
 * item of every listing (0.4 s of a one-edit build at 10,000 articles in groups, unshared).
 */
function indexOfMeta(context: Pick<DocumentContext, 'site'>): (meta: ArticleMeta) => IndexItem {
  let known = itemsOf.get(context);
  if (!known) itemsOf.set(context, (known = new Map()));
  const items = known;
  return (meta) => {
    let item = items.get(meta.source);
    if (item === undefined) items.set(meta.source, (item = indexItem({ title: meta.title, url: pageUrl(meta, context.site), date: meta.date, lang: meta.lang })));
    return item;
  };
}

const itemsOf = new WeakMap<object, Map<string, IndexItem>>();

function unrendered(meta: ArticleMeta): Entry {
  return meta as Entry;
}
