// Old addresses that keep working after pages or group feeds moved (a new permalink default, new
// slug rules). The old address is computed, not remembered: Syndic 0.2.0 put an article at
// articles/<0.2.0 slug>.html and a group at tags|authors/<0.2.0 slug>/, and both are
// deterministic functions of the article and the name (see slug.ts `legacy`). Pure.
import type { ArticleMeta, GroupKind, Site } from '../model.js';
import { legacyGroupDir } from '../addresses/urls.js';
import { escapeAttribute as esc } from './escape.js';
import { linkFrom } from './pages.js';

export type Moved = Pick<ArticleMeta, 'page' | 'moved' | 'title' | 'lang' | 'date' | 'source'>;

/** A group feed that exists, with what its documents say. */
export interface MovedGroup {
  kind: GroupKind;
  name: string;
  dir: string;
  homeUrl: string;
  title: string;
}

// Redirect pages at the old addresses of moved article pages, and for each moved group the
// same three feed documents at its old folder (feed readers do not follow an HTML redirect,
// and the documents' self links name the new address, which readers that honour it adopt),
// plus a redirect page for its old index; documents.ts makes them. An old address that a
// current file already takes is left to that file.

/** The old address of each moved article page that no current file takes, with its article. */
export function movedPages<T extends Moved>(articles: readonly T[], taken: ReadonlySet<string>): Array<[string, T]> {
  // Two articles with one 0.2.0 page could not both build in 0.2.0: the older one had it.
  const byOld = new Map<string, T>();
  for (const article of [...articles].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.source < b.source ? -1 : 1))) {
    if (article.moved !== undefined && !byOld.has(article.moved)) byOld.set(article.moved, article);
  }
  return [...byOld].filter(([old]) => !taken.has(old));
}

/** Group folder → its 0.2.0 folder, for the groups whose folder moved to where no other group is. */
export function movedGroupCopies(groups: ReadonlyArray<Pick<MovedGroup, 'kind' | 'name' | 'dir'>>): Map<string, string> {
  const olds = new Map<string, string[]>();
  for (const group of groups) {
    const old = legacyGroupDir(group.kind, group.name);
    if (old !== group.dir) olds.set(old, [...(olds.get(old) ?? []), group.dir]);
  }
  const currentDirs = new Set(groups.map((group) => group.dir));
  const result = new Map<string, string>();
  for (const [old, [dir, ...others]] of olds) {
    // Two names that shared an old folder were a build error in 0.2.0: neither had it.
    if (dir !== undefined && others.length === 0 && !currentDirs.has(old)) result.set(dir, old);
  }
  return result;
}

/** A page that sends browsers and search engines on to `url`, and says where to people. */
export function redirectPage(here: string, url: string, title: string, lang: string, site: Site): string {
  const to = esc(linkFrom(here, url, site));
  return [
    '<!doctype html>',
    `<html lang="${esc(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    '</head>',
    '<body>',
    `<p><a href="${to}">${esc(title)}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
