// The whole pipeline in one place: load → parse → render → select → emit → write,
// with the build cache deciding what each stage must redo.
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import lockfile from 'proper-lockfile';
import { cacheKey, emptyCache, hashText, readCache, writeCache, type BuildCache, type CachedFile } from './cache.js';
import { settle } from './check.js';
import { failWith, fromData, SyndicError } from './errors.js';
import { emit, feedDocuments } from './emit/index.js';
import { articlePage, indexItem } from './emit/pages.js';
import { load, type LoadPaths } from './load.js';
import { localLocations, mediaCopies, podcastChannel, resolveMedia, type ResolvedMedia } from './media.js';
import type { Article, ArticleMeta, Entry, FeedSpec, FileCopy, FileStamp, KnownFile, Output, PodcastChannel, Rendering, Site, SourceFile } from './model.js';
import { probeMedia, type MediaProbes } from './probe.js';
import { archiveDir, archiveSpec, plans, select, subscriptionSpec } from './select.js';
import type { Prepared } from './prepare.js';
import { FEED_PATHS, pagePath, pageUrl } from './urls.js';
import { version } from './version.js';
import { openWriter, type WriteResult } from './write.js';

export interface BuildOptions {
  /** Project folder. Default: the current directory. */
  root?: string;
  /** Default: `<root>/articles`. */
  articlesDir?: string;
  /** Default: `<root>/dist`. */
  outDir?: string;
  /** Default: `<root>/syndic.yaml`. */
  settingsFile?: string;
  /** Overrides `url` from the settings. */
  baseUrl?: string;
  /** Overrides `timezone` from the settings. */
  timezone?: string;
  /** "The present" for scheduled articles. Default: the real clock, read once here. */
  now?: Date;
  /** Build the good articles and return the bad ones as `warnings` instead of failing. */
  keepGoing?: boolean;
  /** How long to wait for another build of the same output folder. Default 60 000 ms. */
  lockTimeoutMs?: number;
  /** Use and update the build cache in `<root>/.syndic-cache`. Default true. */
  cache?: boolean;
  /** Worker processes for builds of 1,000 or more changed articles. Default 1 (none). */
  jobs?: number;
  /** Above this many changed articles, Markdown is re-read at page time to bound memory. Default 5,000. */
  keepMarkdownMax?: number;
  /** Called as articles are parsed and pages written, so a CLI can draw progress; build() itself never prints. */
  onProgress?: (event: BuildProgress) => void;
}

/** How far a build is: `done` of `total` changed articles parsed, or pages written. */
export interface BuildProgress {
  phase: 'parse' | 'pages';
  done: number;
  total: number;
}

export interface BuildResult {
  /** Output paths added, modified or removed by this run; empty when nothing changed. */
  changed: string[];
  /** Output files Syndic owns that this run left as they were. */
  unchanged: number;
  /** Articles read, and of those, published (not drafts, not scheduled for later). */
  articles: number;
  published: number;
  /** With `keepGoing`, the problems of the articles that were left out. */
  warnings: SyndicError[];
  /** Public URLs of the subscription feeds whose bytes changed: what `--ping` announces. */
  changedFeeds: string[];
  /** The WebSub hubs of the settings. */
  hubs: string[];
}

