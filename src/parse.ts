// Stage 2: text → validated Site and Article values. Pure: no I/O, no clock.
import matter from 'gray-matter';
import { SyndicError, type ProblemData } from './errors.js';
import { calendarDay, parseDate } from './dates.js';
import type { Article, Episode, GroupSettings, MediaRef, Person, Podcast, Site, SourceFile } from './model.js';
import { frontmatterSchema, settingsSchema, type Frontmatter, type PersonInput, type PodcastSettings, type Settings } from './schema.js';
import { readYaml, type YamlSource } from './yaml-source.js';
import { issueProblems, yamlSentences } from './messages.js';
import { DEFAULT_PERMALINK, permalinkPath } from './permalink.js';
import { fileSlug, legacy } from './slug.js';

export interface SettingsOverrides {
  url?: string;
  timezone?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: SyndicError[] };

/** Validates syndic.yaml, with command-line overrides taking precedence over the file. */
export function parseSettings(file: SourceFile, overrides: SettingsOverrides = {}): Parsed<Site> {
  const source = readYaml(normalise(file.text), file.path, 1, 'INVALID_SETTINGS');
  if (source.problems.length > 0) return { ok: false, problems: yamlSentences(source.problems, normalise(file.text)) };
  const data = { ...asRecord(source.data), ...overrides };
  const result = settingsSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = issueProblems(result.error.issues, source, file.path, 'INVALID_SETTINGS', Object.keys(settingsSchema.shape), settingsSchema);
    // An override is not in the file: point at the flag rather than at a misleading line.
    const flags: Record<string, string | undefined> = {
      url: overrides.url === undefined ? undefined : '--base-url',
      timezone: overrides.timezone === undefined ? undefined : '--timezone',
    };
    return { ok: false, problems: problems.map((problem) => flagProblem(flags[problem.field ?? ''], problem)) };
  }
  const settings = result.data;
  return {
    ok: true,
    value: {
      title: settings.title,
      description: settings.description,
      url: settings.url.endsWith('/') ? settings.url : `${settings.url}/`,
      language: settings.language,
      timezone: settings.timezone,
      permalink: settings.permalink,
      authors: toPeople(settings.author),
      ...(settings.copyright === undefined ? {} : { copyright: settings.copyright }),
      feedLimit: settings.feedLimit,
      groups: { tag: groupSettings(settings.groups.tags, settings.feedLimit), author: groupSettings(settings.groups.authors, settings.feedLimit) },
      archive: settings.archive,
      hubs: settings.hub === undefined ? [] : [settings.hub].flat(),
      ...(settings.podcast === undefined ? {} : { podcast: toPodcast(settings.podcast, source, file.path) }),
    },
  };
}

function groupSettings(input: Settings['groups']['tags'], feedLimit: number): GroupSettings | false {
  if (input === false) return false;
  const limits = input === true ? {} : input;
  return { feedLimit: limits.feedLimit ?? feedLimit, minArticles: limits.minArticles ?? 1 };
}

function toPodcast(podcast: PodcastSettings, source: YamlSource, file: string): Podcast {
  // "News", "News > Politics" → [["News", ["Politics"]]], in the order first named.
  const categories = new Map<string, string[]>();
  for (const category of podcast.categories) {
    const [top = '', sub] = category.split('>').map((part) => part.trim());
    const subs = categories.get(top) ?? [];
    if (sub !== undefined && !subs.includes(sub)) subs.push(sub);
    categories.set(top, subs);
  }
  return {
    owner: podcast.owner,
    image: { location: podcast.image, file, line: source.lineOf(['podcast', 'image']), field: 'podcast.image' },
    categories: [...categories],
    explicit: podcast.explicit,
    type: podcast.type,
    locked: podcast.locked,
    ...(podcast.author === undefined ? {} : { author: podcast.author }),
  };
}

function flagProblem(flag: string | undefined, problem: SyndicError): SyndicError {
  if (flag === undefined) return problem;
  return new SyndicError('USAGE', `${flag} ${problem.message}`, problem.hint === undefined ? {} : { hint: problem.hint });
}

/** Only used to check articles when the real settings are broken; never reaches an output. */
export const STAND_IN_SITE: Site = {
  title: 'unused',
  description: 'unused',
  url: 'https://settings.invalid/',
  language: 'en',
  timezone: 'UTC',
  // The default: one that only flags articles that would clash under any dated permalink.
  permalink: DEFAULT_PERMALINK,
  authors: [{ name: 'unused' }],
  feedLimit: 1,
  groups: { tag: false, author: false },
  archive: false,
  hubs: [],
};

