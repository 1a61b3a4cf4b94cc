// Between select and emit: what readers still hold that this build no longer publishes.
// Compares the published articles with syndic.published.json and decides the tombstones of
// deleted and retracted articles, the notice pages that outlive a retracted article's file,
// and the memory the next build starts from. Pure: the clock arrives as `now`.
import { SyndicError } from '../errors.js';
import type { ArticleMeta, GroupSettings, Site, Tombstone } from '../model.js';
import type { PublishedMemory, Remembered, RememberedDeletion, RememberedRetraction } from './published-memory.js';
import { plans, type FeedPlan } from '../select.js';
import { pageUrl } from '../addresses/urls.js';

/** More deletions than this in one build stop it unless confirmed: a wrong folder, not an editor. */
export const MAX_DELETIONS = 3;

export interface RetractionInput {
  /** The build's present: which entries are still in a reader's window. */
  now: Date;
  /** Every article file this build found, readable or not (Article.source form). */
  present: ReadonlySet<string>;
  /** The articles folder, relative to the project root. */
  articles: string;
  /** `--confirm-deletions`: tombstone any number of deleted articles. */
  confirmDeletions?: boolean;
}

export interface RetractionPlan {
  /** Tombstones of articles no longer published, by the folder of the subscription feed that shows them. */
  gone: Map<string, Tombstone[]>;
  /** Retractions whose article is no longer published: their pages stay, as notices. */
  notices: RememberedRetraction[];
  /** What the next build remembers (written only by a real build). */
  memory: PublishedMemory;
  /** Ids this build found deleted for the first time. */
  deletions: string[];
  /** Why remembered entries were not taken as deleted (another articles folder, none found). */
  warnings: SyndicError[];
}

type Published = Pick<ArticleMeta, 'id' | 'source' | 'date' | 'updated' | 'draft' | 'tags' | 'authors' | 'page' | 'moved' | 'title' | 'lang' | 'retracted'>;

