// The stages build(), check() and generateSite() share, each written once: load (with the
// cache's stamps), parse (only what changed), media, validate. build.ts shows their order.
import type { BuildOptions, Generated } from './api.js';
import { emptyCache, type BuildCache, type CachedFile } from './incremental/cache.js';
import { failWith, fromData, type SyndicError } from './errors.js';
import { fullPlan, generate } from './generate.js';
import { hashText } from './hash.js';
import { parseInPool } from './incremental/parse-pool.js';
import type { ChangedSources } from './incremental/state.js';
import { load, type LoadPaths } from './load.js';
import { assetKey, podcastChannel, resolveMedia } from './media/assets.js';
import { findMedia, type Media } from './media/step.js';
import type { Article, ArticleMeta, FileCopy, FileStamp, KnownFile, Output, Site, SourceFile } from './model.js';
import type { ProjectPaths } from './paths.js';
import type { MediaProbes } from './media/probe.js';
import { NO_MEMORY, type PublishedMemory } from './retractions/published-memory.js';
import { presentIn, retractionPlan } from './retractions/plan.js';
import { select } from './select.js';
import { duplicates, validate } from './validate.js';

/** What the load stage found: the settings (checked once per change of their text) and the article files. */
export interface Sources {
  cache: BuildCache;
  /** None when there is no settings file; a stand-in when the settings are broken (see `settingsOk`). */
  site: Site | undefined;
  settingsOk: boolean;
  settingsHash: string;
  articles: Array<SourceFile | KnownFile>;
  /** The load's problems, then the settings'. */
  problems: SyndicError[];
}

type Overrides = Pick<BuildOptions, 'baseUrl' | 'timezone'>;

/** load: settings and articles, skipping files the cache vouches for unless the settings changed. */
export async function loadSources(paths: LoadPaths, cache: BuildCache, options: Overrides): Promise<Sources> {
  let loaded = await load(paths, stampsOf(cache));
  if (!loaded.settings) return { cache, site: undefined, settingsOk: false, settingsHash: '', articles: loaded.articles, problems: loaded.problems };
  const settingsFile = loaded.settings;
  const settingsHash = hashText(settingsFile.text);
  if (cache.settings === settingsHash && cache.site) return { cache, site: cache.site, settingsOk: true, settingsHash, articles: loaded.articles, problems: loaded.problems };
  // New settings can change every page: start from an empty cache and read everything.
  if (loaded.articles.some((file) => !('text' in file))) loaded = await load(paths);
  const settings = await settingsOf(settingsFile, options);
  return { cache: emptyCache(cache.key), site: settings.site, settingsOk: settings.settingsOk, settingsHash, articles: loaded.articles, problems: [...loaded.problems, ...settings.problems] };
}

async function settingsOf(file: SourceFile, options: Overrides): Promise<{ site: Site; settingsOk: boolean; problems: SyndicError[] }> {
  const [{ checkSettings, STAND_IN_SITE }, { loadLanguageRegistry }] = await Promise.all([import('./parse.js'), import('./input/language.js')]);
  await loadLanguageRegistry();
  const settings = checkSettings(file, options);
  // Broken settings still let every article be checked, against a stand-in site, so one run shows everything.
  return settings.ok ? { site: settings.value, settingsOk: true, problems: [] } : { site: STAND_IN_SITE, settingsOk: false, problems: settings.problems };
}

// A cold build of 100,000 articles peaked at 2.9 GB holding every article's Markdown until its
// page was written, and at 1.x GB reading each file again then (about 10 % more time). At
// 10,000 the Markdown is ~40 MB, and reading and parsing it again cost 4.3 s of a 20 s build.
const KEEP_MARKDOWN_MAX = 20_000;

