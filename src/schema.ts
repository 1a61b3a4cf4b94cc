// The single source of truth for site settings (syndic.yaml) and article frontmatter.
// Types are derived from these schemas; the README's tables document the same fields.
import mime from 'mime';
import { z } from 'zod';
import { APPLE_CATEGORIES } from './input/apple-categories.js';
import { PERSON_TAXONOMY } from './emit/person-taxonomy.js';
import { LIMITS } from './input/limits.js';
import { languageProblem } from './input/language.js';
import { suggestTimeZone } from './input/messages.js';
import { DEFAULT_PERMALINK, permalinkProblem } from './addresses/permalink.js';

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

// Control, format (zero-width, bidi marks) and separator characters, and the fillers that
// render as nothing: a title made only of these passes a "not empty" test and shows blank.
const INVISIBLE = /^[\p{C}\p{Z}\s\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]*$/u;

/** True when `value` has at least one character a reader can see. */
export function isVisible(value: string): boolean {
  return !INVISIBLE.test(value);
}

/** Plain text of at most `max` characters, with something visible in it. */
function plainText(max: number) {
  // NFC, so the same accented title typed on two systems gives the same bytes in every feed.
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty', abort: true })
    .max(max, { error: `is longer than ${max} characters`, abort: true })
    .refine(isVisible, 'has no visible character: only spaces, control or invisible characters such as zero-width spaces');
}

const text = plainText(LIMITS.prose);
const title = plainText(LIMITS.title);
const name = plainText(LIMITS.name);
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

/** An absolute http(s) URL, written back as WHATWG URL serialisation (`HTTPS://Hub.Example` → `https://hub.example/`). */
const webUrl = z
  .string()
  .trim()
  .max(LIMITS.address, { error: `is longer than ${LIMITS.address} characters`, abort: true })
  .refine((v) => isAbsoluteUrl(v, ['http:', 'https:']), { error: 'is not an absolute http(s) URL', abort: true })
  .transform((v) => new URL(v).href);

/**
 * The site's base URL: every link is built beneath it, so credentials would be published in
 * every link, and a query or fragment would end up in the middle of them.
 */
const siteUrl = webUrl
  .refine((v) => { const url = new URL(v); return url.username === '' && url.password === ''; }, { error: 'must not contain a user name or password', abort: true })
  .refine((v) => !v.includes('?') && !v.includes('#'), 'must not have a query (?…) or a fragment (#…): write the folder the site is served from, such as https://example.org/news/');

const email = z.email('is not an email address').max(254, 'is longer than 254 characters, the longest address email allows');

/** A person: a bare name, or name with optional email and home page. */
export const personSchema = z.union([
  name,
  z.strictObject({
    /** Display name. Required. */
    name,
    /** Address shown in RSS `<author>` and Atom `<email>`. */
    email: email.optional(),
    /** Home page. */
    url: webUrl.optional(),
  }),
]);

/** One person or a list of them. */
const people = z.union([personSchema, z.array(personSchema).min(1, 'must name at least one author').max(LIMITS.authors, `lists more than ${LIMITS.authors} authors`)], {
  error: `must be a name, {name, email, url}, or a list of up to ${LIMITS.authors} of them; each name at most ${LIMITS.name} characters`,
});

// --- feed presentation (issue 15: feedContent, per-group titles, logo, webfeeds) ---
/** `full`: the article's HTML in every feed; `summary`: the summary (else the excerpt) and the link. */
const feedContent = z.enum(['full', 'summary'], { error: 'must be full or summary' });

// Inside `groups`, whose default zod's JSON Schema drops when any field transforms: the URL is
// checked here and written back in WHATWG form by parse.ts.
const groupImageUrl = z
  .string()
  .trim()
  .max(LIMITS.address, { error: `is longer than ${LIMITS.address} characters`, abort: true })
  .refine((v) => isAbsoluteUrl(v, ['http:', 'https:']), 'is not an absolute http(s) URL');

/**
 * One tag's or author's own title, description and image, in a list of `{name: …}` entries:
 * never object keys, where a name like `__proto__` or `constructor` would meet Object's.
 */
const groupAbout = z.strictObject({
  /** The tag or author name, as the articles write it. Required. */
  name,
  /** Its feed's and page's title. Default: "NAME · site title". */
  title: title.optional(),
  /** Its feed's and page's description. Default: "NAME · site description". */
  description: text.optional(),
  /** Its picture, an absolute http(s) URL: RSS <image>, Atom <logo>, webfeeds:logo, its page. Default: the site's `logo`. */
  image: groupImageUrl.optional(),
  /** `full` or `summary` for this group's feed. Default: the kind's, else the site's. */
  feedContent: feedContent.optional(),
});

