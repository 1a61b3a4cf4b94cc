// Stage 4: decide what is published, which feeds exist and which entries each carries. Pure.
import type { Article, ArchiveLinks, Entry, FeedSpec, GroupAbout, GroupKind, Person, Site } from './model.js';
import { ARCHIVE_DIR, feedUrls, groupDir, STYLESHEET_PATH } from './addresses/urls.js';

/** The fields selection needs; both cached metadata and rendered entries have them. */
export type Schedulable = Pick<Article, 'id' | 'date' | 'updated' | 'draft' | 'tags' | 'authors'>;

export interface Selection<T extends Schedulable> {
  /** Every published article, newest first: each gets a page and a line on the index; plans() divides them into feeds. */
  published: T[];
}

/** Newest first; the id breaks ties so equal dates still give the same order every run. */
function newestFirst(a: Schedulable, b: Schedulable): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What a preview build shows beyond the published site (`--drafts`, `--future`). */
export interface Preview {
  drafts?: boolean;
  future?: boolean;
}

/**
 * Drafts never appear. Articles dated after `now` wait: the first build after their
 * date publishes them, which is what cron relies on. A preview may show either.
 */
export function select<T extends Schedulable>(items: readonly T[], now: Date, preview: Preview = {}): Selection<T> {
  const published = items.filter((item) => (preview.drafts === true || !item.draft) && (preview.future === true || item.date <= now)).sort(newestFirst);
  return { published };
}

/** One feed the site publishes: the site feed, or a tag's or an author's. */
export interface FeedPlan<T> {
  kind: 'site' | GroupKind;
  /** The tag or author name; the site title for the site feed. */
  name: string;
  /** Folder of its files: '' for the site feed, `tags/politique/`… */
  dir: string;
  /** Every published article it concerns, newest first: its page lists them. */
  members: T[];
  /** What its subscription document carries, newest first. */
  carried: T[];
  /** Complete RFC 5005 archive pages, oldest page first, each newest first. */
  archives: T[][];
}

/**
 * The site feed, then one feed per tag and per author (when switched on), each with its
 * archive pages. Groups are keyed by slug; check.ts has already refused two names that
 * share one, so each slug has a single spelling.
 */
export function plans<T extends Schedulable>(published: readonly T[], site: Site): FeedPlan<T>[] {
  const result = [plan('site', site.title, '', published, site.feedLimit, site)];
  for (const kind of ['tag', 'author'] as const) {
    const settings = site.groups[kind];
    if (settings === false) continue;
    const groups = new Map<string, { name: string; members: T[] }>();
    for (const item of published) {
      for (const name of kind === 'tag' ? item.tags : item.authors.map((person: Person) => person.name)) {
        const dir = groupDir(kind, name);
        const group = groups.get(dir) ?? { name, members: [] };
        // An article naming one tag twice is listed once.
        if (group.members.at(-1) !== item) group.members.push(item);
        groups.set(dir, group);
      }
    }
    const dirs = [...groups.keys()].sort();
    for (const dir of dirs) {
      const group = groups.get(dir) as { name: string; members: T[] };
      if (group.members.length >= settings.minArticles) result.push(plan(kind, group.name, dir, group.members, settings.feedLimit, site));
    }
  }
  return result;
}

/**
 * RFC 5005 archives that never change once written: page k holds the k-th oldest `limit`
 * articles. A page is only cut once `limit` newer articles remain for the subscription
 * feed, so that feed never carries fewer than `limit` entries (at most 2 × limit − 1), and
 * no article appears in two documents.
 */
function plan<T extends Schedulable>(kind: FeedPlan<T>['kind'], name: string, dir: string, members: readonly T[], limit: number, site: Site): FeedPlan<T> {
  if (!site.archive) return { kind, name, dir, members: [...members], carried: members.slice(0, limit), archives: [] };
  const { current, older } = paginate(members, limit);
  return { kind, name, dir, members: [...members], carried: current, archives: older };
}

/** A list cut into pages that never change once full: the first page, and the older ones. */
export interface Pages<T> {
  /** The newest page: all of the list below 2 × size, else size to 2 × size − 1 items, newest first. */
  current: T[];
  /** Full pages of `size` items, oldest page first (page 1), each newest first. */
  older: T[][];
}

/**
 * Cuts a newest-first list as the RFC 5005 archives are cut: page k holds the k-th oldest
 * `size` items, and a page is cut only once `size` newer items remain for the first page.
 * A new item therefore only ever changes the first page (or cuts a new full one).
 */
export function paginate<T>(members: readonly T[], size: number): Pages<T> {
  // Until a first page can be cut, the first page is the only one: it holds all.
  if (members.length < 2 * size) return { current: [...members], older: [] };
  const count = Math.floor(members.length / size) - 1;
  const oldestFirst = [...members].reverse();
  const older = Array.from({ length: count }, (_, k) => oldestFirst.slice(k * size, (k + 1) * size).reverse());
  return { current: members.slice(0, members.length - count * size), older };
}