/** parse: only what changed; everything else comes from the cache. */
export async function parseSources(sources: Sources & { site: Site }, options: Pick<BuildOptions, 'jobs' | 'keepMarkdownMax' | 'onProgress'>): Promise<ChangedSources> {
  const { cache, site, articles } = sources;
  const files = new Map<string, CachedFile>();
  const changedFiles: SourceFile[] = [];
  const hashes = new Map<string, string>();
  for (const file of articles) {
    const cached = cache.files.get(file.path);
    const hash = 'text' in file ? hashText(file.text) : cached?.hash;
    if (hash) hashes.set(file.path, hash);
    if (cached && hash === cached.hash) files.set(file.path, { ...cached, stamp: file.stamp ?? cached.stamp });
    else if ('text' in file) changedFiles.push(file);
    else throw new Error(`parse: ${file.path} was not read but is not in the cache`);
  }
  const parsed = new Map((await parseInPool(changedFiles, site, options.jobs ?? 1, options.onProgress)).map((result) => [result.path, result]));
  const fresh = new Map<string, Article | undefined>();
  const keepMarkdown = changedFiles.length <= (options.keepMarkdownMax ?? KEEP_MARKDOWN_MAX);
  const metas: ArticleMeta[] = [];
  const problems = [...sources.problems];
  for (const file of articles) {
    const result = parsed.get(file.path);
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
  return { cache, site, settingsHash: sources.settingsHash, files, fresh, metas, problems, dirty, count: articles.length };
}

/** Broken settings stop a build after the articles were parsed: every problem at once. */
export function settingsFailure(parsed: ChangedSources): never {
  failWith([...parsed.problems, ...duplicates(parsed.metas).problems]);
}

/**
 * media: local files are looked at on every build (a stat, and an image's header), so a
 * replaced image or episode is noticed even when its article did not change.
 */
export async function mediaOf(paths: ProjectPaths | undefined, parsed: ChangedSources, given?: MediaProbes): Promise<Media> {
  const { metas, site } = parsed;
  const found = paths ? await findMedia(paths, metas, site) : { probes: given ?? new Map(), resolved: resolveMedia(metas, site, given ?? new Map()), podcast: podcastChannel(site, given ?? new Map()) };
  const { probes, resolved, podcast } = found;
  const keys = new Map(metas.map((meta) => [meta.source, assetKey(resolved, meta)]));
  const dirty = metas.some((meta) => parsed.files.get(meta.source)?.assets !== keys.get(meta.source));
  return { ...resolved, probes, podcast: Array.isArray(podcast) ? undefined : podcast, podcastProblems: Array.isArray(podcast) ? podcast : [], keys, dirty };
}

/** validate: what the parse and media stages found, and the checks across articles. */
export function validateStage(parsed: ChangedSources, media: Media, keepGoing: boolean | undefined): ReturnType<typeof validate<ArticleMeta>> {
  return validate(
    parsed.metas.filter((meta) => !media.rejected.has(meta.source)),
    [...parsed.problems, ...media.problems, ...media.podcastProblems],
    keepGoing,
    parsed.site.groups,
  );
}

/**
 * The whole site from source texts, in memory: the stages of a build without cache, disk or
 * clock. `media` holds what probeMedia() found of the local files the input names; a local
 * file missing from it is reported as missing. Throws one SyndicError listing every problem.
 */
export async function generateSite(
  settingsFile: SourceFile,
  articleFiles: readonly SourceFile[],
  // `published` is syndic.published.json as read: what readers were given before (retractions.ts).
  options: Pick<BuildOptions, 'baseUrl' | 'timezone' | 'keepGoing' | 'confirmDeletions'> & { media?: MediaProbes; published?: PublishedMemory; articlesFolder?: string },
  now: Date,
): Promise<Generated> {
  const cache = emptyCache('');
  const settings = await settingsOf(settingsFile, options);
  const sources = { cache, ...settings, settingsHash: '', articles: [...articleFiles] };
  const parsed = await parseSources(sources, { keepMarkdownMax: Number.POSITIVE_INFINITY });
  if (!settings.settingsOk) settingsFailure(parsed);
  const media = await mediaOf(undefined, parsed, options.media);
  // The podcast's cover is a setting: its problems stop the build even with keepGoing.
  if (media.podcastProblems.length > 0) failWith([...parsed.problems, ...media.problems, ...media.podcastProblems]);
  const checked = validateStage(parsed, media, options.keepGoing);
  const { published } = select(checked.articles, now);
  const articles = new Map([...parsed.fresh].flatMap(([source, article]) => (article ? [[source, article] as const] : [])));
  const outputs: Array<Output | FileCopy> = [];
  const memory = options.published ?? NO_MEMORY;
  const retraction = retractionPlan(published, memory, parsed.site, { now, present: presentIn({ articles: articleFiles, problems: parsed.problems }), articles: options.articlesFolder ?? memory.articles ?? 'articles', ...(options.confirmDeletions ? { confirmDeletions: true } : {}) });
  const site = generate({ site: parsed.site, published, media, now, retraction }, fullPlan(articles));
  for (let next = await site.next(); !next.done; next = await site.next()) outputs.push(...next.value);
  return {
    outputs: outputs.filter((output): output is Output => 'contents' in output),
    copies: outputs.filter((output): output is FileCopy => !('contents' in output)),
    articles: articleFiles.length,
    published: published.length,
    warnings: checked.problems,
    notices: [...checked.notices, ...retraction.warnings],
    memory: retraction.memory,
  };
}

export function stampsOf(cache: BuildCache): Map<string, FileStamp> {
  return new Map([...cache.files].map(([name, file]) => [name, file.stamp]));
}