/** Feedly's webfeeds: elements besides logo and icon (those come from `logo` and `icon`). */
const webfeedsSchema = z.strictObject({
  /** A large image Feedly shows at the top of the feed: webfeeds:cover. An absolute http(s) URL. */
  cover: webUrl.optional(),
  /** The site's colour in Feedly, six hex digits: webfeeds:accentColor. */
  accentColor: z.string().trim().regex(/^#?[0-9A-Fa-f]{6}$/, 'must be a colour of six hex digits, such as 2A6EBB').transform((colour) => colour.replace(/^#/, '').toUpperCase()).optional(),
  /** webfeeds:related: `{layout: card, target: browser}` shows items as cards and opens them on the site. */
  related: z.strictObject({ layout: z.enum(['card']).optional(), target: z.enum(['browser']).optional() }).optional(),
});
// --- end feed presentation ---

/** A group of feeds: on, off, or on with its own limits. */
const groupSchema = z.union([
  z.boolean(),
  z.strictObject({
    /** Items per group feed. Default: the site's `feedLimit`. */
    feedLimit: z.number().int().min(1).max(100_000).optional(),
    /** Only groups with at least this many published articles get feeds. Default 1. */
    minArticles: z.number().int().min(1).optional(),
    /** `full` or `summary` for this kind's feeds. Default: the site's `feedContent`. */
    feedContent: feedContent.optional(),
    /** Per-group title, description, image and feedContent: a list of {name, title, description, image, feedContent}. */
    about: z.array(groupAbout).max(1_000, 'lists more than 1000 groups').optional(),
  }),
], { error: 'must be true, false or {feedLimit: N, minArticles: N, feedContent: full|summary, about: [{name: …}]}' });

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

/** `./images/./a.png` is `images/a.png`: one file, one probe, one copy and one output path. */
export function normalLocation(location: string): string {
  return URL.canParse(location) ? location : location.split('/').filter((segment) => segment !== '.').join('/') || '.';
}

const mediaLocation = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(LIMITS.address, { error: `is longer than ${LIMITS.address} characters`, abort: true })
  .refine(isMediaLocation, 'must be an absolute http(s) URL or a path inside the project, such as media/lead.jpg (no "..", no leading "/")');

/** True for a MIME type the mime database knows under this very name (so audio/mpeg, never audio/mp3). */
export function isCanonicalType(type: string): boolean {
  const extension = mime.getExtension(type);
  return extension !== null && mime.getType(extension) === type;
}

const mimeType = z.string().refine(isCanonicalType, 'is not a registered MIME type under its standard name; use e.g. audio/mpeg, video/mp4, application/pdf, image/jpeg');

const DURATION_TOO_LONG = `is longer than ${LIMITS.durationSeconds} seconds (999:59:59)`;

/** Seconds, or "HH:MM:SS" / "MM:SS", as seconds, at most 999:59:59 (so never 3.6e+33 in itunes:duration). */
const duration = z.union([
  z.number().max(LIMITS.durationSeconds, { error: DURATION_TOO_LONG, abort: true }).int().min(0),
  z
    .string()
    .regex(/^(?:\d{1,3}:)?[0-5]?\d:[0-5]\d$|^\d{1,7}$/, 'must be seconds or HH:MM:SS, at most 999:59:59')
    .transform((text) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0))
    .refine((seconds) => seconds <= LIMITS.durationSeconds, DURATION_TOO_LONG),
], { error: 'must be a number of seconds or a string "HH:MM:SS", at most 999:59:59' });

/** "News" or "News > Politics": one of Apple Podcasts' categories, optionally with a subcategory. */
export function isAppleCategory(value: string): boolean {
  const [top, sub, ...rest] = value.split('>').map((part) => part.trim());
  const subs = top === undefined ? undefined : APPLE_CATEGORIES[top];
  return subs !== undefined && rest.length === 0 && (sub === undefined || subs.includes(sub));
}

// ---- Identity that `syndic init` pins into syndic.yaml (src/commands/init.ts) ----

