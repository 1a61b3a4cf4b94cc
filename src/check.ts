// Checks across articles: ids, slugs and group folders must be unique. Pure.
import { failWith, SyndicError } from './errors.js';
import type { ArticleMeta, GroupKind, Site } from './model.js';
import { groupSlug } from './urls.js';

/** Throws unless the problems may be skipped; drops articles whose id, slug or group folder is taken. */
export function settle<T extends ArticleMeta>(
  articles: readonly T[],
  earlier: readonly SyndicError[],
  keepGoing: boolean | undefined,
  groups: Site['groups'] = { tag: false, author: false },
): { articles: T[]; problems: SyndicError[] } {
  const clashes = duplicates(articles);
  const kept = articles.filter((article) => !clashes.rejected.has(article));
  const folders = groupClashes(kept, groups);
  const problems = [...earlier, ...clashes.problems, ...folders.problems];
  if (problems.length > 0 && !keepGoing) failWith(problems);
  return { articles: kept.filter((article) => !folders.rejected.has(article)), problems };
}

/**
 * Tags and authors become folders named by their slug. Two names with one slug
 * ("Politique étrangère", "politique etrangere") would silently share a feed: reported.
 */
export function groupClashes<T extends ArticleMeta>(articles: readonly T[], groups: Site['groups']): { problems: SyndicError[]; rejected: Set<T> } {
  const problems: SyndicError[] = [];
  const rejected = new Set<T>();
  const fields = { tag: 'tags', author: 'author' } as const;
  for (const kind of ['tag', 'author'] as GroupKind[]) {
    if (groups[kind] === false) continue;
    const field = fields[kind];
    const seen = new Map<string, { name: string; source: string }>();
    for (const article of articles) {
      const names = kind === 'tag' ? article.tags : article.authors.map((person) => person.name);
      for (const name of names) {
        const slug = groupSlug(name);
        const first = seen.get(slug);
        const details = { file: article.source, line: article.lines[field], field };
        if (first && first.name !== name) {
          problems.push(
            new SyndicError('DUPLICATE', `${JSON.stringify(name)} and ${JSON.stringify(first.name)} (${first.source}) would share the feed folder ${slug}/`, {
              ...details,
              hint: `spell the ${kind} the same way in both articles, or make the names differ by more than case and accents`,
            }),
          );
          rejected.add(article);
        } else if (!first) seen.set(slug, { name, source: article.source });
      }
    }
  }
  return { problems, rejected };
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

