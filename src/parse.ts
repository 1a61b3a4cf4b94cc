// Stage 2: text → validated Site and Article values. Pure: no I/O, no clock.
import matter from 'gray-matter';
import type { z } from 'zod';
import { quote, SyndicError, type ProblemData } from './errors.js';
import { calendarDay, readDate } from './input/dates.js';
import { LIMITS } from './input/limits.js';
import { markdownComplexity } from './render/guard.js';
import type { Article, Episode, GroupAbout, GroupSettings, ImageText, MediaRef, Person, Podcast, Site, SourceFile, Webfeeds } from './model.js';
import { frontmatterSchema, normalLocation, settingsSchema, type Frontmatter, type PersonInput, type PodcastSettings, type Settings } from './schema.js';
import { bodyReferences } from './media/references.js';
import { groupDir, groupSlug } from './addresses/urls.js';
import { readYaml, type YamlSource } from './input/yaml-source.js';
import { issueProblems, yamlSentences } from './input/messages.js';
import { DEFAULT_PERMALINK, permalinkPath } from './addresses/permalink.js';
import { fileSlug, legacy } from './addresses/slug.js';
import { correctedUpdated, retractionFields } from './retractions/fields.js';

export interface SettingsOverrides {
  url?: string;
  timezone?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: SyndicError[] };

/** Validates syndic.yaml, with command-line overrides taking precedence over the file. */
export function parseSettings(file: SourceFile, overrides: SettingsOverrides = {}): Parsed<Site> {
  const tooLarge = sizeProblem(file, LIMITS.settingsBytes, 'INVALID_SETTINGS', 'a settings file needs a few hundred bytes; move long texts out of it');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const source = readYaml(normalise(file.text), file.path, 1, 'INVALID_SETTINGS');
  if (source.problems.length > 0) return { ok: false, problems: yamlSentences(source.problems) };
  const data = { ...asRecord(source.data), ...overrides };
  const result = settingsSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = issueProblems(result.error.issues.flatMap(chosenBranch), source, file.path, 'INVALID_SETTINGS', Object.keys(settingsSchema.shape), settingsSchema);
    // An override is not in the file: point at the flag rather than at a misleading line.
    // A Map, not an object: a field named `constructor` or `__proto__` must not find Object's.
    const flags = new Map<string | undefined, string | undefined>([
      ['url', overrides.url === undefined ? undefined : '--base-url'],
      ['timezone', overrides.timezone === undefined ? undefined : '--timezone'],
    ]);
    return { ok: false, problems: problems.map((problem) => flagProblem(flags.get(problem.field), problem)) };
  }
  const settings = result.data;
  // The site's author is every article's default author, so it names a folder too.
  const folders = [...folderNameProblems({ author: settings.author }, source, file.path, 'INVALID_SETTINGS'), ...aboutProblems(settings.groups, source, file.path)];
  if (folders.length > 0) return { ok: false, problems: folders };
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
      pageSize: settings.pageSize,
      hubs: settings.hub === undefined ? [] : [settings.hub].flat(),
      // Only what differs from the defaults, so an explicit default and no setting give one Site (and one cache key).
      ...(settings.media?.keepMetadata ? { media: settings.media } : {}),
      ...(settings.podcast === undefined ? {} : { podcast: toPodcast(settings.podcast, source, file.path) }),
      ...(settings.id === undefined ? {} : { idAuthority: settings.id.authority }),
      ...presentation(settings),
    },
  };
}

/**
 * `groups.tags: {about: {…}}` is a map, so it is the object form of `true | false | {…}`: its own
 * problems ("about: must be a list") say more than the union's sentence. When exactly one branch
 * of a union took the input's type, its issues replace the union's.
 */
function chosenBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.path[0] !== 'groups') return [issue];
  const typed = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  const [only] = typed;
  if (typed.length !== 1 || only === undefined) return [issue];
  return only.map((inner) => {
    const path = [...issue.path, ...inner.path];
    // A map of names is what `about` must not be: a key such as __proto__ would meet Object's.
    if (inner.code === 'invalid_type' && inner.expected === 'array' && inner.path.at(-1) === 'about') {
      return { code: 'custom', path, input: inner.input, message: 'must be a list of {name: …} entries, not a map keyed by name', params: { hint: 'write each group as "- name: Politique" followed by its title:, description:, image: or feedContent:' } };
    }
    return { ...inner, path };
  });
}