/** An RFC 4151 tagging entity: a domain name or an email address, a comma, and a date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function isTaggingEntity(value: string): boolean {
  const [name = '', date = '', ...rest] = value.split(',');
  const domain = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i.test(name);
  const email = /^[^@\s,:]+@[^@\s,:]+$/.test(name);
  return rest.length === 0 && (domain || email) && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date);
}

const idSettingsSchema = z.strictObject({
  /** The tag: authority of every default id, host and year: ids become tag:AUTHORITY:<file name>. Default: none (the site host and each article's day). */
  authority: z.string().refine(isTaggingEntity, 'must be a domain and a year, such as news.example.org,2024'),
});

/** podcast:guid, written once by `syndic init --podcast` so a move keeps the show's identity. */
const podcastGuidSchema = z.uuid('is not a UUID such as 917393e3-1b1e-5cef-ace4-edaa54e1f810');

// ---- end of init's block ----


// ---- Podcasting 2.0 (https://podcasting2.org/docs/podcast-namespace): channel and episode tags ----

const PERSON_GROUPS = Object.keys(PERSON_TAXONOMY).map((group) => group.toLowerCase());
const PERSON_ROLES = new Set(Object.values(PERSON_TAXONOMY).flat().map((role) => role.toLowerCase()));

/** podcast:person: a name, with a role and group from the namespace's taxonomy (default host, cast). */
const podcastPerson = z
  .strictObject({
    name,
    role: z.string().trim().toLowerCase().refine((role) => PERSON_ROLES.has(role), 'is not a role of the Podcasting 2.0 taxonomy, such as host, guest, producer or editor').optional(),
    group: z.string().trim().toLowerCase().refine((group) => PERSON_GROUPS.includes(group), `is not a group of the Podcasting 2.0 taxonomy: one of ${Object.keys(PERSON_TAXONOMY).join(', ')}`).optional(),
    /** A picture of the person. */
    img: webUrl.optional(),
    /** Their page. */
    href: webUrl.optional(),
  })
  .superRefine((person, ctx) => {
    if (person.role === undefined || person.group === undefined) return;
    const roles = Object.entries(PERSON_TAXONOMY).find(([group]) => group.toLowerCase() === person.group)?.[1] ?? [];
    if (roles.some((role) => role.toLowerCase() === person.role)) return;
    ctx.addIssue({ code: 'custom', path: ['role'], message: `is not a role of the group ${person.group}`, params: { hint: `its roles: ${roles.join(', ').toLowerCase()}; or leave out \`group\` and apps find it` }, input: person.role });
  });
const podcastPeople = z.array(podcastPerson).min(1, 'must name at least one person').max(LIMITS.authors, `lists more than ${LIMITS.authors} people`);