/** What the pure core computes: every file of the site, as data. */
export type Generated = Omit<BuildResult, 'changed' | 'unchanged' | 'changedFeeds' | 'hubs'> & { outputs: Output[]; copies: FileCopy[] };
/**
 * Builds the site on disk. Nothing in `outDir` changes unless the whole build succeeds.
 * Builds of one output folder take turns: a second one waits for the first (cron overlap);
 * a lock left by a killed build goes stale after 30 s.
 *
 * With the cache, articles whose size, mtime and inode are unchanged are not read, and
 * only changed pages are rendered; the feeds and the index are always emitted, so the
 * output is the same bytes a full build gives (tests/build.cache.test.ts holds it to that).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? '.');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const paths = {
    root,
    articlesDir: path.resolve(root, options.articlesDir ?? 'articles'),
    settingsFile: path.resolve(root, options.settingsFile ?? 'syndic.yaml'),
  };
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    throw new SyndicError('UNREADABLE', 'is not a folder', { file: root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' });
  }
  await mkdir(path.dirname(outDir), { recursive: true });
  const release = await acquire(outDir, options.lockTimeoutMs ?? 60_000);
  try {
    const now = options.now ?? new Date();
    const cacheFile = path.join(root, '.syndic-cache', 'build.json');
    const key = cacheKey(version(), JSON.stringify(paths), { outDir, baseUrl: options.baseUrl, timezone: options.timezone });
    const cache = options.cache === false ? emptyCache(key) : await readCache(cacheFile, key);
    // Not bound to a name here: the article texts are freed once parsed (a third of the memory at 100,000).
    const state = await parseChanged(await loadSources(paths, cache, options, now), options);
    const media = await mediaOf(root, state);
    const checked = settle(state.metas.filter((meta) => !media.rejected.has(meta.source)), [...state.problems, ...media.problems], options.keepGoing, state.site.groups);
    const { published } = select(checked.articles, state.site, now);
    const { changed, hashes, renderings, archives, feedUrls, assetKeys } = await writeSite(root, outDir, state, published, now, options.onProgress, media);
    if (options.cache !== false && (state.dirty || changed.length > 0 || media.dirty)) {
      await writeCache(cacheFile, { key, settings: state.settingsHash, site: state.site, files: withRenderings(state.files, renderings, assetKeys), outputs: hashes, archives });
    }
    const changedFeeds = changed.flatMap((file) => feedUrls.get(file) ?? []);
    const unchanged = hashes.size - changed.filter((file) => hashes.has(file)).length;
    return { changed, unchanged, articles: state.count, published: published.length, warnings: checked.problems, changedFeeds, hubs: state.site.hubs };
  } finally {
    await release();
  }
}

interface Sources {
  cache: BuildCache;
  site: Site;
  settingsHash: string;
  articles: Array<SourceFile | KnownFile>;
  problems: SyndicError[];
}

/** load: settings and articles, skipping files the cache vouches for unless the settings changed. */
async function loadSources(paths: LoadPaths, cache: BuildCache, options: BuildOptions, now: Date): Promise<Sources> {
  let loaded = await load(paths, stampsOf(cache));
  if (!loaded.settings) failWith(loaded.problems);
  const settingsFile = loaded.settings;
  const settingsHash = hashText(settingsFile.text);
  if (cache.settings === settingsHash && cache.site) return { cache, site: cache.site, settingsHash, articles: loaded.articles, problems: loaded.problems };
  // New settings can change every page: start from an empty cache and read everything.
  if (loaded.articles.some((file) => !('text' in file))) loaded = await load(paths);
  const { checkSettings, generate } = await import('./generate.js');
  const settings = checkSettings(settingsFile, options);
  if (!settings.ok) {
    // generate() throws with the settings problems and those of every article.
    generate(settingsFile, loaded.articles.filter((file): file is SourceFile => 'text' in file), options, now, loaded.problems);
    throw new Error('build: invalid settings did not stop the build');
  }
  return { cache: emptyCache(cache.key), site: settings.value, settingsHash, articles: loaded.articles, problems: loaded.problems };
}

interface Parsed {
  cache: BuildCache;
  site: Site;
  settingsHash: string;
  /** What the next cache will hold for each valid article file. */
  files: Map<string, CachedFile>;
  /**
   * Articles parsed in this run, with their Markdown until their page is written; past
   * KEEP_MARKDOWN_MAX changed files only the fact that they changed (they are re-read then).
   */
  fresh: Map<string, Article | undefined>;
  /** Every valid article, in file-name order. */
  metas: ArticleMeta[];
  problems: SyndicError[];
  /** True when the cache must be rewritten even if no output changed. */
  dirty: boolean;
  count: number;
}