/** Older listing page `number` (1 = oldest) of the page in folder `dir`: `tags/climat/page/3.html`. */
export function listingPagePath(dir: string, number: number): string {
  return `${dir}${LISTING_PAGE_DIR}${number}.html`;
}

/** Older listing pages, inside the listing's folder. Article pages live under articles/, so none is ever here. */
export const LISTING_PAGE_DIR = 'page/';

/** The folder of archive page `number` (1 = oldest) of the feed in `dir`. */
export function archiveDir(dir: string, number: number): string {
  return `${dir}${ARCHIVE_DIR}${number}/`;
}

/** The subscription document of a feed; `entryOf` supplies each carried article's rendered entry. */
export function subscriptionSpec<T extends Schedulable>(feed: FeedPlan<T>, site: Site, entryOf: (item: T) => Entry, now: Date): FeedSpec {
  const count = feed.archives.length;
  const links: ArchiveLinks | undefined = count === 0 ? undefined : { isArchive: false, prev: feedUrls(archiveDir(feed.dir, count), site) };
  return spec(feed, site, feed.carried.map(entryOf), feedUrls(feed.dir, site), now, links);
}

/** Archive page `number` (1 = oldest) of a feed, with its RFC 5005 links. */
export function archiveSpec<T extends Schedulable>(feed: FeedPlan<T>, number: number, site: Site, entryOf: (item: T) => Entry, now: Date): FeedSpec {
  const members = feed.archives[number - 1];
  if (!members) throw new Error(`select: ${feed.dir} has no archive page ${number}`);
  const links: ArchiveLinks = {
    isArchive: true,
    current: feedUrls(feed.dir, site),
    ...(number > 1 ? { prev: feedUrls(archiveDir(feed.dir, number - 1), site) } : {}),
    ...(number < feed.archives.length ? { next: feedUrls(archiveDir(feed.dir, number + 1), site) } : {}),
  };
  return { ...spec(feed, site, members.map(entryOf), feedUrls(archiveDir(feed.dir, number), site), now, links), dir: archiveDir(feed.dir, number) };
}

/** The newest `updated` of the entries, or nothing for none. */
function newest(entries: readonly Entry[]): { updated?: Date } {
  const [first, ...rest] = entries;
  return first === undefined ? {} : { updated: rest.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), first.updated) };
}

// Each kind's `about` list by folder, made once per list: a lookup per feed stays cheap with 10,000 groups.
const aboutByDir = new WeakMap<readonly GroupAbout[], ReadonlyMap<string, GroupAbout>>();

/** What syndic.yaml says about this feed's group, if anything. */
export function groupAbout(kind: FeedPlan<unknown>['kind'], dir: string, site: Site): GroupAbout | undefined {
  if (kind === 'site') return undefined;
  const settings = site.groups[kind];
  const list = settings === false ? undefined : settings.about;
  if (list === undefined) return undefined;
  let byDir = aboutByDir.get(list);
  if (byDir === undefined) {
    byDir = new Map(list.map((about) => [groupDir(kind, about.name), about]));
    aboutByDir.set(list, byDir);
  }
  return byDir.get(dir);
}

/** The feed's own title, description, pictures, feedContent and stylesheet: the group's `about` entry, then its kind's, then the site's. */
function presentation<T>(feed: FeedPlan<T>, site: Site): Pick<FeedSpec, 'title' | 'description' | 'image' | 'icon' | 'webfeeds' | 'feedContent' | 'stylesheet'> {
  const about = groupAbout(feed.kind, feed.dir, site);
  const kindSettings = feed.kind === 'site' ? undefined : site.groups[feed.kind];
  const feedContent = about?.feedContent ?? (kindSettings ? kindSettings.feedContent : undefined) ?? site.feedContent ?? 'full';
  const image = about?.image ?? site.logo;
  const icon = site.icon ?? site.logo;
  return {
    title: feed.kind === 'site' ? site.title : (about?.title ?? `${feed.name} · ${site.title}`),
    description: feed.kind === 'site' ? site.description : (about?.description ?? `${feed.name} · ${site.description}`),
    ...(image === undefined ? {} : { image }),
    ...(icon === undefined ? {} : { icon }),
    ...(site.webfeeds === undefined ? {} : { webfeeds: site.webfeeds }),
    ...(feedContent === 'summary' ? { feedContent } : {}),
    stylesheet: new URL(STYLESHEET_PATH, site.url).href,
  };
}

function spec<T extends Schedulable>(feed: FeedPlan<T>, site: Site, entries: Entry[], urls: FeedSpec['urls'], now: Date, archive: ArchiveLinks | undefined): FeedSpec {
  return {
    dir: feed.dir,
    ...presentation(feed, site),
    homeUrl: new URL(feed.dir, site.url).href,
    language: site.language,
    authors: site.authors,
    ...(site.copyright === undefined ? {} : { copyright: site.copyright }),
    // With nothing published there is no date: never the clock, nor a draft's or future article's.
    ...newest(entries),
    urls,
    entries,
    hubs: site.hubs,
    ...(archive === undefined ? {} : { archive }),
  };
}