/** podcast:location: a place name, what it is to the show, and optionally its geo: URI and OSM id. */
const podcastLocation = z.strictObject({
  name: plainText(128),
  rel: z.enum(['subject', 'creator']).optional(),
  geo: z.string().trim().regex(/^geo:-?\d{1,2}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?(?:,-?\d+(?:\.\d+)?)?(?:;u=\d+(?:\.\d+)?)?$/, 'is not an RFC 5870 geo: URI such as geo:50.8467,4.3525').optional(),
  osm: z.string().trim().regex(/^[NWR]\d+(?:#\d+)?$/, 'is not an OpenStreetMap id: N, W or R and the number, such as R54094').optional(),
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'is not an ISO 3166-1 two-letter country code such as BE').optional(),
});

/**
 * podcast:value (value/value.md of the namespace): where listeners' payments go. Each
 * recipient's `split` is its number of shares; a `fee: true` recipient's split is a percentage
 * taken off the top first, so fees must leave something for the others.
 */
const podcastValue = z
  .strictObject({
    /** The payment layer. Default lightning. */
    type: z.enum(['lightning', 'hive', 'webmonetization']).default('lightning'),
    /** How payments are sent. Default keysend. */
    method: z.enum(['keysend', 'lnaddress', 'amp', 'ILP']).default('keysend'),
    /** A suggested amount per minute of listening, in the layer's unit, such as "0.00000005000" (BTC). */
    suggested: z.string().trim().regex(/^\d{1,12}(?:\.\d{1,12})?$/, 'is not an amount such as "0.00000005000"').optional(),
    recipients: z
      .array(
        z
          .strictObject({
            name: plainText(128).optional(),
            /** `node` (a Lightning node's public key), `lnaddress` (name@host) or `wallet`. */
            type: z.enum(['node', 'lnaddress', 'wallet']),
            address: z.string().trim().min(1, 'is empty').max(256, 'is longer than 256 characters'),
            /** Shares of each payment; for a fee, a percentage of it. */
            split: z.number({ error: 'must be a whole number of shares, such as 90' }).int('must be a whole number of shares, such as 90').min(1, 'must be at least 1 share').max(100_000, 'is more than 100000 shares'),
            /** A fee (an app's or a host's): its split is a percentage taken off the top. Default false. */
            fee: z.boolean({ error: 'must be true or false' }).optional(),
            customKey: plainText(128).optional(),
            customValue: plainText(256).optional(),
          })
          .superRefine((recipient, ctx) => {
            if (recipient.type === 'node' && !/^0[23][0-9a-f]{64}$/i.test(recipient.address)) {
              ctx.addIssue({ code: 'custom', path: ['address'], message: 'is not a Lightning node public key (66 hexadecimal digits starting 02 or 03)', input: recipient.address });
            }
            if (recipient.type === 'lnaddress' && !/^[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(recipient.address)) {
              ctx.addIssue({ code: 'custom', path: ['address'], message: 'is not a Lightning address such as syndic@getalby.com', input: recipient.address });
            }
            if (recipient.fee === true && recipient.split > 100) ctx.addIssue({ code: 'custom', path: ['split'], message: 'is more than 100: a fee\'s split is a percentage', input: recipient.split });
            if (recipient.customValue !== undefined && recipient.customKey === undefined) ctx.addIssue({ code: 'custom', path: ['customValue'], message: 'needs a customKey to go with it', input: recipient.customValue });
          }),
      )
      .min(1, 'must name at least one recipient')
      .max(50, 'lists more than 50 recipients'),
  })
  .superRefine((value, ctx) => {
    const fees = value.recipients.filter((recipient) => recipient.fee === true).reduce((sum, recipient) => sum + recipient.split, 0);
    if (!value.recipients.some((recipient) => recipient.fee !== true)) {
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'has only fees: a payment would go to no one but them', params: { hint: 'add the show\'s own recipients, without `fee: true`' }, input: value.recipients });
    } else if (fees >= 100) {
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: `takes ${fees} % in fees, which leaves nothing for the other recipients`, params: { hint: 'fee splits are percentages taken off the top: keep their sum under 100' }, input: value.recipients });
    }
  });

const SOCIAL_PROTOCOLS = ['disabled', 'activitypub', 'twitter', 'lightning', 'atproto', 'hive', 'matrix', 'nostr', 'xmpp'] as const;

/** The channel's Podcasting 2.0 tags, in syndic.yaml under `podcast:`. */
const podcastingChannel = {
  /** podcast:funding: where listeners support the show. */
  funding: z.array(z.strictObject({ url: webUrl, text: plainText(128) })).max(10, 'lists more than 10 funding links').optional(),
  /** podcast:person: hosts and crew of the whole show. */
  persons: podcastPeople.optional(),
  /** podcast:location: where the show is about or made. */
  location: podcastLocation.optional(),
  /** podcast:license: an SPDX identifier such as CC-BY-4.0, and the licence's URL for others. */
  license: z.strictObject({ name: z.string().trim().regex(/^[A-Za-z0-9.+-]{1,128}$/, 'must be a licence identifier such as CC-BY-4.0 (SPDX)'), url: webUrl.optional() }).optional(),
  /** podcast:medium. Default: podcast (none written). */
  medium: z.enum(['podcast', 'music', 'video', 'film', 'audiobook', 'newsletter', 'blog', 'course']).optional(),
  /** podcast:txt: free text such as a platform's verification code, with its purpose. */
  txt: z.array(z.strictObject({ text: plainText(4000), purpose: plainText(128).optional() })).max(10, 'lists more than 10 txt entries').optional(),
  /** podcast:podroll: shows the podcast recommends, by their podcast:guid. */
  podroll: z.array(z.strictObject({ feedGuid: z.uuid('is not a podcast:guid (a UUID)'), feedUrl: webUrl.optional() })).min(1, 'must name at least one show').max(100, 'lists more than 100 shows').optional(),
  /** podcast:updateFrequency: the release schedule in words, with an RFC 5545 rule for apps. */
  updateFrequency: z.strictObject({
    text: plainText(128),
    rrule: z.string().trim().regex(/^FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;[A-Z]+=[A-Z0-9,+-]+)*$/, 'is not an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=FR').optional(),
    complete: z.boolean({ error: 'must be true or false' }).optional(),
  }).optional(),
  /** podcast:trailer: a trailer's audio (an http(s) URL), title and publication date. */
  trailer: z.array(z.strictObject({
    url: webUrl,
    title: plainText(128),
    pubdate: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date such as 2024-11-01T08:00:00+01:00'),
    type: mimeType.optional(),
    length: z.number().int().min(0).optional(),
    season: z.number().int().min(1).optional(),
  })).max(10, 'lists more than 10 trailers').optional(),
  /** The show's previous feed URL: writes itunes:new-feed-url so apps follow the move. */
  movedFrom: webUrl.optional(),
  /** Text alternative of the cover, for podcast:image. */
  imageAlt: text.optional(),
  /** podcast:value: payments to the show, split between recipients. */
  value: podcastValue.optional(),
  /** Tag or author feeds that are podcasts of their own: a list of {name, kind, guid, image}. */
  groups: z.array(z.strictObject({
    /** The tag or author name, as the articles write it. */
    name,
    /** `tag` (default) or `author`. */
    kind: z.enum(['tag', 'author']).default('tag'),
    /** Its own podcast:guid; default a UUIDv5 of its feed URL. */
    guid: z.uuid({ version: 'v5', error: 'is not a version 5 UUID, as podcast:guid must be, such as 917393e3-1b1e-5cef-ace4-edaa54e1f810' }).optional(),
    /** Its own cover (same rules as podcast.image); default the show's. */
    image: mediaLocation.optional(),
  })).max(100, 'lists more than 100 group podcasts').optional(),
};

