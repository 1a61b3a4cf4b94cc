// The single source of truth for site settings (syndic.yaml) and article frontmatter.
// Types are derived from these schemas; the README's tables document the same fields.
import { z } from 'zod';

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
const languageTag = z.string().refine(isLanguageTag, 'is not a BCP 47 language tag; use e.g. "fr" or "en-GB"');
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
  timezone: z.string().refine(isTimeZone, 'is not an IANA time zone; use e.g. "Europe/Brussels"').default('UTC'),
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
  /** Lead image, absolute URL or a path relative to the article page. Optional. */
  image: text.optional(),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type PersonInput = z.output<typeof personSchema>;
