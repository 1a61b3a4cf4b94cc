// The whole pipeline in one place. Every build runs the same stages in this order; the
// build cache only tells the parse stage what it may skip and generate() what it may keep.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, BuildResult } from './api.js';
import { failWith, SyndicError } from './errors.js';
import type { BuildCache, CachedFile } from './incremental/cache.js';
import { acquire } from './incremental/lock.js';
import { buildKey } from './incremental/key.js';
import { quietResult, rememberQuiet, stampInputs } from './incremental/quiet.js';
import type { Rendering } from './model.js';
import { outputProblems, projectPaths, shown, type ProjectPaths } from './paths.js';

export type { BuildOptions, BuildProgress, BuildResult, Generated } from './api.js';

/**
 * Builds the site on disk. Nothing in `outDir` changes unless the whole build succeeds.
 * Builds of one output folder take turns: a second one waits for the first (cron overlap);
 * a lock left by a killed build is taken over at once (incremental/lock.ts).
 *
 * With the cache, articles whose size, mtime and inode are unchanged are not read, and every
 * output whose inputs are unchanged is kept, so the output is the bytes a full build gives
 * (tests/e2e/build.cache.test.ts holds it to that).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = projectPaths(options);
  await mayBuild(paths);
  const release = await acquire(paths.lockFile, options.lockTimeoutMs ?? 60_000);
  try {
    const now = options.now ?? new Date();
    const preview = { drafts: options.drafts === true, future: options.future === true };
    const key = buildKey(paths, { baseUrl: options.baseUrl, timezone: options.timezone, ...(preview.drafts || preview.future ? preview : {}) });
    const remember = options.remember ?? (options.now === undefined && !preview.drafts && !preview.future);
    const stamps = options.cache === false ? undefined : stampInputs(paths, key, { keepGoing: options.keepGoing === true, confirmDeletions: options.confirmDeletions === true, remember });
    const quiet = stamps && (await quietResult(paths, stamps, now));
    if (quiet) return quiet;
    const { emptyCache, readCache, writeCache, generate, incrementalPlan, loadSources, mediaOf, parseSources, settingsFailure, validateStage, readPublished, writePublished, presentIn, retractionPlan, select, writeSite } = await stages();
    const { cache, note } = options.cache === false ? { cache: emptyCache(key), note: undefined } : await readCache(paths.cacheFile, key);
    const memory = await readPublished(paths.publishedFile, shown(paths, paths.publishedFile));
    const sources = await loadSources(paths, cache, options);
    // Every article file found, readable or not: a file still there is never a deletion.
    const present = presentIn(sources);
    if (!sources.site) failWith(sources.problems);
    // Not bound to a name past here: the article texts are freed once parsed (a third of the memory at 100,000).
    const parsed = await parseSources({ ...sources, site: sources.site }, options);
    if (!sources.settingsOk) settingsFailure(parsed);
    const media = await mediaOf(paths, parsed);
    // The podcast's cover is a setting: its problems stop the build even with --keep-going.
    if (media.podcastProblems.length > 0) failWith([...parsed.problems, ...media.problems, ...media.podcastProblems]);
    const checked = validateStage(parsed, media, options.keepGoing);
    const { published } = select(checked.articles, now, preview);
    // Decided before anything is written, so a mass deletion stops the build.
    const retraction = retractionPlan(published, memory, parsed.site, { now, present, articles: shown(paths, paths.articlesDir).split(path.sep).join('/'), ...(options.confirmDeletions ? { confirmDeletions: true } : {}) });
    const input = { site: parsed.site, published, media, now, retraction, onProgress: options.onProgress };
    const written = await writeSite(paths, cache.outputs, (disk) => generate(input, incrementalPlan(paths.root, parsed, media, disk, `${key}\0${parsed.settingsHash}`)));
    const { changed, hashes, generation } = written;
    const notes = note === undefined ? [] : [note];
    if (options.cache !== false && (parsed.dirty || changed.length > 0 || media.dirty || note !== undefined || !same(cache.documents, generation.fingerprints))) {
      const files = withRenderings(parsed.files, generation.renderings, media.keys);
      const failed = await writeCache(paths.cacheFile, { key, settings: parsed.settingsHash, site: parsed.site, files, outputs: hashes, documents: generation.fingerprints } satisfies BuildCache);
      if (failed !== undefined && note === undefined) notes.push(failed);
    }
    // Only a real build, once the site is in place, remembers what readers were given.
    if (remember) await writePublished(paths.publishedFile, shown(paths, paths.publishedFile), retraction.memory);
    const changedFeeds = changed.flatMap((file) => generation.feedUrls.get(file) ?? []);
    const unchanged = hashes.size - changed.filter((file) => hashes.has(file)).length;
    const result = { changed, unchanged, articles: parsed.count, published: published.length, warnings: checked.problems, notices: [...checked.notices, ...written.notices, ...retraction.warnings], notes, changedFeeds, hubs: parsed.site.hubs };
    // A deletion is told of once: the build after it is not quiet, and leaves the record.
    if (stamps && retraction.warnings.length === 0) await rememberQuiet(paths, stamps, { now, articles: checked.articles, published, probes: media.probes, owned: hashes.size, result });
    return result;
  } finally {
    await release();
  }
}

/**
 * The stages, loaded once the quiet check has found a change: a cron tick that finds none loads
 * only the stat and the lock (0.32 s -> 0.17 s at 10,000 articles; the stages bring zod, marked,
 * sanitize-html, feed and the YAML parsers).
 */
async function stages() {
  const [cache, core, plan, pipeline, memory, retractions, selection, site] = await Promise.all([
    import('./incremental/cache.js'),
    import('./generate.js'),
    import('./incremental/plan.js'),
    import('./pipeline.js'),
    import('./retractions/published-memory.js'),
    import('./retractions/plan.js'),
    import('./select.js'),
    import('./write-site.js'),
  ]);
  return { ...cache, ...core, ...plan, ...pipeline, ...memory, ...retractions, ...selection, ...site };
}

/** Before anything is written: a swap into a folder that holds the sources would delete them. */
async function mayBuild(paths: ProjectPaths): Promise<void> {
  if (!(await stat(paths.root).then((s) => s.isDirectory(), () => false))) {
    throw new SyndicError('UNREADABLE', 'is not a folder', { file: paths.root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' });
  }
  const unsafe = outputProblems(paths);
  if (unsafe.length > 0) failWith(unsafe);
  await mkdir(path.dirname(paths.outDir), { recursive: true }).catch((error: unknown) => {
    throw new SyndicError('WRITE_FAILED', `cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path.dirname(paths.outDir), hint: 'pass --out with a folder whose parent exists and is writable' });
  });
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

function same(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...b].every(([name, value]) => a.get(name) === value);
}
