// The whole pipeline in one place: load → parse → render → select → emit → write,
// with the build cache deciding what each stage must redo.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheKey, emptyCache, hashText, readCache, writeCache, type BuildCache, type CachedFile } from './incremental/cache.js';
import { settle } from './check.js';
import { failWith, fromData, SyndicError } from './errors.js';
import { load, type LoadPaths } from './load.js';
import { assetKey, localLocations, podcastChannel, resolveMedia, type ResolvedMedia } from './media.js';
import type { Article, ArticleMeta, FileCopy, FileStamp, KnownFile, Output, PodcastChannel, Rendering, Site, SourceFile } from './model.js';
import { probeMedia, type MediaProbes } from './probe.js';
import { select } from './select.js';
import { prepareAll } from './incremental/parse-pool.js';
import { acquire } from './incremental/lock.js';
import { outputProblems, projectPaths, withoutOutputs, type ProjectPaths } from './paths.js';
import { version } from './version.js';
import { writeSite } from './write-site.js';

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
  /** The build cache's file, so a preview keeps a cache of its own. Default `<root>/.syndic-cache/build.json`. */
  cacheFile?: string;
  /** Preview: publish drafts too. Never for the real output folder (the CLI refuses it). Default false. */
  drafts?: boolean;
  /** Preview: publish articles dated after `now` too. Default false. */
  future?: boolean;
  /** Worker processes for builds of 1,000 or more changed articles. Default 1 (none). */
  jobs?: number;
  /** Above this many changed articles, Markdown is re-read at page time to bound memory. Default 20,000. */
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
  /** Warnings that leave nothing out (an empty body, a draft sharing a page, a static file over a generated one): never change the exit status. */
  notices: SyndicError[];
  /** Public URLs of the subscription feeds whose bytes changed: what `--ping` announces. */
  changedFeeds: string[];
  /** The WebSub hubs of the settings. */
  hubs: string[];
  /** One line each about something that cost time but changed no output (a damaged build cache). */
  notes: string[];
}

/** What the pure core computes: every file of the site, as data. */
export type Generated = Omit<BuildResult, 'changed' | 'unchanged' | 'changedFeeds' | 'hubs' | 'notes'> & { outputs: Output[]; copies: FileCopy[] };
/**
 * Builds the site on disk. Nothing in `outDir` changes unless the whole build succeeds.
 * Builds of one output folder take turns: a second one waits for the first (cron overlap);
 * a lock left by a killed build is taken over at once (src/lock.ts).
 *
 * With the cache, articles whose size, mtime and inode are unchanged are not read, and
 * only changed pages are rendered; the feeds and the index are always emitted, so the
 * output is the same bytes a full build gives (tests/build.cache.test.ts holds it to that).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = projectPaths(options);
  const { root, outDir } = paths;
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    throw new SyndicError('UNREADABLE', 'is not a folder', { file: root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' });
  }
  // Before anything is written: a swap into a folder that holds the sources would delete them.
  const unsafe = outputProblems(paths);
  if (unsafe.length > 0) failWith(unsafe);
  await mkdir(path.dirname(outDir), { recursive: true }).catch((error: unknown) => {
    throw new SyndicError('WRITE_FAILED', `cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path.dirname(outDir), hint: 'pass --out with a folder whose parent exists and is writable' });
  });
  const release = await acquire(paths.lockFile, options.lockTimeoutMs ?? 60_000);
  try {
    const now = options.now ?? new Date();
    const loadPaths = { root, articlesDir: paths.articlesDir, settingsFile: paths.settingsFile };
    const preview = { drafts: options.drafts === true, future: options.future === true };
    const key = cacheKey(version(), JSON.stringify(loadPaths), { outDir, baseUrl: options.baseUrl, timezone: options.timezone, ...(preview.drafts || preview.future ? preview : {}) });
    const { cache, note } = options.cache === false ? { cache: emptyCache(key), note: undefined } : await readCache(paths.cacheFile, key);
    const notes = note === undefined ? [] : [note];
    // Not bound to a name here: the article texts are freed once parsed (a third of the memory at 100,000).
    const state = await parseChanged(await loadSources(loadPaths, cache, options, now), options);
    const media = await mediaOf(paths, state);
    const checked = settle(state.metas.filter((meta) => !media.rejected.has(meta.source)), [...state.problems, ...media.problems], options.keepGoing, state.site.groups);
    const { published } = select(checked.articles, now, preview);
    const written = await writeSite(root, outDir, state, published, now, options.onProgress, media);
    const { changed, hashes, renderings, archives, feedUrls, groups } = written;
    if (options.cache !== false && (state.dirty || changed.length > 0 || media.dirty || note !== undefined)) {
      const failed = await writeCache(paths.cacheFile, { key, settings: state.settingsHash, site: state.site, files: withRenderings(state.files, renderings, media.keys), outputs: hashes, archives, groups });
      if (failed !== undefined && note === undefined) notes.push(failed);
    }
    const changedFeeds = changed.flatMap((file) => feedUrls.get(file) ?? []);
    const unchanged = hashes.size - changed.filter((file) => hashes.has(file)).length;
    return { changed, unchanged, articles: state.count, published: published.length, warnings: checked.problems, notices: [...checked.notices, ...written.notices], notes, changedFeeds, hubs: state.site.hubs };
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
  const [{ checkSettings }, { loadLanguageRegistry }] = await Promise.all([import('./parse.js'), import('./language.js')]);
  await loadLanguageRegistry();
  const settings = checkSettings(settingsFile, options);
  if (!settings.ok) {
    // generate() throws with the settings problems and those of every article.
    const { generate } = await import('./generate.js');
    generate(settingsFile, loaded.articles.filter((file): file is SourceFile => 'text' in file), options, now, loaded.problems);
    throw new Error('build: invalid settings did not stop the build');
  }
  return { cache: emptyCache(cache.key), site: settings.value, settingsHash, articles: loaded.articles, problems: loaded.problems };
}

export interface Parsed {
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

export type Media = ResolvedMedia & {
  probes: MediaProbes;
  podcast: PodcastChannel | undefined;
  /** assetKey() of every article: a page whose key changed is rendered again. */
  keys: Map<string, string | undefined>;
  dirty: boolean;
};

/**
 * The media step: local files are looked at on every build (a stat, and an image's header),
 * so a replaced image or episode is noticed even when its article did not change.
 */
async function mediaOf(paths: ProjectPaths, state: Parsed): Promise<Media> {
  const probes = await probeMedia(paths.root, localLocations(state.metas, state.site));
  const resolved = withoutOutputs(resolveMedia(state.metas, state.site, probes), state.metas, probes, paths);
  const podcast = podcastChannel(state.site, probes);
  // The podcast's cover is a setting: its problems stop the build even with --keep-going.
  if (Array.isArray(podcast)) failWith([...state.problems, ...resolved.problems, ...podcast]);
  const keys = new Map(state.metas.map((meta) => [meta.source, assetKey(resolved, meta)]));
  const dirty = state.metas.some((meta) => state.files.get(meta.source)?.assets !== keys.get(meta.source));
  return { ...resolved, probes, podcast, keys, dirty };
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
// page was written, and at 1.x GB reading each file again then (about 10 % more time). At
// 10,000 the Markdown is ~40 MB, and reading and parsing it again cost 4.3 s of a 20 s build.
const KEEP_MARKDOWN_MAX = 20_000;




function stampsOf(cache: BuildCache): Map<string, FileStamp> {
  return new Map([...cache.files].map(([name, file]) => [name, file.stamp]));
}