/** `published` newest first, as select() gives it. */
export function retractionPlan(published: readonly Published[], memory: PublishedMemory, site: Site, input: RetractionInput): RetractionPlan {
  const feeds = new Map(plans(published, site).map((feed) => [feed.dir, feed]));
  const limitOf = (feed: FeedPlan<Published>): number => (feed.kind === 'site' ? site.feedLimit : (site.groups[feed.kind] as GroupSettings).feedLimit);
  // A reader's window: the newest feedLimit members of each feed.
  const windows = new Map<string, string[]>();
  for (const feed of feeds.values()) for (const member of feed.members.slice(0, limitOf(feed))) windows.set(member.source, [...(windows.get(member.source) ?? []), feed.dir]);
  const stillHeld = (date: string, dirs: readonly string[]): string[] =>
    dirs.filter((dir) => {
      const feed = feeds.get(dir);
      return feed !== undefined && newerThan(feed.members, new Date(date)) < limitOf(feed);
    });

  const ids = new Set(published.map((item) => item.id));
  const pages = new Set(published.flatMap((item) => [item.page, ...(item.moved === undefined ? [] : [item.moved])]));
  const warnings: SyndicError[] = [];
  const otherFolder = memory.articles !== undefined && memory.articles !== input.articles;
  if (otherFolder) warnings.push(notice(`was made from the articles folder ${memory.articles}, not ${input.articles}: no article is taken as deleted`, 'build with --articles as before, or, if the articles moved for good, build once with --confirm-deletions'));
  else if (input.present.size === 0 && memory.entries.length > 0) warnings.push(notice('remembers published articles, but no article file was found: none is taken as deleted', 'check --articles and the articles folder'));
  const skipAll = otherFolder || input.present.size === 0;

  const entries = new Map<string, Remembered>();
  const deleted = new Map<string, RememberedDeletion>();
  const retracted = new Map<string, RememberedRetraction>();
  const deletions: string[] = [];
  // No input says when a file was deleted, and the clock must not stamp an output: a deletion
  // is dated by the newest change of the site that noticed it (never before the entry itself).
  const siteTime = Math.max(0, ...published.map((item) => item.updated.getTime()));
  for (const item of published) {
    const dirs = windows.get(item.source) ?? [];
    const date = item.date.toISOString();
    if (item.retracted) retracted.set(item.id, { id: item.id, source: item.source, page: item.page, url: pageUrl(item, site), title: item.title, lang: item.lang, date, when: item.retracted.when, reason: item.retracted.reason, feeds: dirs });
    else if (dirs.length > 0) entries.set(item.id, { id: item.id, source: item.source, date, feeds: dirs });
  }
  for (const before of memory.retracted) {
    // Published again without `retracted` (or still retracted, already above): the article wins.
    if (ids.has(before.id) || retracted.has(before.id)) continue;
    retracted.set(before.id, { ...before, feeds: stillHeld(before.date, before.feeds) });
  }
  for (const before of memory.entries) {
    if (ids.has(before.id) || retracted.has(before.id) || entries.has(before.id)) continue;
    // Left out, not deleted: its file is there (--keep-going, a draft again, an id that --base-url
    // changed), or the folder is another. Never guessed: a file that is there deletes nothing.
    if (skipAll || input.present.has(before.source)) {
      entries.set(before.id, before);
      continue;
    }
    // Only what a reader may still hold counts, and is buried.
    if (stillHeld(before.date, before.feeds).length === 0) continue;
    deletions.push(before.id);
    deleted.set(before.id, { id: before.id, date: before.date, when: new Date(Math.max(siteTime, Date.parse(before.date))).toISOString(), feeds: before.feeds });
  }
  for (const before of memory.deleted) {
    if (ids.has(before.id) || deleted.has(before.id) || retracted.has(before.id) || entries.has(before.id)) continue;
    deleted.set(before.id, before);
  }
  if (deletions.length > MAX_DELETIONS && input.confirmDeletions !== true) {
    const shown = deletions.slice(0, 5).join(', ');
    throw new SyndicError('MASS_DELETION', `this build would tombstone ${deletions.length} published articles at once, whose files are gone: ${shown}${deletions.length > 5 ? ', …' : ''}`, {
      hint: 'if they were deleted on purpose, build again with --confirm-deletions; if not, check --articles and restore the files (nothing was written)',
    });
  }

  const gone = new Map<string, Tombstone[]>();
  const bury = (dirs: readonly string[], tombstone: Tombstone): void => {
    for (const dir of dirs) gone.set(dir, [...(gone.get(dir) ?? []), tombstone]);
  };
  const keptDeleted: RememberedDeletion[] = [];
  for (const item of deleted.values()) {
    const dirs = stillHeld(item.date, item.feeds);
    if (dirs.length === 0) continue;
    keptDeleted.push({ ...item, feeds: dirs });
    bury(dirs, { ref: item.id, when: item.when });
  }
  const notices: RememberedRetraction[] = [];
  for (const item of retracted.values()) {
    if (ids.has(item.id)) continue;
    // A published article or its redirect took the address: the notice gives way.
    if (!pages.has(item.page)) notices.push(item);
    bury(item.feeds, { ref: item.id, when: item.when, comment: item.reason });
  }
  return {
    gone,
    notices,
    memory: { articles: input.articles, entries: [...entries.values()], deleted: keptDeleted, retracted: [...retracted.values()] },
    deletions,
    warnings,
  };
}

/** How many members (newest first) are newer than `date`: the entries that pushed it down. */
function newerThan(members: readonly Pick<ArticleMeta, 'date'>[], date: Date): number {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((members[middle] as Pick<ArticleMeta, 'date'>).date > date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function notice(message: string, hint: string): SyndicError {
  return new SyndicError('INVALID_PUBLISHED', message, { file: 'syndic.published.json', hint });
}

/** Every article file a load found, readable or not (an unreadable one is still there): never a deletion. */
export function presentIn(sources: { articles: ReadonlyArray<{ path: string }>; problems: ReadonlyArray<{ file?: string | undefined }> }): Set<string> {
  return new Set([...sources.articles.map((file) => file.path), ...sources.problems.flatMap((problem) => (problem.file === undefined ? [] : [problem.file]))]);
}
