// Scraped article text → the parts of a Syndic article. Pure: the command reads and writes.
//
// The scrapes look like tests/fixtures/seed/: a `##` headline, a byline list of authors and
// a date (often a link), then the article's Markdown. Anything above the headline is page
// furniture and is dropped.
import { isValid } from 'date-fns/isValid';
import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';
import type { Locale } from 'date-fns/locale';
import { dateLocale } from '../emit/date-locale.js';
import { SyndicError } from '../errors.js';
import type { Parsed } from '../parse.js';

export interface ImportedArticle {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Names from the byline, in order; empty when it names nobody (the site's author applies). */
  authors: string[];
  /** The article's Markdown, without the headline and byline. */
  body: string;
}

const HEADING = /^##\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s{0,3}[-*+]\s+(.*?)\s*$/;
const LINK = /^\[(.*)\]\([^)]*\)$/;
// Looks like a numeric date, so a typo in one is reported instead of becoming an author's name.
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;
// The locale's short, medium, long and full dates ("21/11/2024", "21 nov. 2024", "21 novembre 2024"…), then ISO.
const DATE_FORMATS = ['P', 'PP', 'PPP', 'PPPP', 'yyyy-MM-dd'];
// parse() fills missing parts from a reference; every format above has a full date, so any constant does.
const REFERENCE = new Date(0);

/** Reads one scraped article; `language` (the site's) decides how its dates are written. */
export function importArticle(text: string, file: string, language: string): Parsed<ImportedArticle> {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const problem = (line: number, message: string, hint: string): Parsed<never> => ({ ok: false, problems: [new SyndicError('INVALID_ARTICLE', message, { file, line, hint })] });

  const headingAt = lines.findIndex((line) => HEADING.test(line));
  if (headingAt < 0) return problem(1, 'no `##` title heading found', 'the headline must be a line starting with "## "');
  const title = HEADING.exec(lines[headingAt] ?? '')?.[1] ?? '';
  if (!title) return problem(headingAt + 1, 'the `##` title heading is empty', 'put the headline after "## "');

  let at = skipBlank(lines, headingAt + 1);
  const bylineAt = at;
  const byline: Array<{ text: string; line: number }> = [];
  for (let match = LIST_ITEM.exec(lines[at] ?? ''); match; match = LIST_ITEM.exec(lines[++at] ?? '')) {
    byline.push({ text: LINK.exec(match[1] ?? '')?.[1] ?? match[1] ?? '', line: at + 1 });
  }
  if (byline.length === 0) {
    return problem(bylineAt + 1, 'no byline list found under the title', 'list the author and the date under the headline, e.g. "- Peter van Halteren" and "- 21/11/2024"');
  }

  const locale = dateLocale(language);
  const problems: SyndicError[] = [];
  let date: string | undefined;
  const authors: string[] = [];
  for (const item of byline) {
    const day = date === undefined ? parseDay(item.text, locale) : undefined;
    if (day) date = day;
    else if (date === undefined && DATE_LIKE.test(item.text)) {
      problems.push(
        new SyndicError('INVALID_ARTICLE', `${JSON.stringify(item.text)} is not a date`, {
          file,
          line: item.line,
          hint: `write it as ${example(locale)} (the site's language is ${language}) or YYYY-MM-DD`,
        }),
      );
      date = '';
    } else if (item.text) authors.push(item.text);
  }
  if (date === undefined) {
    problems.push(new SyndicError('INVALID_ARTICLE', 'no date found in the byline list', { file, line: bylineAt + 1, hint: `add an item with the publication date, e.g. "- ${example(locale)}"` }));
  }
  const bodyLines = lines.slice(skipBlank(lines, at));
  while (bodyLines.length > 0 && (bodyLines.at(-1) ?? '').trim() === '') bodyLines.pop();
  if (bodyLines.length === 0) problems.push(new SyndicError('INVALID_ARTICLE', 'no article text found after the byline', { file, line: Math.min(at + 1, lines.length), hint: 'the scrape may be cut short: check the source page' }));

  if (problems.length > 0 || !date) return { ok: false, problems };
  return { ok: true, value: { title, date, authors, body: `${bodyLines.join('\n')}\n` } };
}

/** The date-fns locale for a BCP 47 tag: the exact tag, the language in its likeliest region, then the language. */
/** `YYYY-MM-DD` of a date written in one of the locale's ways, or undefined. */
export function parseDay(text: string, locale: Locale): string | undefined {
  for (const pattern of DATE_FORMATS) {
    const date = parse(text, pattern, REFERENCE, { locale });
    if (isValid(date)) return format(date, 'yyyy-MM-dd');
  }
  return undefined;
}

function example(locale: Locale): string {
  return format(new Date(2024, 10, 21), 'P', { locale });
}

function skipBlank(lines: readonly string[], from: number): number {
  let at = from;
  while (at < lines.length && (lines[at] ?? '').trim() === '') at += 1;
  return at;
}