/** Logo, icon, webfeeds and feedContent: only what is set or differs from the default (one Site, one cache key). */
function presentation(settings: Settings): Pick<Site, 'logo' | 'icon' | 'webfeeds' | 'feedContent'> {
  const given = settings.webfeeds;
  const webfeeds = given && defined({ ...given, related: given.related && (defined(given.related) as NonNullable<Webfeeds['related']>) });
  return {
    ...(settings.logo === undefined ? {} : { logo: settings.logo }),
    ...(settings.icon === undefined ? {} : { icon: settings.icon }),
    ...(webfeeds === undefined || Object.keys(webfeeds).length === 0 ? {} : { webfeeds }),
    ...(settings.feedContent === 'summary' ? { feedContent: 'summary' } : {}),
  };
}

/** The object without its undefined fields (exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Two `about` entries for one group (by folder: "Économie" and "economie" are one) would disagree. */
function aboutProblems(groups: Settings['groups'], source: YamlSource, file: string): SyndicError[] {
  const problems: SyndicError[] = [];
  for (const [key, kind] of [['tags', 'tag'], ['authors', 'author']] as const) {
    const kindSettings = groups[key];
    if (typeof kindSettings !== 'object') continue;
    const seen = new Map<string, string>();
    for (const [at, about] of (kindSettings.about ?? []).entries()) {
      const dir = groupDir(kind, about.name);
      const first = seen.get(dir);
      if (first === undefined) seen.set(dir, about.name);
      else problems.push(new SyndicError('INVALID_SETTINGS', `${quote(about.name)} is described twice (first as ${quote(first)}): both name the ${kind} folder ${dir}`, { file, line: source.lineOf(['groups', key, 'about', String(at), 'name']), field: `groups.${key}.about.${at}.name`, hint: 'keep one entry per group, and merge their fields' }));
    }
  }
  return problems;
}

function groupSettings(input: Settings['groups']['tags'], feedLimit: number): GroupSettings | false {
  if (input === false) return false;
  const limits = input === true ? {} : input;
  return {
    feedLimit: limits.feedLimit ?? feedLimit,
    minArticles: limits.minArticles ?? 1,
    ...(limits.feedContent === undefined ? {} : { feedContent: limits.feedContent }),
    ...(limits.about === undefined || limits.about.length === 0 ? {} : { about: limits.about.map((about) => defined({ ...about, image: about.image === undefined ? undefined : new URL(about.image).href }) as GroupAbout) }),
  };
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
    image: { location: normalLocation(podcast.image), file, line: source.lineOf(['podcast', 'image']), field: 'podcast.image' },
    categories: [...categories],
    explicit: podcast.explicit,
    type: podcast.type,
    locked: podcast.locked,
    ...(podcast.author === undefined ? {} : { author: podcast.author }),
    ...(podcast.guid === undefined ? {} : { guid: podcast.guid }),
    ...podcastingOf(podcast),
    ...(podcast.groups === undefined
      ? {}
      : {
          groups: podcast.groups.map(({ name, kind, guid, image }, at) => ({
            kind,
            name,
            line: source.lineOf(['podcast', 'groups', String(at), 'name']),
            ...(guid === undefined ? {} : { guid }),
            ...(image === undefined ? {} : { image: { location: normalLocation(image), file, line: source.lineOf(['podcast', 'groups', String(at), 'image']), field: `podcast.groups.${at}.image` } }),
          })),
        }),
  };
}

/** podcast:season and podcast:episode carry a number; their names alone would be dropped. */
function namedWithoutNumber(fm: Frontmatter, source: YamlSource, file: string): SyndicError[] {
  const pairs = [['seasonName', 'season'], ['episodeName', 'episode']] as const;
  return pairs
    .filter(([label, number]) => fm[label] !== undefined && fm[number] === undefined)
    .map(([label, number]) => new SyndicError('INVALID_ARTICLE', `names the ${number} but gives no ${number} number`, { file, line: source.lineOf([label]), field: label, hint: `add \`${number}: 1\` (the number), or remove \`${label}\`` }));
}

const CHANNEL_TAGS = ['funding', 'persons', 'location', 'license', 'medium', 'txt', 'podroll', 'updateFrequency', 'trailer', 'movedFrom', 'imageAlt', 'value'] as const satisfies ReadonlyArray<keyof PodcastSettings>;
const EPISODE_TAGS = ['soundbites', 'persons', 'seasonName', 'episodeName', 'alternateEnclosures', 'location', 'socialInteract', 'value'] as const;