/** An episode's Podcasting 2.0 tags, in its frontmatter. */
const podcastingEpisode = {
  /** podcast:chapters: a JSON chapters file, a project path or URL. */
  chapters: mediaLocation.optional(),
  /** podcast:soundbite: highlights, start and duration in seconds. */
  soundbites: z.array(z.strictObject({ start: z.number().min(0), duration: z.number().positive('must be more than 0 seconds').max(120, 'is longer than 120 seconds; apps show soundbites of up to a minute or two'), title: plainText(128).optional() })).max(20, 'lists more than 20 soundbites').optional(),
  /** podcast:person for this episode (guests, the week's host). */
  persons: podcastPeople.optional(),
  /** podcast:season's name attribute. Needs `season`. */
  seasonName: plainText(128).optional(),
  /** podcast:episode's display attribute, such as "Ep. 1". Needs `episode`. */
  episodeName: plainText(32).optional(),
  /** podcast:value for this episode (a guest's share), instead of the show's. */
  value: podcastValue.optional(),
  /** podcast:alternateEnclosure: other renditions (a lower bitrate, video), each with its URLs. */
  alternateEnclosures: z.array(z.strictObject({
    type: mimeType,
    length: z.number().int().min(0),
    sources: z.array(webUrl).min(1, 'must name at least one URL').max(10, 'lists more than 10 URLs'),
    bitrate: z.number().positive().optional(),
    height: z.number().int().positive().optional(),
    lang: languageTag.optional(),
    title: plainText(32).optional(),
    default: z.boolean({ error: 'must be true or false' }).optional(),
    /** podcast:integrity: an SRI hash (sha256-… etc.). */
    integrity: z.string().trim().regex(/^sha(?:256|384|512)-[A-Za-z0-9+/]+=*$/, 'is not a Subresource Integrity hash such as sha384-… (base64)').optional(),
  })).max(10, 'lists more than 10 alternate enclosures').optional(),
  /** podcast:location of this episode. */
  location: podcastLocation.optional(),
  /** podcast:socialInteract: where the episode's comments live. */
  socialInteract: z.array(z.strictObject({
    uri: webUrl,
    protocol: z.enum(SOCIAL_PROTOCOLS, { error: `must be one of ${SOCIAL_PROTOCOLS.join(', ')}` }),
    accountId: plainText(128).optional(),
    accountUrl: webUrl.optional(),
    priority: z.number().int().min(1).optional(),
  })).max(10, 'lists more than 10 places').optional(),
  /** Square episode art: itunes:image and podcast:image. Default: `image` when it is square. */
  episodeImage: mediaLocation.optional(),
};

// ---- end of Podcasting 2.0 ----

