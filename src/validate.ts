// The validate stage: the checks across articles that a build and check() both run. Ids,
// slugs and group folders must be unique, and names must fit the filesystem. validate()
// throws unless the problems may be skipped (--keep-going).
import { failWith, fromData, SyndicError } from './errors.js';
import type { ArticleMeta, GroupKind, Site } from './model.js';
import { groupSlug } from './addresses/urls.js';

/** Throws unless the problems may be skipped; drops articles whose id, slug or group folder is taken. */
export function validate<T extends ArticleMeta>(
  articles: readonly T[],
  earlier: readonly SyndicError[],
  keepGoing: boolean | undefined,
  groups: Site['groups'] = { tag: false, author: false },
): { articles: T[]; problems: SyndicError[]; notices: SyndicError[] } {
  const names = nameLimits(articles, groups);
  const clashes = duplicates(articles.filter((article) => !names.rejected.has(article)));
  const kept = articles.filter((article) => !names.rejected.has(article) && !clashes.rejected.has(article));
  const folders = groupClashes(kept, groups);
  const problems = [...earlier, ...names.problems, ...clashes.problems, ...folders.problems];
  if (problems.length > 0 && !keepGoing) failWith(problems);
  return { articles: kept.filter((article) => !folders.rejected.has(article)), problems, notices: [...noticesOf(articles), ...clashes.notices] };
}

/** The warnings articles carry from parsing (an empty body): never a reason to stop. */
export function noticesOf(articles: readonly ArticleMeta[]): SyndicError[] {
  return articles.flatMap((article) => (article.notices ?? []).map(fromData));
}

// Most filesystems (ext4, APFS, NTFS, btrfs) allow 255 bytes per file name; past it a write
// fails with ENAMETOOLONG. A page is SLUG.html, a group a folder named by its slug.
export const NAME_BYTES_MAX = 255;

/** Slugs and group names whose file or folder name the filesystem could not hold. */
export function nameLimits<T extends ArticleMeta>(articles: readonly T[], groups: Site['groups']): { problems: SyndicError[]; rejected: Set<T> } {
  const problems: SyndicError[] = [];
  const rejected = new Set<T>();
  const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
  for (const article of articles) {
    const refuse = (field: 'slug' | 'tags' | 'author', name: string, made: string): void => {
      problems.push(
        new SyndicError('INVALID_ARTICLE', `${made} is ${bytes(name)} bytes long; file names may have at most ${NAME_BYTES_MAX} bytes`, {
          file: article.source,
          line: article.lines[field],
          field,
          hint: field === 'slug' ? 'give the article a shorter `slug:` (or a shorter file name)' : `shorten the ${field === 'tags' ? 'tag' : 'author name'}`,
        }),
      );
      rejected.add(article);
    };
    const page = `${article.slug}.html`;
    if (bytes(page) > NAME_BYTES_MAX) refuse('slug', page, 'the page name SLUG.html');
    for (const [kind, field, names] of [
      ['tag', 'tags', article.tags],
      ['author', 'author', article.authors.map((person) => person.name)],
    ] as const) {
      if (groups[kind] === false) continue;
      for (const name of names) {
        const slug = groupSlug(name);
        if (bytes(slug) > NAME_BYTES_MAX) refuse(field, slug, `the folder name made from ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}`);
      }
    }
  }
  return { problems, rejected };
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
 * Two articles with one id would merge in readers; two with one page would overwrite it.
 * The first file by name keeps the id; later ones are `rejected`. A draft that shares a page
 * with another article is only a notice: it publishes nothing, and it may get its own day yet.
 */
export function duplicates<T extends ArticleMeta>(articles: readonly T[]): { problems: SyndicError[]; rejected: Set<T>; notices: SyndicError[] } {
  const problems: SyndicError[] = [];
  const notices: SyndicError[] = [];
  const rejected = new Set<T>();
  for (const field of ['id', 'slug'] as const) {
    const seen = new Map<string, T>();
    for (const article of articles) {
      const key = field === 'slug' ? article.page.normalize('NFC') : article[field];
      const first = seen.get(key);
      if (first && field === 'slug' && (first.draft || article.draft)) {
        notices.push(
          new SyndicError('DUPLICATE', `the draft ${first.draft ? first.source : article.source} would have the page ${article.page}, which ${first.draft ? article.source : first.source} already has`, {
            file: article.source,
            line: article.lines.slug,
            field,
            hint: 'before publishing the draft, rename its file or give it its own `slug:`',
          }),
        );
        if (first.draft && !article.draft) seen.set(key, article);
      } else if (first) {
        const what = field === 'slug' ? `the page ${article.page}` : JSON.stringify(article.id);
        problems.push(
          new SyndicError('DUPLICATE', `${what} is already used by ${first.source}`, {
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
  return { problems, rejected, notices };
}
