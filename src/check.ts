// Validation without output: check() reads and parses everything a build would, and writes
// nothing. settle() and duplicates() are the pure checks across articles a build also runs.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions } from './build.js';
import { failWith, SyndicError } from './errors.js';
import { load } from './load.js';
import type { Article, ArticleMeta, SourceFile } from './model.js';

export type CheckOptions = Pick<BuildOptions, 'root' | 'articlesDir' | 'settingsFile' | 'baseUrl' | 'timezone'>;

export interface CheckResult {
  /** Article files found. */
  articles: number;
  /** Every problem a build would stop on, in the order a build reports them; empty when all is well. */
  problems: SyndicError[];
}

/**
 * Validates the settings and every article, as a build would, without rendering or writing
 * anything (no output folder, no cache, no lock): for CI and pre-commit hooks.
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const root = path.resolve(options.root ?? '.');
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    return { articles: 0, problems: [new SyndicError('UNREADABLE', 'is not a folder', { file: root, hint: 'pass --root DIR, the folder that holds syndic.yaml and articles/' })] };
  }
  const loaded = await load({
    root,
    articlesDir: path.resolve(root, options.articlesDir ?? 'articles'),
    settingsFile: path.resolve(root, options.settingsFile ?? 'syndic.yaml'),
  });
  const files = loaded.articles.filter((file): file is SourceFile => 'text' in file);
  const { checkSettings, STAND_IN_SITE } = await import('./generate.js');
  const { parseArticle } = await import('./parse.js');
  const settings = loaded.settings ? checkSettings(loaded.settings, options) : undefined;
  const problems = [...loaded.problems, ...(settings && !settings.ok ? settings.problems : [])];
  if (!settings) return { articles: files.length, problems };
  // As in a build: broken settings still let every article be checked, against a stand-in site.
  const site = settings.ok ? settings.value : STAND_IN_SITE;
  const articles: Article[] = [];
  for (const file of files) {
    const parsed = parseArticle(file, site);
    if (parsed.ok) articles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  return { articles: files.length, problems: [...problems, ...duplicates(articles).problems] };
}

/** Throws unless the problems may be skipped; drops articles whose id or slug is taken. */
export function settle<T extends ArticleMeta>(articles: readonly T[], earlier: readonly SyndicError[], keepGoing: boolean | undefined): { articles: T[]; problems: SyndicError[] } {
  const clashes = duplicates(articles);
  const problems = [...earlier, ...clashes.problems];
  if (problems.length > 0 && !keepGoing) failWith(problems);
  return { articles: articles.filter((article) => !clashes.rejected.has(article)), problems };
}

/**
 * Two articles with one id would merge in readers; two with one slug would overwrite a
 * page. The first file by name keeps the id; later ones are `rejected`.
 */
export function duplicates<T extends ArticleMeta>(articles: readonly T[]): { problems: SyndicError[]; rejected: Set<T> } {
  const problems: SyndicError[] = [];
  const rejected = new Set<T>();
  for (const field of ['id', 'slug'] as const) {
    const seen = new Map<string, T>();
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

