// Parse one changed article: the unit of work that worker processes can take over on large
// builds. Rendering waits until the page is written, so a cold build of a large archive
// never holds every rendered page at once. Pure.
import { SyndicError, toData, type ProblemData } from '../errors.js';
import { LIMITS } from '../input/limits.js';
import type { Article, Site, SourceFile } from '../model.js';
import { parseArticle } from '../parse.js';
import { render } from '../render.js';
import { mayRenderLarge } from '../render/guard.js';

export type ParseResult = { path: string; ok: true; article: Article } | { path: string; ok: false; problems: ProblemData[] };

export function parseJob(file: SourceFile, site: Site): ParseResult {
  const parsed = parseArticle(file, site);
  if (!parsed.ok) return { path: file.path, ok: false, problems: parsed.problems.map(toData) };
  const tooLarge = renderProblem(parsed.value, site);
  return tooLarge ? { path: file.path, ok: false, problems: [toData(tooLarge)] } : { path: file.path, ok: true, article: parsed.value };
}

/**
 * A failure to render, found now rather than at page time, so `--keep-going` leaves the article
 * out and `check` reports it. Only the rare article that could render past the HTML limit is
 * rendered ahead (and again for its page); the others cost one scan.
 */
export function renderProblem(article: Article, site: Site): SyndicError | undefined {
  if (!mayRenderLarge(article.markdown, LIMITS.htmlBytes)) return undefined;
  try {
    render(article, site);
    return undefined;
  } catch (error) {
    if (error instanceof SyndicError) return error;
    throw error;
  }
}
