// A post of another generator (Jekyll, Hugo, Eleventy) → a Syndic article. Pure: the command
// walks the folder, reads and writes.
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import type { NewFrontmatter } from './article-text.js';
import { calendarDay, parseDate } from '../input/dates.js';
import { SyndicError } from '../errors.js';
import { languageProblem } from '../input/language.js';
import type { Site } from '../model.js';
import { fileSlug, slug as slugOf } from '../addresses/slug.js';

export const GENERATORS = ['jekyll', 'hugo', 'eleventy'] as const;
export type Generator = (typeof GENERATORS)[number];

export interface ConvertedPost {
  frontmatter: NewFrontmatter;
  body: string;
  /** `YYYY-MM-DD` in the site's zone, for the file name. */
  day: string;
  /** The instant, to recognise a post imported before. */
  date: Date;
  /** Fields Syndic has no place for, and what else it could not carry over. */
  unmapped: string[];
}

// Fields that only mean something to the generator's templates: dropped, and said so.
const LAYOUT_ONLY = new Set(['layout', 'type', 'weight', 'menu', 'toc', 'comments', 'sitemap', 'eleventyNavigation', 'eleventyExcludeFromCollections', 'pagination', 'permalink', 'url', 'aliases', 'tags_layout', 'share']);
const TAKEN = new Set(['title', 'date', 'updated', 'lastmod', 'last_modified_at', 'modified', 'author', 'authors', 'description', 'excerpt', 'summary', 'tags', 'categories', 'category', 'lang', 'language', 'draft', 'published', 'slug']);

/**
 * Maps a post's frontmatter: categories join tags, description or excerpt becomes summary,
 * Jekyll's `2024-11-21 10:00:00 +0100` becomes RFC 3339, TOML (`+++`) is read as such, and
 * the post's old address becomes its `id`, so readers who had it do not see it again.
 */