/** Only the Podcasting 2.0 fields that are set, so an unset one changes no cache key. */
function podcastingOf(podcast: PodcastSettings): Pick<Podcast, 'podcasting'> {
  const set = CHANNEL_TAGS.filter((key) => podcast[key] !== undefined);
  return set.length === 0 ? {} : { podcasting: Object.fromEntries(set.map((key) => [key, podcast[key]])) };
}

function episodePodcasting(fm: Frontmatter): Pick<Episode, 'podcasting'> {
  const set = EPISODE_TAGS.filter((key) => fm[key] !== undefined);
  return set.length === 0 ? {} : { podcasting: Object.fromEntries(set.map((key) => [key, fm[key]])) };
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
  pageSize: 1,
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
  const tooLarge = sizeProblem(file, LIMITS.articleBytes, 'INVALID_ARTICLE', 'split it into several articles, or link to the long document instead of including it');
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const text = normalise(file.text);
  // gray-matter reads a language after the opening "---": "---js" would run the block through
  // its JavaScript engine, which is eval(), and "---toml" would throw. Only YAML gets that far.
  const language = /^---([^-\n][^\n]*)/.exec(text)?.[1]?.trim();
  if (language) return fail(file, 1, undefined, `opens its frontmatter with ${quote(`---${language}`)}`, 'Syndic reads YAML frontmatter only: make the first line exactly "---"');
  // Passing options also keeps gray-matter from caching every input in a module-level map.
  const split = matter(text, { language: 'yaml', engines: { yaml: { parse: () => ({}) } } });
  const fence = fenceProblem(text);
  if (fence) return fail(file, 1, undefined, fence.message, fence.hint);
  if (split.matter === undefined || !text.startsWith('---')) {
    return fail(file, 1, undefined, 'has no frontmatter', 'start the file with a "---" line, then title: and date:, then "---"');
  }
  const source = readYaml(split.matter, file.path, 1, 'INVALID_ARTICLE');
  if (source.problems.length > 0) return { ok: false, problems: yamlSentences(source.problems) };
  const raw = asRecord(source.data);
  const result = frontmatterSchema.safeParse(raw, { reportInput: true });
  const problems = result.success ? [] : issueProblems(result.error.issues, source, file.path, 'INVALID_ARTICLE', Object.keys(frontmatterSchema.shape), frontmatterSchema);
  // Dates are checked even when other fields fail, so one run reports everything.
  const dateAt = (field: 'date' | 'updated'): Date | undefined => {
    const value = raw[field];
    if (typeof value !== 'string') return undefined;
    const reading = readDate(value, site.timezone);
    if (reading.ok) return reading.date;
    problems.push(new SyndicError('INVALID_ARTICLE', `${quote(value)} ${reading.reason}`, { file: file.path, line: source.lineOf([field]), field, hint: reading.hint }));
    return undefined;
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
  if (result.success) problems.push(...namedWithoutNumber(result.data, source, file.path));
  if (result.success) problems.push(...folderNameProblems(result.data, source, file.path));
  // Hook (corrections and retractions): `retracted` and `correction` as dates.
  const retraction = result.success && date ? retractionFields(result.data, source, file.path, site.timezone, date) : { value: {}, problems: [] };
  problems.push(...retraction.problems);
  // Blank lines keep Markdown line numbers equal to file line numbers.
  const markdown = '\n'.repeat(text.slice(0, text.length - split.content.length).split('\n').length - 1) + split.content;
  const complex = markdownComplexity(markdown);
  if (complex) {
    problems.push(new SyndicError('INVALID_ARTICLE', `is too complex: its Markdown ${complex.reason}`, { file: file.path, line: complex.line, hint: 'simplify the Markdown there, or split the article' }));
  }
  if (!result.success || !date || !updated || problems.length > 0) return { ok: false, problems };
  const fm = result.data;
  // NFC: the same file name saved on macOS (NFD) and Linux gives the same id and slug.
  const stem = file.stem.normalize('NFC');
  const slug = fm.slug ?? fileSlug(stem);
  if (!slug) return fail(file, 1, 'slug', 'no slug can be made from the file name', 'add `slug: my-story`');
  const page = permalinkPath(site.permalink, slug, date, site.timezone);
  // Where 0.2.0 put it (articles/SLUG.html, with its slug rules): the old address keeps a redirect.
  const before = `articles/${fm.slug ?? legacy.fileSlug(file.stem)}.html`;
  const notices = split.content.trim() === '' && fm.draft !== true ? [emptyBody(file, text)] : [];

  const references = bodyReferences(markdown, file.path);
  return {
    ok: true,
    value: {
      source: file.path,
      id: fm.id ?? defaultId(site, date, stem),
      slug,
      page,
      ...(before === page || before === 'articles/.html' ? {} : { moved: before }),
      ...(notices.length === 0 ? {} : { notices }),
      title: fm.title,
      date,
      updated: correctedUpdated(updated, retraction.value),
      authors: fm.author === undefined ? site.authors : toPeople(fm.author),
      ...(fm.summary === undefined ? {} : { summary: fm.summary }),
      tags: fm.tags ?? [],
      lang: fm.lang ?? site.language,
      draft: fm.draft ?? false,
      ...media(fm, source, file.path),
      ...(references.length === 0 ? {} : { references }),
      ...retraction.value,
      lines: {
        id: fm.id === undefined ? 1 : source.lineOf(['id']),
        slug: fm.slug === undefined ? 1 : source.lineOf(['slug']),
        tags: fm.tags === undefined ? 1 : source.lineOf(['tags']),
        author: fm.author === undefined ? 1 : source.lineOf(['author']),
      },
      markdown,
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
  const ref = (location: string, path: string[]): MediaRef => ({ location: normalLocation(location), file, line: source.lineOf(path), field: path.join('.') });
  const image = typeof fm.image === 'string' ? ref(fm.image, ['image']) : fm.image && { ...ref(fm.image.url, ['image', 'url']), ...imageText(fm.image) };
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
    ...(fm.chapters === undefined ? {} : { chapters: ref(fm.chapters, ['chapters']) }),
    ...(fm.episodeImage === undefined ? {} : { image: ref(fm.episodeImage, ['episodeImage']) }),
    ...episodePodcasting(fm),
  };
  return {
    ...(image === undefined ? {} : { image }),
    ...(enclosure === undefined ? {} : { enclosure }),
    ...(Object.keys(episode).length === 0 ? {} : { episode }),
  };
}

function imageText(image: { alt?: string | undefined; caption?: string | undefined; credit?: string | undefined }): ImageText {
  return {
    ...(image.alt === undefined ? {} : { alt: image.alt }),
    ...(image.caption === undefined ? {} : { caption: image.caption }),
    ...(image.credit === undefined ? {} : { credit: image.credit }),
  };
}

/**
 * A tag: URI (RFC 4151) from the site's host, the publication day and the file name.
 * None of these change when a title, slug, URL scheme or trailing slash does, so readers
 * never see a retitled article twice. With `id.authority` pinned (syndic init writes it),
 * neither a new domain, --base-url nor --timezone changes it either.
 */
export function defaultId(site: Site, date: Date, stem: string): string {
  if (site.idAuthority !== undefined) return `tag:${site.idAuthority}:${encodeURIComponent(stem)}`;
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

/** A file over `limit` bytes, refused before YAML or Markdown spend time on it. */
function sizeProblem(file: SourceFile, limit: number, code: 'INVALID_ARTICLE' | 'INVALID_SETTINGS', hint: string): SyndicError | undefined {
  // Three bytes per UTF-16 unit at most: most files need no byte count at all.
  if (file.text.length * 3 <= limit || Buffer.byteLength(file.text) <= limit) return undefined;
  return new SyndicError(code, `is larger than ${limit / 1024} KiB (${Math.ceil(Buffer.byteLength(file.text) / 1024)} KiB)`, { file: file.path, line: 1, hint });
}

/**
 * Each tag and author becomes a folder named by its slug: one too long for a file system
 * (255 bytes) is refused here, with its line, rather than by the disk at write time. Symbols
 * are written by code point ("!!" → u21-21), three or more bytes each, so 86 of them were too many.
 */
function folderNameProblems(fm: Pick<Frontmatter, 'tags' | 'author'>, source: YamlSource, file: string, code: 'INVALID_ARTICLE' | 'INVALID_SETTINGS' = 'INVALID_ARTICLE'): SyndicError[] {
  const names = [...(fm.tags ?? []).map((tag) => ['tags', tag] as const), ...toPeople(fm.author ?? []).map((person) => ['author', person.name] as const)];
  return names.flatMap(([field, name]) => {
    const bytes = Buffer.byteLength(groupSlug(name));
    if (bytes <= LIMITS.slugBytes) return [];
    return [
      new SyndicError(code, `${quote(name)} makes a folder name of ${bytes} bytes, more than ${LIMITS.slugBytes}`, {
        file,
        line: source.lineOf([field]),
        field,
        hint: 'shorten it; letters and digits make the shortest folder names, symbols take several bytes each',
      }),
    ];
  });
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