/** parse: only what changed; everything else comes from the cache. */
async function parseChanged({ cache, site, settingsHash, articles, problems: loadProblems }: Sources, options: BuildOptions): Promise<Parsed> {
  const files = new Map<string, CachedFile>();
  const changedFiles: SourceFile[] = [];
  const hashes = new Map<string, string>();
  for (const file of articles) {
    const cached = cache.files.get(file.path);
    const hash = 'text' in file ? hashText(file.text) : cached?.hash;
    if (hash) hashes.set(file.path, hash);
    if (cached && hash === cached.hash) files.set(file.path, { ...cached, stamp: file.stamp ?? cached.stamp });
    else if ('text' in file) changedFiles.push(file);
    else throw new Error(`build: ${file.path} was not read but is not in the cache`);
  }
  const prepared = new Map((await prepareAll(changedFiles, site, options.jobs ?? 1, options.onProgress)).map((result) => [result.path, result]));
  const fresh = new Map<string, Article | undefined>();
  const keepMarkdown = changedFiles.length <= (options.keepMarkdownMax ?? KEEP_MARKDOWN_MAX);
  const metas: ArticleMeta[] = [];
  const problems = [...loadProblems];
  for (const file of articles) {
    const result = prepared.get(file.path);
    const hash = hashes.get(file.path);
    if (!result) {
      metas.push((files.get(file.path) as CachedFile).article);
    } else if (!result.ok) {
      problems.push(...result.problems.map(fromData));
    } else {
      const { markdown: _markdown, ...meta } = result.article;
      fresh.set(file.path, keepMarkdown ? result.article : undefined);
      metas.push(meta);
      if (file.stamp && hash) files.set(file.path, { stamp: file.stamp, hash, article: meta });
    }
  }
  const dirty = cache.files.size !== articles.length || articles.some((file) => 'text' in file);
  return { cache, site, settingsHash, files, fresh, metas, problems, dirty, count: articles.length };
}

type Media = ResolvedMedia & { probes: MediaProbes; podcast: PodcastChannel | undefined; dirty: boolean };

/**
 * The media step: local files are looked at on every build (a stat, and an image's header),
 * so a replaced image or episode is noticed even when its article did not change.
 */
async function mediaOf(root: string, state: Parsed): Promise<Media> {
  const probes = await probeMedia(root, localLocations(state.metas, state.site));
  const resolved = resolveMedia(state.metas, state.site, probes);
  const podcast = podcastChannel(state.site, probes);
  // The podcast's cover is a setting: its problems stop the build even with --keep-going.
  if (Array.isArray(podcast)) failWith([...state.problems, ...resolved.problems, ...podcast]);
  const dirty = state.metas.some((meta) => state.files.get(meta.source)?.assets !== assetKey(resolved, meta));
  return { ...resolved, probes, podcast, dirty };
}

/** What a page shows of its media, so the cache can tell when the page must be rendered again. */
function assetKey(media: ResolvedMedia, meta: ArticleMeta): string | undefined {
  const assets = media.assets.get(meta.source);
  return assets === undefined ? undefined : hashText(JSON.stringify(assets));
}

/**
 * emit and write: the feeds, their listing pages and the OPML list always; article pages
 * and archive pages only where something in them changed or the file is missing. Pages go
 * out in batches and are dropped once staged.
 */
