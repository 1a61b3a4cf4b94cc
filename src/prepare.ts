// Parse one changed article: the unit of work that worker processes can take over on large
// builds. Rendering waits until the page is written, so a cold build of a large archive
// never holds every rendered page at once. Pure.
import { toData, type ProblemData } from './errors.js';
import type { Article, Site, SourceFile } from './model.js';
import { parseArticle } from './parse.js';

export type Prepared = { path: string; ok: true; article: Article } | { path: string; ok: false; problems: ProblemData[] };

export function prepare(file: SourceFile, site: Site): Prepared {
  const parsed = parseArticle(file, site);
  return parsed.ok ? { path: file.path, ok: true, article: parsed.value } : { path: file.path, ok: false, problems: parsed.problems.map(toData) };
}
