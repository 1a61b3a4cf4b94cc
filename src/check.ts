// Checks across articles: ids and slugs must be unique. Pure.
import { failWith, SyndicError } from './errors.js';
import type { ArticleMeta } from './model.js';

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

