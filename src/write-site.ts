// Stages 5 and 6 of an incremental build: emit what the cache cannot vouch for and write it.
// The feeds, their listing pages and the OPML list are always emitted (they are cheap and
// their bytes decide whether anything changed); article pages, archive pages and media
// copies only when something in them changed or their file is missing.
import path from 'node:path';
import pMap from 'p-map';
import type { BuildOptions } from './api.js';
import type { ChangedSources, Media } from './incremental/state.js';
import { hashText } from './hash.js';
import { failWith } from './errors.js';
import { emit, feedDocuments, groupFeeds, listingsOf } from './emit/index.js';
import { readSource } from './load.js';
import { indexItem } from './emit/pages.js';
import { pageFor, retractionPage } from './emit/retraction-page.js';
import { withGone } from './emit/tombstones.js';
import type { RetractionPlan } from './retractions.js';
import type { Article, ArticleMeta, Entry, FeedSpec, Rendering, Site } from './model.js';
import { mediaCopies } from './media.js';
import { movedOutputs } from './emit/moved.js';
import { overriddenBy, staticFiles } from './static.js';
import type { SyndicError } from './errors.js';
import { archiveDir, archiveSpec, plans } from './select.js';
import { FEED_PATHS, groupDir, pagePath, pageUrl } from './urls.js';
import { openWriter, type WriteResult } from './write.js';

/**
 * emit and write: the feeds, their listing pages and the OPML list always; article pages
 * and archive pages only where something in them changed or the file is missing. Pages go
 * out in batches and are dropped once staged.
 */
