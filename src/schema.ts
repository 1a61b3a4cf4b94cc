// The single source of truth for site settings (syndic.yaml) and article frontmatter.
// Types are derived from these schemas; the README's tables document the same fields.
import mime from 'mime';
import { z } from 'zod';
import { APPLE_CATEGORIES } from './apple-categories.js';
import { languageProblem } from './language.js';
import { suggestTimeZone } from './messages.js';
import { DEFAULT_PERMALINK, permalinkProblem } from './permalink.js';

/** True when `tag` is a well-formed BCP 47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** True when `zone` is an IANA time zone this Node.js knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isAbsoluteUrl(value: string, schemes: readonly string[]): boolean {
  if (!URL.canParse(value)) return false;
  return schemes.includes(new URL(value).protocol);
}

// NFC, so the same accented title typed on two systems gives the same bytes in every feed.
const text = z.string().trim().normalize('NFC').min(1, 'must not be empty');
// Content-model checks with their own hints (issue 12): language tags against the IANA
// registry, time zones with a did-you-mean, and the permalink pattern.
const languageTag = z.string().superRefine((tag, ctx) => {
  const problem = languageProblem(tag);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint }, input: tag });
});
const timeZone = z.string().superRefine((zone, ctx) => {
  if (isTimeZone(zone)) return;
  const guess = suggestTimeZone(zone);
  ctx.addIssue({ code: 'custom', message: 'is not an IANA time zone', params: { hint: guess ? `did you mean ${guess}?` : 'use a name such as "Europe/Brussels" or "America/New_York"' }, input: zone });
});
const permalink = z.string().superRefine((pattern, ctx) => {
  const problem = permalinkProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { hint: `the default is ${DEFAULT_PERMALINK}; Syndic 0.2.0's pages were at articles/:slug.html` }, input: pattern });
});
const webUrl = z.string().refine((v) => isAbsoluteUrl(v, ['http:', 'https:']), 'is not an absolute http(s) URL');

/** A person: a bare name, or name with optional email and home page. */
export const personSchema = z.union([
  text,
  z.strictObject({
    /** Display name. Required. */
    name: text,
    /** Address shown in RSS `<author>` and Atom `<email>`. */
    email: z.email('is not an email address').optional(),
    /** Home page. */
    url: webUrl.optional(),
  }),
]);

/** A group of feeds: on, off, or on with its own limits. */
const groupSchema = z.union([
  z.boolean(),
  z.strictObject({
    /** Items per group feed. Default: the site's `feedLimit`. */
    feedLimit: z.number().int().min(1).max(100_000).optional(),
    /** Only groups with at least this many published articles get feeds. Default 1. */
    minArticles: z.number().int().min(1).optional(),
  }),
]);
/**
 * Where a media file is: an absolute http(s) URL, or a path relative to the project root (the
 * folder of syndic.yaml), which is copied into the output's media/ folder. A local path may not
 * climb out of the project.
 */
export function isMediaLocation(value: string): boolean {
  if (URL.canParse(value)) return isAbsoluteUrl(value, ['http:', 'https:']);
  if (value.startsWith('/') || value.includes('\\')) return false;
  return value.split('/').every((segment) => segment !== '..' && segment !== '');
}

const mediaLocation = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine(isMediaLocation, 'must be an absolute http(s) URL or a path inside the project, such as media/lead.jpg (no "..", no leading "/")');

/** True for a MIME type the mime database knows under this very name (so audio/mpeg, never audio/mp3). */
export function isCanonicalType(type: string): boolean {
  const extension = mime.getExtension(type);
  return extension !== null && mime.getType(extension) === type;
}

const mimeType = z.string().refine(isCanonicalType, 'is not a registered MIME type under its standard name; use e.g. audio/mpeg, video/mp4, application/pdf, image/jpeg');

/** Seconds, or "HH:MM:SS" / "MM:SS", as seconds. */
const duration = z.union([
  z.number().int().min(0),
  z
    .string()
    .regex(/^(?:\d+:)?[0-5]?\d:[0-5]\d$|^\d+$/, 'must be seconds or HH:MM:SS')
    .transform((text) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0)),
], { error: 'must be a number of seconds or a string "HH:MM:SS"' });

/** "News" or "News > Politics": one of Apple Podcasts' categories, optionally with a subcategory. */
export function isAppleCategory(value: string): boolean {
  const [top, sub, ...rest] = value.split('>').map((part) => part.trim());
  const subs = top === undefined ? undefined : APPLE_CATEGORIES[top];
  return subs !== undefined && rest.length === 0 && (sub === undefined || subs.includes(sub));
}

const podcastSchema = z.strictObject({
  /** Who Apple and Podcast Index contact about the show: itunes:owner. Required. */
  owner: z.strictObject({ name: text, email: z.email('is not an email address') }, { error: 'is required in podcast mode: add owner: {name: "…", email: "…"}' }),
  /** Cover art: square JPEG or PNG, 1400–3000 px. A URL or a local path. Required. */
  image: mediaLocation,
  /** Apple categories, "Top" or "Top > Sub". Required, at least one. */
  categories: z
    .array(z.string().trim().refine(isAppleCategory, 'is not an Apple Podcasts category; write e.g. "News" or "News > Politics" (see src/apple-categories.ts)'))
    .min(1, 'must name at least one Apple Podcasts category'),
  /** Whether the show has explicit content: itunes:explicit. Required. */
  explicit: z.boolean({ error: 'must be true or false' }),
  /** itunes:type: `episodic` (newest first) or `serial` (in order). Default `episodic`. */
  type: z.enum(['episodic', 'serial']).default('episodic'),
  /** podcast:locked: forbid other platforms from importing the show. Default false. */
  locked: z.boolean().default(false),
  /** itunes:author. Default: the site's author names. */
  author: text.optional(),
});