/** The settings file with the command line's overrides (`--base-url`, `--timezone`). */
export function checkSettings(settingsFile: SourceFile, options: { baseUrl?: string | undefined; timezone?: string | undefined }): Parsed<Site> {
  return parseSettings(settingsFile, {
    ...(options.baseUrl === undefined ? {} : { url: options.baseUrl }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
}

/** Validates one article's frontmatter and splits off its Markdown body. */
export function parseArticle(file: SourceFile, site: Site): Parsed<Article> {
  const text = normalise(file.text);
  // Passing options also keeps gray-matter from caching every input in a module-level map.
  const split = matter(text, { language: 'yaml', engines: { yaml: { parse: () => ({}) } } });
  const fence = fenceProblem(text);
  if (fence) return fail(file, 1, undefined, fence.message, fence.hint);
  if (split.matter === undefined || !text.startsWith('---')) {
    return fail(file, 1, undefined, 'has no frontmatter', 'start the file with a "---" line, then title: and date:, then "---"');
  }
  const source = readYaml(split.matter, file.path, 1, 'INVALID_ARTICLE');
  if (source.problems.length > 0) return { ok: false, problems: yamlSentences(source.problems, split.matter, 1) };
  const raw = asRecord(source.data);
  const result = frontmatterSchema.safeParse(raw, { reportInput: true });
  const problems = result.success ? [] : issueProblems(result.error.issues, source, file.path, 'INVALID_ARTICLE', Object.keys(frontmatterSchema.shape), frontmatterSchema);
  // Dates are checked even when other fields fail, so one run reports everything.
  const dateAt = (field: 'date' | 'updated'): Date | undefined => {
    const value = raw[field];
    if (typeof value !== 'string') return undefined;
    const date = parseDate(value, site.timezone);
    if (!date) {
      problems.push(
        new SyndicError('INVALID_ARTICLE', `${JSON.stringify(value)} is not a date`, {
          file: file.path,
          line: source.lineOf([field]),
          field,
          hint: 'use YYYY-MM-DD, or an RFC 3339 date-time such as 2024-11-21T09:30:00+01:00',
        }),
      );
    }
    return date;
  };
  const date = dateAt('date');
  const updated = raw.updated === undefined ? date : dateAt('updated');
  if (date && updated && updated < date) {
    problems.push(
      new SyndicError('INVALID_ARTICLE', `${String(raw.updated)} is earlier than date ${String(raw.date)}`, {
        file: file.path,
        line: source.lineOf(['updated']),
        field: 'updated',
        hint: '`updated` is the last change; it cannot come before first publication',
      }),
    );
  }
  if (result.success && result.data.duration !== undefined && result.data.enclosure?.duration !== undefined) {
    problems.push(
      new SyndicError('INVALID_ARTICLE', 'is given twice, here and as enclosure.duration', {
        file: file.path,
        line: source.lineOf(['duration']),
        field: 'duration',
        hint: 'keep one of the two',
      }),
    );
  }
  if (!result.success || !date || !updated || problems.length > 0) return { ok: false, problems };
  const fm = result.data;
  const slug = fm.slug ?? fileSlug(file.stem);
  if (!slug) return fail(file, 1, 'slug', 'no slug can be made from the file name', 'add `slug: my-story`');
  const page = permalinkPath(site.permalink, slug, date, site.timezone);
  // Where 0.2.0 put it (articles/SLUG.html, with its slug rules): the old address keeps a redirect.
  const before = `articles/${fm.slug ?? legacy.fileSlug(file.stem)}.html`;
  const notices = split.content.trim() === '' && fm.draft !== true ? [emptyBody(file, text)] : [];

  const bodyStart = text.length - split.content.length;
  return {
    ok: true,
    value: {
      source: file.path,
      id: fm.id ?? defaultId(site, date, file.stem),
      slug,
      page,
      ...(before === page || before === 'articles/.html' ? {} : { moved: before }),
      ...(notices.length === 0 ? {} : { notices }),
      title: fm.title,
      date,
      updated,
      authors: fm.author === undefined ? site.authors : toPeople(fm.author),
      ...(fm.summary === undefined ? {} : { summary: fm.summary }),
      tags: fm.tags ?? [],
      lang: fm.lang ?? site.language,
      draft: fm.draft ?? false,
      ...media(fm, source, file.path),
      lines: {
        id: fm.id === undefined ? 1 : source.lineOf(['id']),
        slug: fm.slug === undefined ? 1 : source.lineOf(['slug']),
        tags: fm.tags === undefined ? 1 : source.lineOf(['tags']),
        author: fm.author === undefined ? 1 : source.lineOf(['author']),
      },
      // Blank lines keep Markdown line numbers equal to file line numbers.
      markdown: '\n'.repeat(text.slice(0, bodyStart).split('\n').length - 1) + split.content,
    },
  };
}

/** A file whose frontmatter cannot even be found: TOML from Hugo, or a `---` never closed. */
function fenceProblem(text: string): { message: string; hint: string } | undefined {
  if (/^\+\+\+[ \t]*\n/.test(text)) return { message: 'TOML frontmatter is not supported; use YAML, or syndic import --from hugo', hint: 'syndic import --from hugo DIR converts a Hugo content folder' };
  if (/^---[ \t]*\n/.test(text) && !/\n---[ \t]*(?:\n|$)/.test(text.slice(3))) {
    return { message: 'frontmatter starting at line 1 is never closed by ---', hint: 'add a line "---" after the last field, before the article text' };
  }
  return undefined;
}

/** An article with nothing under its frontmatter publishes an empty entry: worth a warning. */
function emptyBody(file: SourceFile, text: string): ProblemData {
  return { code: 'INVALID_ARTICLE', message: 'has no text after its frontmatter; readers will get an empty entry', file: file.path, line: text.replace(/\n+$/, '').split('\n').length, hint: 'write the article below the closing ---, or add draft: true until it is ready' };
}

/** The frontmatter's media fields as references, each knowing the line it was named on. */
function media(fm: Frontmatter, source: YamlSource, file: string): Pick<Article, 'image' | 'enclosure' | 'episode'> {
  const ref = (location: string, path: string[]): MediaRef => ({ location, file, line: source.lineOf(path), field: path.join('.') });
  const image = typeof fm.image === 'string' ? ref(fm.image, ['image']) : fm.image && { ...ref(fm.image.url, ['image', 'url']), ...(fm.image.alt === undefined ? {} : { alt: fm.image.alt }) };
  const enclosure = fm.enclosure && {
    ...ref(fm.enclosure.url, ['enclosure', 'url']),
    ...(fm.enclosure.length === undefined ? {} : { length: fm.enclosure.length }),
    ...(fm.enclosure.type === undefined ? {} : { type: fm.enclosure.type }),
  };
  const duration = fm.duration ?? fm.enclosure?.duration;
  const episode: Episode = {
    ...(duration === undefined ? {} : { duration }),
    ...(fm.episode === undefined ? {} : { episode: fm.episode }),
    ...(fm.season === undefined ? {} : { season: fm.season }),
    ...(fm.episodeType === undefined ? {} : { episodeType: fm.episodeType }),
    ...(fm.transcript === undefined ? {} : { transcript: ref(fm.transcript, ['transcript']) }),
  };
  return {
    ...(image === undefined ? {} : { image }),
    ...(enclosure === undefined ? {} : { enclosure }),
    ...(Object.keys(episode).length === 0 ? {} : { episode }),
  };
}

/**
 * A tag: URI (RFC 4151) from the site's host, the publication day and the file name.
 * None of these change when a title, slug, URL scheme or trailing slash does, so readers
 * never see a retitled article twice.
 */
export function defaultId(site: Site, date: Date, stem: string): string {
  const host = new URL(site.url).hostname;
  return `tag:${host},${calendarDay(date, site.timezone)}:${encodeURIComponent(stem)}`;
}

function toPeople(input: PersonInput | PersonInput[]): Person[] {
  return (Array.isArray(input) ? input : [input]).map((person) => (typeof person === 'string' ? { name: person } : stripUndefined(person)));
}

function stripUndefined(person: { name: string; email?: string | undefined; url?: string | undefined }): Person {
  return {
    name: person.name,
    ...(person.email === undefined ? {} : { email: person.email }),
    ...(person.url === undefined ? {} : { url: person.url }),
  };
}

/** Editors on Windows add a BOM and CRLF; neither means anything to us. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function fail(file: SourceFile, line: number, field: string | undefined, message: string, hint: string): Parsed<never> {
  return { ok: false, problems: [new SyndicError('INVALID_ARTICLE', message, { file: file.path, line, ...(field ? { field } : {}), hint })] };
}