export async function writeSite(
  root: string,
  outDir: string,
  state: ChangedSources,
  published: ArticleMeta[],
  now: Date,
  onProgress: BuildOptions['onProgress'],
  media: Media,
  // Hook (retractions): tombstones of unpublished articles and the notices that outlive them.
  retraction: Pick<RetractionPlan, 'gone' | 'notices'> = { gone: new Map(), notices: [] },
): Promise<WriteResult & { renderings: Map<string, Rendering>; archives: Map<string, string>; feedUrls: Map<string, string>; groups: Set<string>; notices: SyndicError[] }> {
  const { cache, site, files, fresh } = state;
  const assetKeys = media.keys;
  const withAssets = (entry: Entry): Entry => {
    const assets = media.assets.get(entry.source);
    return assets === undefined ? entry : { ...entry, assets };
  };
  const renderer = lazily(() => import('./render.js'));
  const opened = await openWriter(outDir, { previous: cache.outputs });
  const statics = await staticFiles(root);
  const overridden = overriddenBy(statics);
  // static/ files win: what they replace is never staged.
  const writer = { ...opened, add: (outputs: Parameters<typeof opened.add>[0]) => opened.add(overridden.filter(outputs)) };
  // A failure anywhere below (a render, a full disk) removes the staged tree: dist/ stays as it was.
  try {
    const { existing } = writer;
    const onDisk = (relative: string): boolean => existing.has(relative) && cache.outputs.has(relative);
    const assetsChanged = (meta: ArticleMeta): boolean => files.get(meta.source)?.assets !== assetKeys.get(meta.source);
    const feeds = plans(published, site);
    // A page links to its tags' and authors' pages only where they exist (minArticles), so a group
    // that appeared or went since the last build changes the pages of its members.
    const groups = new Set(feeds.filter((feed) => feed.kind !== 'site').map((feed) => feed.dir));
    const movedGroups = new Set([...groups, ...cache.groups].filter((dir) => groups.has(dir) !== cache.groups.has(dir)));
    const groupsMoved = (meta: ArticleMeta): boolean =>
      movedGroups.size > 0 && [...meta.tags.map((tag) => groupDir('tag', tag)), ...meta.authors.map((person) => groupDir('author', person.name))].some((dir) => movedGroups.has(dir));
    const needsPage = (meta: ArticleMeta): boolean => fresh.has(meta.source) || !onDisk(pagePath(meta)) || assetsChanged(meta) || groupsMoved(meta);
    const entryOf = async (meta: ArticleMeta): Promise<Entry> => {
      // A body links its files and articles by URLs that can change while it does not (a moved article).
      const rendering = fresh.has(meta.source) || assetsChanged(meta) ? undefined : files.get(meta.source)?.rendering;
      if (rendering) return withAssets({ ...meta, url: pageUrl(meta, site), ...rendering });
      return withAssets((await renderer()).render(fresh.get(meta.source) ?? (await reread(root, meta, site)), site, media.assets.get(meta.source)?.links));
    };
    const renderAll = async (metas: readonly ArticleMeta[]): Promise<Map<string, Entry>> =>
      new Map((await pMap(metas, entryOf, { concurrency: 32 })).map((entry) => [entry.source, entry]));
    const carried = [...new Set(feeds.flatMap((feed) => feed.carried))];
    const entries = await renderAll(carried);
    const listings = withGone(listingsOf(feeds, site, (meta) => entries.get(meta.source) as Entry, (meta) => indexItem({ ...meta, url: pageUrl(meta, site) }), now, media.podcast), retraction.gone);
    // Decided before the loops below forget which articles were fresh.
    const due = published.filter(needsPage);
    const dueSet = new Set(due);
    const keep = new Set(published.filter((meta) => !dueSet.has(meta)).map(pagePath));
    const archives = new Map<string, string>();
    const dueArchives: Array<{ feed: (typeof feeds)[number]; number: number }> = [];
    for (const feed of feeds) {
      feed.archives.forEach((members, k) => {
        const dir = archiveDir(feed.dir, k + 1);
        // Links change only when a newer page appears; members change only when an article does.
        const fingerprint = hashText(JSON.stringify([k + 1 < feed.archives.length, members.map((meta) => [meta.source, meta.id, meta.updated.getTime(), assetKeys.get(meta.source)])]));
        archives.set(dir, fingerprint);
        const outputs = Object.values<string>(FEED_PATHS).map((name) => dir + name);
        if (cache.archives.get(dir) === fingerprint && outputs.every(onDisk) && !members.some((meta) => fresh.has(meta.source))) outputs.forEach((output) => keep.add(output));
        else dueArchives.push({ feed, number: k + 1 });
      });
    }
    const listed = emit([], listings, site);
    const moved = movedOutputs(published, listings.filter((listing) => listing.kind !== 'site').map(({ kind, name, feed }) => ({ kind: kind as 'tag' | 'author', name, dir: feed.dir, homeUrl: feed.homeUrl, title: feed.title })), new Map(listed.map((output) => [output.path, output.contents])), site);
    await writer.add([...listed, ...moved, ...mediaCopies(published, site, media.probes), ...retraction.notices.map((notice) => retractionPage(notice, site))]);
    await opened.add(overridden.copies);
    // An article sits on the site's archive and on those of its tags and authors: rendering it
    // once instead of on each page made a cold 3,000-article build with archives 2x faster.
    for (const { feed, number } of dueArchives) {
      const members = feed.archives[number - 1] ?? [];
      const rendered = await renderAll(members.filter((meta) => !entries.has(meta.source)));
      if (entries.size < RENDERINGS_KEPT) for (const [source, entry] of rendered) entries.set(source, entry);
      await writer.add(feedDocuments(archiveSpec(feed, number, site, (meta) => entries.get(meta.source) ?? (rendered.get(meta.source) as Entry), now)));
    }
    const home = listings[0]?.feed as FeedSpec;
    const linked = groupFeeds(listings);
    for (let start = 0; start < due.length; start += PAGE_BATCH) {
      const batch = await pMap(due.slice(start, start + PAGE_BATCH), async (meta) => entries.get(meta.source) ?? (await entryOf(meta)), { concurrency: 32 });
      await writer.add(batch.map((entry) => pageFor(entry, site, home, linked)));
      for (const entry of batch) fresh.delete(entry.source);
      onProgress?.({ phase: 'pages', done: Math.min(start + PAGE_BATCH, due.length), total: due.length });
    }
    const staticPaths = new Set(overridden.copies.map((copy) => copy.path));
    const result = await writer.commit(new Set([...keep].filter((kept) => !staticPaths.has(kept))));
    // Renderings are kept only for what the feeds carry, so the cache does not grow with the archive.
    const renderings = new Map(carried.length <= RENDERINGS_KEPT ? carried.map((meta) => [meta.source, renderingOf(entries.get(meta.source) as Entry)]) : []);
    const feedUrls = new Map(listings.flatMap(({ feed }) => (['rss', 'atom', 'json'] as const).map((format) => [feed.dir + FEED_PATHS[format], feed.urls[format]] as const)));
    return { ...result, renderings, archives, feedUrls, groups, notices: overridden.notices };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** An unchanged article that must be rendered again (it is in a feed): read and parse it. */
async function reread(root: string, meta: ArticleMeta, site: Site): Promise<Article> {
  const { parseArticle } = await import('./parse.js');
  const parsed = parseArticle(await readSource(path.resolve(root, meta.source), meta.source), site);
  if (!parsed.ok) failWith(parsed.problems);
  return parsed.value;
}

// 20,000 renderings make a cache of ~120 MB that loads in well under a second; rendering them
// again takes ten times that. Beyond it (giant feeds) the cache would outgrow its use.
const RENDERINGS_KEPT = 20_000;
const PAGE_BATCH = 500;

/** Loads a module on first use only. */
function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

function renderingOf(entry: Entry): Rendering {
  return { html: entry.html, excerpt: entry.excerpt };
}
