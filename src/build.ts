// The whole pipeline in one place: load → parse → render → select → emit → write,
// with the build cache deciding what each stage must redo.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheKey, emptyCache, readCache, writeCache, type BuildCache, type CachedFile } from './incremental/cache.js';
import { validate } from './validate.js';
import { hashText } from './hash.js';
import { failWith, fromData, SyndicError } from './errors.js';
import { load, type LoadPaths } from './load.js';
import { assetKey } from './media.js';
import { findMedia } from './media-step.js';
import type { Article, ArticleMeta, FileStamp, KnownFile, Rendering, Site, SourceFile } from './model.js';
import { select } from './select.js';
import { prepareAll } from './incremental/parse-pool.js';
import { acquire } from './incremental/lock.js';
import { outputProblems, projectPaths, shown, type ProjectPaths } from './paths.js';
import { readPublished, writePublished } from './published-memory.js';
import { retractionPlan } from './retractions.js';
import { version } from './version.js';
import type { BuildOptions, BuildResult } from './api.js';
import type { ChangedSources, Media } from './incremental/state.js';
import { writeSite } from './write-site.js';

export type { BuildOptions, BuildProgress, BuildResult, Generated } from './api.js';

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
    // Hook (retractions): the memory of what readers hold, and every article file found.
    const memoryFile = shown(paths, paths.publishedFile);
    const memory = await readPublished(paths.publishedFile, memoryFile);
    const present = new Set<string>();
    // Not bound to a name here: the article texts are freed once parsed (a third of the memory at 100,000).
    const state = await parseChanged(listedIn(present, await loadSources(loadPaths, cache, options, now)), options);
    const media = await mediaOf(paths, state);
    const checked = validate(state.metas.filter((meta) => !media.rejected.has(meta.source)), [...state.problems, ...media.problems], options.keepGoing, state.site.groups);
    const { published } = select(checked.articles, now, preview);
    // Hook (retractions): decided before anything is written, so a mass deletion stops the build.
    const retraction = retractionPlan(published, memory, state.site, { now, present, articles: shown(paths, paths.articlesDir).split(path.sep).join('/'), ...(options.confirmDeletions ? { confirmDeletions: true } : {}) });
    const written = await writeSite(root, outDir, state, published, now, options.onProgress, media, retraction);
    const { changed, hashes, renderings, archives, feedUrls, groups } = written;
    if (options.cache !== false && (state.dirty || changed.length > 0 || media.dirty || note !== undefined)) {
      const failed = await writeCache(paths.cacheFile, { key, settings: state.settingsHash, site: state.site, files: withRenderings(state.files, renderings, media.keys), outputs: hashes, archives, groups });
      if (failed !== undefined && note === undefined) notes.push(failed);
    }
    // Hook (retractions): only a real build, after the site is in place, remembers what it published.
    if (options.remember ?? (options.now === undefined && !preview.drafts && !preview.future)) await writePublished(paths.publishedFile, memoryFile, retraction.memory);
    const changedFeeds = changed.flatMap((file) => feedUrls.get(file) ?? []);
    const unchanged = hashes.size - changed.filter((file) => hashes.has(file)).length;
    return { changed, unchanged, articles: state.count, published: published.length, warnings: checked.problems, notices: [...checked.notices, ...written.notices, ...retraction.warnings], notes, changedFeeds, hubs: state.site.hubs };
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

/** parse: only what changed; everything else comes from the cache. */
async function parseChanged({ cache, site, settingsHash, articles, problems: loadProblems }: Sources, options: BuildOptions): Promise<ChangedSources> {
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

/**
 * The media step: local files are looked at on every build (a stat, and an image's header),
 * so a replaced image or episode is noticed even when its article did not change.
 */
async function mediaOf(paths: ProjectPaths, state: ChangedSources): Promise<Media> {
  const { probes, resolved, podcast } = await findMedia(paths, state.metas, state.site);
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




/** Notes the path of every article file found, readable or not: a file still there is never a deletion. */
function listedIn(present: Set<string>, sources: Sources): Sources {
  for (const file of sources.articles) present.add(file.path);
  // An unreadable file (not UTF-8, no permission) is still there.
  for (const problem of sources.problems) if (problem.file !== undefined) present.add(problem.file);
  return sources;
}

function stampsOf(cache: BuildCache): Map<string, FileStamp> {
  return new Map([...cache.files].map(([name, file]) => [name, file.stamp]));
}