const podcastSchema = z.strictObject({
  /** Who Apple and Podcast Index contact about the show: itunes:owner. Required. */
  owner: z.strictObject({ name, email }, { error: 'is required in podcast mode: add owner: {name: "…", email: "…"}' }),
  /** Cover art: square JPEG or PNG, 1400–3000 px. A URL or a local path. Required. */
  image: mediaLocation,
  /** Apple categories, "Top" or "Top > Sub". Required, at least one. */
  categories: z
    .array(z.string().trim().refine(isAppleCategory, 'is not an Apple Podcasts category; write e.g. "News" or "News > Politics" (see src/input/apple-categories.ts)'))
    .min(1, 'must name at least one Apple Podcasts category')
    .max(10, 'lists more than 10 categories'),
  /** Whether the show has explicit content: itunes:explicit. Required. */
  explicit: z.boolean({ error: 'must be true or false' }),
  /** itunes:type: `episodic` (newest first) or `serial` (in order). Default `episodic`. */
  type: z.enum(['episodic', 'serial']).default('episodic'),
  /** podcast:locked: forbid other platforms from importing the show. Default false. */
  locked: z.boolean().default(false),
  /** itunes:author. Default: the site's author names. */
  author: text.optional(),
  /** podcast:guid, the show's identity. Default: a UUIDv5 of the feed URL, written here by the first `syndic build` and never recomputed. */
  guid: podcastGuidSchema.optional(),
  ...podcastingChannel,
});

// --- media (body files, lead images, copies) ---
const mediaSettings = z.strictObject({
  /** Keep EXIF, XMP and text metadata (GPS position, camera serial) in copied images. Default false: stripped. */
  keepMetadata: z.boolean({ error: 'must be true or false' }).default(false),
});

/** A lead image: the page's `<figure>` and the feeds' Media RSS elements. */
const leadImage = z.strictObject({
  /** URL or project path. Required. */
  url: mediaLocation,
  /** Text alternative: `alt`, `og:image:alt`. Optional. */
  alt: text.optional(),
  /** What it shows: `<figcaption>`, `media:description`. Optional. */
  caption: text.optional(),
  /** Who made it: `<figcaption>`, `media:credit`. Optional. */
  credit: text.optional(),
});
// --- end media ---

export const settingsSchema = z.strictObject({
  /** Feed and site title, at most 200 characters. Required. */
  title,
  /** One-sentence description, RSS `<description>` and Atom `<subtitle>`. Required. */
  description: text,
  /** Absolute base URL the site is served from, without credentials, query or fragment. Required. */
  url: siteUrl,
  /** Default BCP 47 language of articles. Required. */
  language: languageTag,
  /** IANA zone for dates written without a time or offset. Default `UTC`. */
  timezone: timeZone.default('UTC'),
  /** Where article pages go: tokens :year, :month, :day (in `timezone`) and :slug. Default `articles/:year/:month/:day/:slug.html`. */
  permalink: permalink.default(DEFAULT_PERMALINK),
  /** Default author of every article. Required. */
  author: people,
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
  /** Articles per listing page (the index, tag and author pages); older ones go to `page/1.html` (oldest)… Default 50. */
  pageSize: z.number().int().min(1).max(10_000).default(50),
  /** WebSub hub URL(s) the feeds advertise and `build --ping` notifies. Optional. */
  hub: z
    .union([webUrl, z.array(webUrl).min(1, 'must name at least one hub').max(LIMITS.hubs, `lists more than ${LIMITS.hubs} hubs`)], { error: `must be an http(s) URL or a list of up to ${LIMITS.hubs} of them` })
    .optional(),
  /** Turns the site feed into a podcast feed (Apple Podcasts, Podcast Index). Optional. */
  podcast: podcastSchema.optional(),
  // --- media (body files, lead images, copies) ---
  /** How local media files are copied into the output's media/ folder. Optional. */
  media: mediaSettings.optional(),
  // --- end media ---
  /** Pins the default ids: `authority` is the tag: URI's host and year. Optional; `syndic init` writes it. */
  id: idSettingsSchema.optional(),
  // --- feed presentation (issue 15) ---
  /** The site's logo, an absolute http(s) URL: RSS <image>, Atom <logo>, webfeeds:logo, the pages' publisher. Optional. */
  logo: webUrl.optional(),
  /** A square icon, an absolute http(s) URL: Atom <icon>, JSON Feed icon and favicon, webfeeds:icon. Default: `logo`. */
  icon: webUrl.optional(),
  /** `full` (default): each feed carries the article's HTML; `summary`: only its summary and link. */
  feedContent: feedContent.default('full'),
  /** Feedly's webfeeds: elements: {cover, accentColor, related}. Optional. */
  webfeeds: webfeedsSchema.optional(),
  // --- end feed presentation ---
});