export const settingsSchema = z.strictObject({
  /** Feed and site title. Required. */
  title: text,
  /** One-sentence description, RSS `<description>` and Atom `<subtitle>`. Required. */
  description: text,
  /** Absolute base URL the site is served from. Required. */
  url: webUrl,
  /** Default BCP 47 language of articles. Required. */
  language: languageTag,
  /** IANA zone for dates written without a time or offset. Default `UTC`. */
  timezone: timeZone.default('UTC'),
  /** Where article pages go: tokens :year, :month, :day (in `timezone`) and :slug. Default `articles/:year/:month/:day/:slug.html`. */
  permalink: permalink.default(DEFAULT_PERMALINK),
  /** Default author of every article. Required. */
  author: z.union([personSchema, z.array(personSchema).min(1)]),
  /** Rights statement: RSS `<copyright>`, Atom `<rights>`. Optional. */
  copyright: text.optional(),
  /** Most recent items per feed. Default 20. */
  feedLimit: z.number().int().min(1).max(100_000).default(20),
  /** Feeds and a page for each tag and each author: `true`, `false`, or limits. Default both on. */
  groups: z
    .strictObject({
      /** `dist/tags/<slug>/`. Default true. */
      tags: groupSchema.default(true),
      /** `dist/authors/<slug>/`. Default true. */
      authors: groupSchema.default(true),
    })
    .default({ tags: true, authors: true }),
  /** RFC 5005 archive pages of `feedLimit` entries each, linked from every feed. Default false. */
  archive: z.boolean().default(false),
  /** WebSub hub URL(s) the feeds advertise and `build --ping` notifies. Optional. */
  hub: z.union([webUrl, z.array(webUrl).min(1)]).optional(),
  /** Turns the site feed into a podcast feed (Apple Podcasts, Podcast Index). Optional. */
  podcast: podcastSchema.optional(),
});

const dateString = z.string({ error: 'must be a date written as YYYY-MM-DD or an RFC 3339 date-time' });

export const frontmatterSchema = z.strictObject({
  /** Headline, plain text. Required. */
  title: z.string({ error: 'is required: add a line `title: "…"`' }).trim().normalize('NFC').min(1, 'must not be empty'),
  /** First publication, YYYY-MM-DD or RFC 3339. Required. */
  date: dateString,
  /** Last substantial change. Default: `date`. */
  updated: dateString.optional(),
  /** Author(s). Default: the site's author. */
  author: z.union([personSchema, z.array(personSchema).min(1)]).optional(),
  /** Plain-text summary for feed readers. Optional. */
  summary: text.optional(),
  /** Subjects. Default: none. */
  tags: z.array(text).optional(),
  /** BCP 47 language. Default: the site's language. */
  lang: languageTag.optional(),
  /** Permanent identifier, an absolute URI. Default: a tag: URI from the site host, date and file name. */
  id: z.string().refine((v) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) && URL.canParse(v), 'must be an absolute URI such as tag:example.org,2024:my-story').optional(),
  /** URL segment of the article page. Default: from the file name. */
  slug: z
    .string()
    .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*$/u, 'may use only lower-case letters, digits, "-" and "_", so it cannot leave the output folder')
    .optional(),
  /** Drafts are left out of every output. Default false. */
  draft: z.boolean().optional(),
  /** Lead image: a URL or project path, or {url, alt}. Optional. */
  image: z.union([mediaLocation, z.strictObject({ url: mediaLocation, alt: text.optional() })]).optional(),
  /** Attached audio, video or document. `length` and `type` are found for local files. Optional. */
  enclosure: z
    .strictObject({
      url: mediaLocation,
      /** Size in bytes. Default: the local file's size, else 0 (unknown). */
      length: z.number().int().min(0).optional(),
      /** MIME type. Default: from the mime database by the file's extension. */
      type: mimeType.optional(),
      /** Play time. Same as the top-level `duration`. */
      duration: duration.optional(),
    })
    .optional(),
  /** Play time of the enclosure, seconds or "HH:MM:SS": itunes:duration. Optional. */
  duration: duration.optional(),
  /** Episode number: itunes:episode. Optional. */
  episode: z.number().int().min(1).optional(),
  /** Season number: itunes:season. Optional. */
  season: z.number().int().min(1).optional(),
  /** itunes:episodeType: full, trailer or bonus. Default: none written (Apple reads full). */
  episodeType: z.enum(['full', 'trailer', 'bonus']).optional(),
  /** Transcript file (WebVTT, SRT, HTML, JSON or text), URL or project path: podcast:transcript. Optional. */
  transcript: mediaLocation.optional(),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type PersonInput = z.output<typeof personSchema>;
export type PodcastSettings = z.output<typeof podcastSchema>;
