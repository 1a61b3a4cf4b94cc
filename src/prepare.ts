// Parse and render one changed article: the CPU-heavy part of a build, and the unit of work
// that worker processes take over on large builds. Pure.
import { toData, type ProblemData } from './errors.js';
import type { Entry, Site, SourceFile } from './model.js';
import { parseArticle } from './parse.js';
import { render } from './render.js';

export type Prepared = { path: string; ok: true; entry: Entry } | { path: string; ok: false; problems: ProblemData[] };

export function prepare(file: SourceFile, site: Site): Prepared {
  const parsed = parseArticle(file, site);
  if (!parsed.ok) return { path: file.path, ok: false, problems: parsed.problems.map(toData) };
  return { path: file.path, ok: true, entry: render(parsed.value, site) };
}