const dateString = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date written as YYYY-MM-DD or an RFC 3339 date-time') })
  .max(100, 'is not a date: use YYYY-MM-DD or an RFC 3339 date-time');

// Readers put ids in guid, Atom id and JSON id, and some link them: a javascript: or data: id
// would be a live link there. These four schemes are the ones feeds use for ids.
const ID_SCHEMES = ['tag:', 'urn:', 'http:', 'https:'];

/** True for a tag:, urn:, http: or https: URI without spaces or control characters (http(s) ones with a host). */
export function isEntryId(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:[^\s\p{C}]+$/iu.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (!ID_SCHEMES.includes(url.protocol)) return false;
  return url.protocol === 'tag:' || url.protocol === 'urn:' || url.hostname !== '';
}

/** One correction of an article: when, and what was wrong. */
const correctionSchema = z.strictObject({ date: dateString, note: text });

export const frontmatterSchema = z.strictObject({
  /** Headline, plain text, at most 200 characters. Required. */
  title: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required: add a line `title: "…"`' : 'must be text, such as title: "…"') })
    .pipe(title),
  /** First publication, YYYY-MM-DD or RFC 3339. Required. */
  date: dateString,
  /** Last substantial change. Default: `date`. */
  updated: dateString.optional(),
  /** Author(s). Default: the site's author. */
  author: people.optional(),
  /** Plain-text summary for feed readers. Optional. */
  summary: text.optional(),
  /** Subjects, at most 50, each at most 100 characters. Default: none. */
  tags: z.array(name).max(LIMITS.tags, `lists more than ${LIMITS.tags} tags`).optional(),
  /** BCP 47 language. Default: the site's language. */
  lang: languageTag.optional(),
  /** Permanent identifier, a tag:, urn:, http: or https: URI. Default: a tag: URI from the site host, date and file name. */
  id: z
    .string()
    .max(LIMITS.address, { error: `is longer than ${LIMITS.address} characters`, abort: true })
    .refine(isEntryId, 'must be a tag:, urn:, http: or https: URI, such as tag:example.org,2024:my-story')
    .optional(),
  /** URL segment of the article page. Default: from the file name. */
  slug: z
    .string()
    .max(LIMITS.name, { error: `is longer than ${LIMITS.name} characters`, abort: true })
    .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*$/u, 'may use only lower-case letters, digits, "-" and "_", so it cannot leave the output folder')
    .optional(),
  /** Drafts are left out of every output. Default false. */
  draft: z.boolean().optional(),
  /** Lead image: {url, alt, caption, credit}, or its URL or project path alone. Optional. */
  image: z.union([mediaLocation, leadImage], { error: 'must be a URL or a project path, or {url, alt, caption, credit}' }).optional(),
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
  ...podcastingEpisode,
  // --- corrections and retractions (src/retractions/fields.ts) ---
  /** Withdraws the article: {date, reason}. Its page becomes a notice, the Atom feed a tombstone (RFC 6721). Optional. */
  retracted: z.strictObject({ date: dateString, reason: text }, { error: 'must be {date: YYYY-MM-DD, reason: "…"}' }).optional(),
  /** A correction shown on the page, {date, note}, or a list of them; `updated` becomes the latest date. Optional. */
  correction: z.union([correctionSchema, z.array(correctionSchema).min(1, 'must list at least one correction').max(LIMITS.corrections, `lists more than ${LIMITS.corrections} corrections`)], { error: 'must be {date: YYYY-MM-DD, note: "…"} or a list of them' }).optional(),
  // --- end corrections and retractions ---
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type PersonInput = z.output<typeof personSchema>;
export type PodcastSettings = z.output<typeof podcastSchema>;
const podcastingChannelSchema = z.strictObject(podcastingChannel);
const podcastingEpisodeSchema = z.strictObject(podcastingEpisode);
/** The channel's Podcasting 2.0 settings, as validated. */
export type PodcastingChannel = z.output<typeof podcastingChannelSchema>;
/** An episode's Podcasting 2.0 fields, as validated (its media paths still unresolved). */
export type PodcastingEpisode = z.output<typeof podcastingEpisodeSchema>;
