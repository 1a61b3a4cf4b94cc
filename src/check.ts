// Validation without output: check() reads and parses everything a build would, and writes
// nothing. validate(), duplicates() and groupClashes() are the pure checks across articles a
// build also runs: ids, slugs and group folders must be unique.
import { stat } from 'node:fs/promises';
import type { CheckOptions, CheckResult } from './api.js';
import { failWith, fromData, SyndicError } from './errors.js';
import { load } from './load.js';
import { outputProblems, projectPaths, shown } from './paths.js';
import { readPublished } from './published-memory.js';
import type { Article, ArticleMeta, GroupKind, Site, SourceFile } from './model.js';
import { validate } from './validate.js';

export type { CheckOptions, CheckResult } from './api.js';

/**
 * Validates the settings and every article, as a build would, without rendering or writing
 * anything (no output folder, no cache, no lock): for CI and pre-commit hooks.
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const paths = projectPaths(options);
  const { root } = paths;
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    return { articles: 0, problems: [new SyndicError('UNREADABLE', 'is not a folder', { file: root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' })], warnings: [] };
  }
  const loaded = await load(paths);
  loaded.problems.unshift(...outputProblems(paths), ...(await publishedProblems(paths.publishedFile, shown(paths, paths.publishedFile))));
  const files = loaded.articles.filter((file): file is SourceFile => 'text' in file);
  const [{ checkSettings, parseArticle, STAND_IN_SITE }, { loadLanguageRegistry }] = await Promise.all([import('./parse.js'), import('./language.js')]);
  await loadLanguageRegistry();
  const settings = loaded.settings ? checkSettings(loaded.settings, options) : undefined;
  const problems = [...loaded.problems, ...(settings && !settings.ok ? settings.problems : [])];
  if (!settings) return { articles: files.length, problems, warnings: [] };
  // As in a build: broken settings still let every article be checked, against a stand-in site.
  const site = settings.ok ? settings.value : STAND_IN_SITE;
  const articles: Article[] = [];
  const { mayRenderLarge } = await import('./render-guard.js');
  const { LIMITS } = await import('./limits.js');
  for (const file of files) {
    const parsed = parseArticle(file, site);
    // As prepare() does in a build; the renderer loads only for an article that needs it.
    const tooLarge = parsed.ok && mayRenderLarge(parsed.value.markdown, LIMITS.htmlBytes) ? (await import('./parse-job.js')).renderProblem(parsed.value, site) : undefined;
    if (tooLarge) problems.push(tooLarge);
    else if (parsed.ok) articles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  if (!settings.ok) {
    const settled = validate(articles, problems, true);
    return { articles: files.length, problems: settled.problems, warnings: settled.notices };
  }
  // Local images, enclosures and the podcast cover, checked as a build checks them.
  const { findMedia } = await import('./media-step.js');
  const { resolved: media, podcast } = await findMedia(paths, articles, site);
  const found = [...problems, ...media.problems, ...(Array.isArray(podcast) ? podcast : [])];
  const valid = articles.filter((article) => !media.rejected.has(article.source));
  const settled = validate(valid, found, true, site.groups);
  const { podcastWarnings } = await import('./emit/podcast-warnings.js');
  return { articles: files.length, problems: settled.problems, warnings: [...settled.notices, ...podcastWarnings(valid, site, media)] };
}

/** Hook (retractions): a damaged syndic.published.json would stop the build, so check says so; it never writes it. */
async function publishedProblems(file: string, name: string): Promise<SyndicError[]> {
  try {
    await readPublished(file, name);
    return [];
  } catch (error) {
    if (!(error instanceof SyndicError)) throw error;
    return error.problems.length > 0 ? [...error.problems] : [error];
  }
}