async function writeSite(
  root: string,
  outDir: string,
  state: Parsed,
  published: ArticleMeta[],
  now: Date,
  onProgress: BuildOptions['onProgress'],
  media: Media,
): Promise<WriteResult & { renderings: Map<string, Rendering>; archives: Map<string, string>; feedUrls: Map<string, string>; assetKeys: Map<string, string | undefined> }> {
  const { cache, site, files, fresh } = state;
  const assetKeys = new Map(state.metas.map((meta) => [meta.source, assetKey(media, meta)]));
  const withAssets = (entry: Entry): Entry => {
    const assets = media.assets.get(entry.source);
    return assets === undefined ? entry : { ...entry, assets };
  };
  const renderer = lazily(() => import('./render.js'));
  const writer = await openWriter(outDir, { previous: cache.outputs });
  const { existing } = writer;
  const onDisk = (relative: string): boolean => existing.has(relative) && cache.outputs.has(relative);
  const assetsChanged = (meta: ArticleMeta): boolean => files.get(meta.source)?.assets !== assetKeys.get(meta.source);
  const needsPage = (meta: ArticleMeta): boolean => fresh.has(meta.source) || !onDisk(pagePath(meta)) || assetsChanged(meta);
  const entryOf = async (meta: ArticleMeta): Promise<Entry> => {
    const rendering = fresh.has(meta.source) ? undefined : files.get(meta.source)?.rendering;
    if (rendering) return withAssets({ ...meta, url: pageUrl(meta, site), ...rendering });
    return withAssets((await renderer()).render(fresh.get(meta.source) ?? (await reread(root, meta, site)), site));
  };
  const renderAll = async (metas: readonly ArticleMeta[]): Promise<Map<string, Entry>> =>
    new Map((await pMap(metas, entryOf, { concurrency: 32 })).map((entry) => [entry.source, entry]));
  const feeds = plans(published, site);
  const entries = await renderAll([...new Set(feeds.flatMap((feed) => feed.carried))]);
  const listings = feeds.map((feed) => ({
    kind: feed.kind,
    feed: { ...subscriptionSpec(feed, site, (meta) => entries.get(meta.source) as Entry, now), ...(feed.kind === 'site' && media.podcast ? { podcast: media.podcast } : {}) },
    items: feed.members.map((meta) => indexItem({ ...meta, url: pageUrl(meta, site) })),
  }));
  // Decided before the loops below forget which articles were fresh.
  const keep = new Set(published.filter((meta) => !needsPage(meta)).map(pagePath));
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
  await writer.add([...emit([], listings, site), ...mediaCopies(published, site, media.probes)]);
  // An article sits on the site's archive and on those of its tags and authors: rendering it
  // once instead of on each page made a cold 3,000-article build with archives 2x faster.
  for (const { feed, number } of dueArchives) {
    const members = feed.archives[number - 1] ?? [];
    const rendered = await renderAll(members.filter((meta) => !entries.has(meta.source)));
    if (entries.size < RENDERINGS_KEPT) for (const [source, entry] of rendered) entries.set(source, entry);
    await writer.add(feedDocuments(archiveSpec(feed, number, site, (meta) => entries.get(meta.source) ?? (rendered.get(meta.source) as Entry), now)));
  }
  const carried = new Set(feeds.flatMap((feed) => feed.carried.map((meta) => meta.source)));
  const home = listings[0]?.feed as FeedSpec;
  const due = published.filter(needsPage);
  for (let start = 0; start < due.length; start += PAGE_BATCH) {
    const batch = await pMap(due.slice(start, start + PAGE_BATCH), async (meta) => entries.get(meta.source) ?? (await entryOf(meta)), { concurrency: 32 });
    await writer.add(batch.map((entry) => articlePage(entry, site, home)));
    for (const entry of batch) fresh.delete(entry.source);
    onProgress?.({ phase: 'pages', done: Math.min(start + PAGE_BATCH, due.length), total: due.length });
  }
  const result = await writer.commit(keep);
  // Renderings are kept only for what the feeds carry, so the cache does not grow with the archive.
  const renderings = new Map(carried.size <= RENDERINGS_KEPT ? [...entries].filter(([source]) => carried.has(source)).map(([source, entry]) => [source, renderingOf(entry)]) : []);
  const feedUrls = new Map(listings.flatMap(({ feed }) => (['rss', 'atom', 'json'] as const).map((format) => [feed.dir + FEED_PATHS[format], feed.urls[format]] as const)));
  return { ...result, renderings, archives, feedUrls, assetKeys };
}