export function convertPost(text: string, relative: string, generator: Generator, site: Site): { ok: true; value: ConvertedPost } | { ok: false; problems: SyndicError[] } {
  const problem = (message: string, hint: string): { ok: false; problems: SyndicError[] } => ({ ok: false, problems: [new SyndicError('INVALID_ARTICLE', message, { file: relative, line: 1, hint })] });
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fence = /^(---|\+\+\+)[ \t]*\n/.exec(source)?.[1];
  if (!fence) return problem('has no frontmatter', 'a post starts with --- (YAML) or +++ (TOML)');
  const end = source.indexOf(`\n${fence}`, fence.length);
  if (end < 0) return problem(`frontmatter starting at line 1 is never closed by ${fence}`, `add a line "${fence}" after the last field`);
  const raw = source.slice(fence.length + 1, end + 1);
  const body = source.slice(source.indexOf('\n', end + 1) + 1).replace(/^\n+/, '');
  let data: Record<string, unknown>;
  try {
    data = fence === '+++' ? { ...parseToml(raw) } : asRecord(parseDocument(raw, { schema: 'core' }).toJS());
  } catch (error) {
    return problem(`its ${fence === '+++' ? 'TOML' : 'YAML'} frontmatter cannot be read (${String((error as Error).message).split('\n')[0]})`, 'fix it in the source, then import again');
  }
  const unmapped = Object.keys(data).filter((key) => !TAKEN.has(key)).map((key) => (LAYOUT_ONLY.has(key) ? `${key} (dropped)` : key));
  const title = typeof data.title === 'string' ? data.title.trim() : '';
  if (!title) return problem('has no title', 'add title: to the post, then import again');
  const stem = relative.replace(/^.*\//, '').replace(/\.(md|markdown)$/, '');
  const dateText = dateString(data.date) ?? /^(\d{4}-\d{2}-\d{2})-/.exec(stem)?.[1];
  const date = dateText === undefined ? undefined : parseDate(dateText, site.timezone);
  if (!dateText || !date) return problem(dateText ? `date ${JSON.stringify(dateText)} is not a date` : 'has no date', 'add date: YYYY-MM-DD to the post (Jekyll also reads it from a YYYY-MM-DD- file name)');
  const updatedText = dateString(data.updated ?? data.lastmod ?? data.last_modified_at ?? data.modified);
  const updated = updatedText === undefined ? undefined : parseDate(updatedText, site.timezone);
  if (updatedText !== undefined && (!updated || updated < date)) unmapped.push(`updated (${JSON.stringify(updatedText)} is not a date after date)`);
  const authors = list(data.author ?? data.authors, false).map((name) => ({ name }));
  const tags = [...new Set([...list(data.tags, generator === 'jekyll'), ...list(data.categories ?? data.category, generator === 'jekyll')])];
  const summary = [data.summary, data.description, data.excerpt].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const langText = [data.lang, data.language].find((value): value is string => typeof value === 'string');
  const lang = langText !== undefined && languageProblem(langText) === undefined ? langText : undefined;
  if (langText !== undefined && lang === undefined) unmapped.push(`lang (${JSON.stringify(langText)} is not a language tag)`);
  const draft = data.draft === true || data.published === false;
  const slug = typeof data.slug === 'string' ? slugOf(data.slug) : undefined;
  if (/\{%|\{\{/.test(body)) unmapped.push('template tags in the body ({% %} or {{ }}): they are shown as text');
  const day = calendarDay(date, site.timezone);
  const frontmatter: NewFrontmatter = {
    title,
    date: dateText,
    ...(updated && updated >= date && updatedText ? { updated: updatedText } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(summary === undefined ? {} : { summary: summary.trim() }),
    ...(tags.length > 0 ? { tags } : {}),
    ...(lang === undefined ? {} : { lang }),
    id: new URL(oldPermalink(data, stem, relative, generator, date, site), site.url).href,
    ...(slug ? { slug } : {}),
    ...(draft ? { draft: true } : {}),
  };
  return { ok: true, value: { frontmatter, body, day, date, unmapped } };
}

/**
 * Where the generator published the post: its `permalink` (or Hugo's `url`), else the
 * generator's default address. Jekyll: /:categories/:year/:month/:day/:title.html; Hugo:
 * /<section>/<slug or file name>/; Eleventy: /<path of the file>/.
 */
function oldPermalink(data: Record<string, unknown>, stem: string, relative: string, generator: Generator, date: Date, site: Site): string {
  const given = [data.permalink, data.url].find((value): value is string => typeof value === 'string' && value.trim() !== '' && !value.includes('{'));
  if (given) return given.trim();
  const name = typeof data.slug === 'string' ? data.slug : fileSlug(stem);
  const folders = relative.split('/').slice(0, -1);
  if (generator === 'jekyll') {
    const [year, month, day] = calendarDay(date, site.timezone).split('-');
    const categories = list(data.categories ?? data.category, true).map((category) => slugOf(category));
    return `/${[...categories, year, month, day].join('/')}/${stem.replace(/^\d{4}-\d{2}-\d{2}-/, '')}.html`;
  }
  if (generator === 'hugo') {
    const section = folders.filter((folder) => folder !== 'content')[0];
    return `/${section ? `${section}/` : ''}${name}/`;
  }
  const base = stem === 'index' ? folders : [...folders, stem];
  return `/${base.join('/')}${base.length > 0 ? '/' : ''}`;
}

/** A date as the generator wrote it, in Syndic's form: Jekyll's "2024-11-21 10:00:00 +0100" → "2024-11-21T10:00:00+01:00". */
export function dateString(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().replace(/\.000(?=[Z+-]|$)/, '');
  if (typeof value !== 'string') return undefined;
  const jekyll = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!jekyll) return value.trim();
  const [, day, time = '', zone] = jekyll;
  const seconds = time.length === 5 ? `${time}:00` : time;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${seconds}${offset}`;
}

/** A list field; Jekyll also reads a string as words separated by spaces. */
function list(value: unknown, words: boolean): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim()).filter(Boolean);
  if (typeof value === 'string') return (words ? value.split(/\s+/) : [value]).map((item) => item.trim()).filter(Boolean);
  return [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
