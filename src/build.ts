// The whole pipeline in one place: load → parse → render → select → emit → write.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { failWith, SyndicError } from './errors.js';
import { emit } from './emit/index.js';
import { load } from './load.js';
import type { Article, Output, Site, SourceFile } from './model.js';
import { parseArticle, parseSettings } from './parse.js';
import { render } from './render.js';
import { select } from './select.js';
import { write } from './write.js';

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
}

export interface BuildResult {
  /** Every file of the site, as written. */
  outputs: Output[];
  /** Output paths added, modified or removed by this run; empty when nothing changed. */
  changed: string[];
  /** Articles read, and of those, published (not drafts, not scheduled for later). */
  articles: number;
  published: number;
  /** With `keepGoing`, the problems of the articles that were left out. */
  warnings: SyndicError[];
}

export type Generated = Omit<BuildResult, 'changed'>;

/** Only used to check articles when the real settings are broken; never reaches an output. */
const STAND_IN_SITE: Site = {
  title: 'unused',
  description: 'unused',
  url: 'https://settings.invalid/',
  language: 'en',
  timezone: 'UTC',
  authors: [{ name: 'unused' }],
  feedLimit: 1,
};

/**
 * The pure core: source texts in, site files out. Throws one SyndicError listing every
 * problem, including `earlier` ones found while loading, so one run shows them all.
 */
export function generate(
  settingsFile: SourceFile,
  articleFiles: readonly SourceFile[],
  options: Pick<BuildOptions, 'baseUrl' | 'timezone' | 'keepGoing'>,
  now: Date,
  earlier: readonly SyndicError[] = [],
): Generated {
  const settings = parseSettings(settingsFile, {
    ...(options.baseUrl === undefined ? {} : { url: options.baseUrl }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  // Broken settings stop the build, but the articles are still checked so one run shows everything.
  const site = settings.ok ? settings.value : STAND_IN_SITE;

  const problems: SyndicError[] = [...earlier, ...(settings.ok ? [] : settings.problems)];
  const articles: Article[] = [];
  for (const file of articleFiles) {
    const parsed = parseArticle(file, site);
    if (parsed.ok) articles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  const clashes = duplicates(articles);
  problems.push(...clashes.problems);
  if (!settings.ok || (problems.length > 0 && !options.keepGoing)) failWith(problems);

  const entries = articles.filter((article) => !clashes.rejected.has(article)).map((article) => render(article, site));
  const { published, feed } = select(entries, site, now);
  return { outputs: emit(published, feed, site), articles: articleFiles.length, published: published.length, warnings: problems };
}

/**
 * Two articles with one id would merge in readers; two with one slug would overwrite a
 * page. The first file by name keeps the id; later ones are `rejected`.
 */
function duplicates(articles: readonly Article[]): { problems: SyndicError[]; rejected: Set<Article> } {
  const problems: SyndicError[] = [];
  const rejected = new Set<Article>();
  for (const field of ['id', 'slug'] as const) {
    const seen = new Map<string, Article>();
    for (const article of articles) {
      const key = field === 'slug' ? article.slug.normalize('NFC') : article[field];
      const first = seen.get(key);
      if (first) {
        problems.push(
          new SyndicError('DUPLICATE', `${JSON.stringify(article[field])} is already used by ${first.source}`, {
            file: article.source,
            line: article.lines[field],
            field,
            hint: `give one of them its own \`${field}:\` in the frontmatter`,
          }),
        );
        rejected.add(article);
      } else seen.set(key, article);
    }
  }
  return { problems, rejected };
}

/**
 * Builds the site on disk. Nothing in `outDir` changes unless the whole build succeeds.
 * Builds of one output folder take turns: a second one waits for the first (cron overlap);
 * a lock left by a killed build goes stale after 30 s.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? '.');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    throw new SyndicError('UNREADABLE', 'is not a folder', { file: root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' });
  }
  await mkdir(path.dirname(outDir), { recursive: true });
  const release = await acquire(outDir, options.lockTimeoutMs ?? 60_000);
  try {
    const loaded = await load({
      root,
      articlesDir: path.resolve(root, options.articlesDir ?? 'articles'),
      settingsFile: path.resolve(root, options.settingsFile ?? 'syndic.yaml'),
    });
    if (!loaded.settings) failWith(loaded.problems);
    const generated = generate(loaded.settings, loaded.articles, options, options.now ?? new Date(), loaded.problems);
    const { changed } = await write(outDir, generated.outputs);
    return { ...generated, changed };
  } finally {
    await release();
  }
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
