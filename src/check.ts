// Validation without output: check() runs the stages of a build up to validate (load, parse,
// media, validate) and writes nothing: no output folder, no cache, no lock.
import { stat } from 'node:fs/promises';
import type { CheckOptions, CheckResult } from './api.js';
import { SyndicError } from './errors.js';
import { emptyCache } from './incremental/cache.js';
import { loadSources, mediaOf, parseSources, validateStage } from './pipeline.js';
import { outputProblems, projectPaths, shown } from './paths.js';
import { readPublished } from './retractions/published-memory.js';
import { validate } from './validate.js';

export type { CheckOptions, CheckResult } from './api.js';

/** Validates the settings and every article, as a build would: for CI and pre-commit hooks. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const paths = projectPaths(options);
  if (!(await stat(paths.root).then((s) => s.isDirectory(), () => false))) {
    return { articles: 0, problems: [new SyndicError('UNREADABLE', 'is not a folder', { file: paths.root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' })], warnings: [] };
  }
  const sources = await loadSources(paths, emptyCache(''), options);
  sources.problems.unshift(...outputProblems(paths), ...(await publishedProblems(paths.publishedFile, shown(paths, paths.publishedFile))));
  const articles = sources.articles.length;
  if (!sources.site) return { articles, problems: sources.problems, warnings: [] };
  const parsed = await parseSources({ ...sources, site: sources.site }, { keepMarkdownMax: 0 });
  if (!sources.settingsOk) {
    const settled = validate(parsed.metas, parsed.problems, true);
    return { articles, problems: settled.problems, warnings: settled.notices };
  }
  const media = await mediaOf(paths, parsed);
  const settled = validateStage(parsed, media, true);
  const { podcastWarnings } = await import('./emit/podcast-warnings.js');
  const valid = parsed.metas.filter((meta) => !media.rejected.has(meta.source));
  return { articles, problems: settled.problems, warnings: [...settled.notices, ...podcastWarnings(valid, parsed.site, media, media.podcast)] };
}

/** A damaged syndic.published.json would stop the build, so check says so; it never writes it. */
async function publishedProblems(file: string, name: string): Promise<SyndicError[]> {
  try {
    await readPublished(file, name);
    return [];
  } catch (error) {
    if (!(error instanceof SyndicError)) throw error;
    return error.problems.length > 0 ? [...error.problems] : [error];
  }
}