function withRenderings(files: Map<string, CachedFile>, renderings: Map<string, Rendering>, assetKeys: Map<string, string | undefined>): Map<string, CachedFile> {
  return new Map(
    [...files].map(([source, { rendering: _previous, assets: _before, ...file }]) => {
      const rendering = renderings.get(source);
      const assets = assetKeys.get(source);
      return [source, { ...file, ...(rendering ? { rendering } : {}), ...(assets === undefined ? {} : { assets }) }];
    }),
  );
}

// A cold build of 100,000 articles peaked at 2.9 GB holding every article's Markdown until its
// page was written, and at 1.x GB reading each file again then (about 10 % more time).
const KEEP_MARKDOWN_MAX = 5_000;

// Below this many changed articles, starting worker processes costs more than it saves.
const PARALLEL_MIN = 1_000;
const WORKER_BATCH = 250;

/**
 * Parses changed articles, on `jobs` worker processes for large batches.
 * Off by default: on this project's 2-core machine, parsing and rendering 4,000 articles
 * took 3.0 s in-process, 3.2-3.7 s on two worker processes and 3.1 s on two worker threads,
 * because one process already keeps the second core busy with V8's parallel GC and
 * compilation. Larger machines may gain; measure with `npm run bench` before raising --jobs.
 */
async function prepareAll(files: readonly SourceFile[], site: Site, jobs: number, onProgress: BuildOptions['onProgress']): Promise<Prepared[]> {
  const total = files.length;
  const workerFile = new URL('./prepare-worker.js', import.meta.url);
  // Under a TypeScript test runner there is no compiled worker; do the work here.
  if (jobs < 2 || files.length < PARALLEL_MIN || !existsSync(workerFile)) {
    const { prepare } = await import('./prepare.js');
    return files.map((file, index) => {
      const result = prepare(file, site);
      onProgress?.({ phase: 'parse', done: index + 1, total });
      return result;
    });
  }
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerFile.href, runtime: 'child_process', serialization: 'advanced', minThreads: jobs, maxThreads: jobs });
  try {
    const batches: SourceFile[][] = [];
    for (let start = 0; start < files.length; start += WORKER_BATCH) batches.push(files.slice(start, start + WORKER_BATCH));
    let done = 0;
    const parseBatch = async (batch: SourceFile[]): Promise<Prepared[]> => {
      const results = (await pool.run({ files: batch, site })) as Prepared[];
      onProgress?.({ phase: 'parse', done: (done += batch.length), total });
      return results;
    };
    return (await Promise.all(batches.map(parseBatch))).flat();
  } finally {
    await pool.destroy();
  }
}

/** An unchanged article that must be rendered again (it is in the feed): read and parse it. */
async function reread(root: string, meta: ArticleMeta, site: Site): Promise<Article> {
  const file = path.resolve(root, meta.source);
  const { parseArticle } = await import('./parse.js');
  const parsed = parseArticle({ path: meta.source, stem: path.basename(file, '.md'), text: await readFile(file, 'utf8') }, site);
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

function stampsOf(cache: BuildCache): Map<string, FileStamp> {
  return new Map([...cache.files].map(([name, file]) => [name, file.stamp]));
}

const STALE_MS = 30_000;

async function acquire(outDir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const lockfilePath = `${outDir}.lock`;
  const started = Date.now();
  for (;;) {
    try {
            // A compromised lock (its mtime could not be refreshed) must not kill the process mid-write:
      // the rename swap in write.ts already keeps readers safe from a racing build.
      return await lockfile.lock(outDir, { lockfilePath, realpath: false, stale: STALE_MS, onCompromised: () => undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() - started >= timeoutMs) {
        throw new SyndicError('LOCKED', `another build of ${outDir} is still running after ${Math.round(timeoutMs / 1000)} s`, {
          file: lockfilePath,
          hint: `this run changed nothing; the next one will catch up. A lock left by a killed build expires after ${STALE_MS / 1000} s`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
