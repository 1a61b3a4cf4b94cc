// Independent validators: nothing here shares code with src/, so a bug there cannot hide itself.
//  - XML 1.0 + namespace well-formedness, Atom: libxml2 (xmllint compiled to WebAssembly, xmllint-wasm)
//  - Atom: the RFC 4287 Appendix B RELAX NG schema (tests/fixtures/schemas/atom.rng), plus the
//    schema's two Schematron rules and a few RFC 4287 MUSTs that RELAX NG cannot say, run as XPath
//    by the same libxml2 process
//  - JSON Feed 1.1: ajv (draft 2020-12, ajv-formats) against tests/fixtures/schemas/jsonfeed-1.1.schema.json
//  - RSS 2.0: media, podcast and plain-text rules (XPath, and the raw source for CharacterData)
//  - round trip: @rowanmanning/feed-parser for RSS and Atom, @extractus/feed-extractor for JSON Feed
//    (after the schema gate; see parseJsonFeed)
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractFromJson } from '@extractus/feed-extractor';
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateXML, type XMLLintOptions, type XMLValidationResult } from 'xmllint-wasm';

const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/schemas');
const ATOM_RNG = readFileSync(path.join(SCHEMAS, 'atom.rng'), 'utf8');
// Large feeds (2 MB bodies) need more than xmllint-wasm's default 32 MiB: start at its 16 MiB, grow up to 1 GiB.
const MEMORY = { initialMemoryPages: 256, maxMemoryPages: 16384 };

// ---------------------------------------------------------------------------------------------
// XML

/** A UTF-16 code unit that is half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Lone surrogates cannot be written as UTF-8 (Node writes U+FFFD instead), so a string holding one
 * is not an XML document whatever libxml2 would say of its re-encoding.
 */
function loneSurrogateError(text: string): string | undefined {
  const match = LONE_SURROGATE.exec(text);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0).toString(16).toUpperCase();
  return `lone surrogate U+${unit} at offset ${match.index}: not a Unicode character, cannot be encoded as UTF-8`;
}

/** libxml2 reports broken namespace rules (undeclared prefix, empty prefixed namespace, duplicate expanded attribute) as "namespace error" and still exits 0. */
function namespaceErrors(rawOutput: string): string[] {
  return rawOutput.split('\n').filter((line) => / namespace error : /.test(line));
}

async function xmllint(options: XMLLintOptions): Promise<XMLValidationResult> {
  try {
    return await validateXML({ ...options, ...MEMORY });
  } catch (error) {
    // xmllint-wasm rejects on exit codes it does not know (1 for some parse failures, 5 for a bad schema).
    const message = error instanceof Error ? error.message : String(error);
    return { valid: false, errors: [{ rawMessage: message.trim(), message: message.trim(), loc: null }], rawOutput: message, normalized: '' };
  }
}

/**
 * Throws with libxml2's messages unless `xml` is a well-formed XML 1.0 document that also follows
 * Namespaces in XML 1.0 (every prefix declared, no empty prefixed namespace, no attribute twice).
 * External DTDs are not loaded, so entity references need a definition in the document itself.
 */
export async function assertWellFormedXml(xml: string): Promise<void> {
  const surrogate = loneSurrogateError(xml);
  if (surrogate !== undefined) throw new Error(`not well-formed XML:\n${surrogate}`);
  const result = await xmllint({ xml: { fileName: 'feed.xml', contents: xml }, schema: [] });
  const problems = result.valid ? namespaceErrors(result.rawOutput) : result.errors.map((e) => e.rawMessage);
  if (problems.length > 0) throw new Error(`not well-formed XML:\n${problems.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Atom

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = `${UPPER}${UPPER.toLowerCase()}`;
/** XPath 1.0 step for an element in the Atom namespace, whatever its prefix. */
const a = (name: string): string => `*[local-name()='${name}' and namespace-uri()='${ATOM_NS}']`;
const s = 'normalize-space(.)';
const tail = (n: number): string => `translate(substring(${s}, string-length(${s}) - ${n - 1}), '0123456789', '0000000000')`;
/** atom:content/@type in lower case: §4.1.3.3 compares media types case-insensitively. */
const TYPE = `translate(@type, '${UPPER}', '${UPPER.toLowerCase()}')`;
const XML_TYPE = `(substring(${TYPE}, string-length(@type) - 3) = '/xml' or substring(${TYPE}, string-length(@type) - 3) = '+xml')`;

/**
 * Rules that RFC 4287 states but its RELAX NG grammar cannot enforce. Each `find` selects the
 * offending nodes; the string value of `show` (a relative path, '.' for the node itself) under the
 * first of them is quoted in the error to help find it.
 */
const ATOM_RULES: ReadonlyArray<{ find: string; show: string; message: string }> = [
  {
    // Appendix B, Schematron rule on atom:feed (RELAX NG validators ignore Schematron annotations).
    find: `/${a('feed')}[not(${a('author')})][${a('entry')}[not(${a('author')})]]`,
    show: a('id'),
    message: 'RFC 4287 Appendix B (Schematron): An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author.',
  },
  {
    // Appendix B, first Schematron rule on atom:entry.
    find: `//${a('entry')}[not(${a('link')}[@rel='alternate'] or ${a('link')}[not(@rel)] or ${a('content')})]`,
    show: a('id'),
    message: "RFC 4287 Appendix B (Schematron): An atom:entry must have at least one atom:link element with a rel attribute of 'alternate' or an atom:content.",
  },
  {
    // Appendix B, second Schematron rule on atom:entry.
    find: `//${a('entry')}[not(${a('author')} or ../${a('author')} or ${a('source')}/${a('author')})]`,
    show: a('id'),
    message: 'RFC 4287 Appendix B (Schematron): An atom:entry must have an atom:author if its feed does not.',
  },
  {
    // §3.3: RFC 3339 date-time. The grammar's xsd:dateTime also allows a missing time zone,
    // surrounding white space and years other than four digits.
    find: `//*[namespace-uri()='${ATOM_NS}' and (local-name()='updated' or local-name()='published')][. != ${s} or not(substring(${s}, string-length(${s})) = 'Z' or ${tail(6)} = '+00:00' or ${tail(6)} = '-00:00') or string-length(substring-before(${s}, '-')) != 4]`,
    show: '.',
    message: 'RFC 4287 §3.3: a Date construct must be an RFC 3339 date-time (four-digit year, upper-case T, time zone Z or ±hh:mm, no surrounding white space).',
  },
  {
    // §4.2.6: the grammar's atomUri is any text; the RFC wants an IRI, and IRIs are never relative.
    find: `//${a('id')}[. != ${s} or contains(${s}, ' ') or not(contains(., ':')) or not(contains('${LETTERS}', substring(., 1, 1))) or string-length(translate(substring-before(., ':'), '${LETTERS}0123456789+-.', '')) != 0]`,
    show: '.',
    message: 'RFC 4287 §4.2.6: atom:id must be an absolute IRI (a scheme, a colon, no white space).',
  },
  {
    // §4.1.2: summary required when content is out of line or Base64 (§4.1.3.3 rule 6).
    find: `//${a('entry')}[not(${a('summary')})][${a('content')}[@src or (@type and not(@type = 'text' or @type = 'html' or @type = 'xhtml' or starts-with(${TYPE}, 'text/') or ${XML_TYPE}))]]`,
    show: a('id'),
    message: 'RFC 4287 §4.1.2: an atom:entry whose atom:content has a src attribute or Base64 content (a non-text, non-XML media type) must have an atom:summary.',
  },
];
const FIELD = '\u241E'; // SYMBOL FOR RECORD SEPARATOR, removed from the quoted values so that it only separates
const RULES_XPATH = `concat(${ATOM_RULES.map((r) => `count(${r.find}), '${FIELD}', translate(string((${r.find})[1]/${r.show}), '${FIELD}', '')`).join(`, '${FIELD}', `)})`;

function ruleErrors(stdout: string, rules: ReadonlyArray<{ message: string }> = ATOM_RULES): string[] {
  const fields = stdout.replace(/\n$/, '').split(FIELD);
  if (fields.length !== rules.length * 2) throw new Error(`validators: unexpected XPath output ${JSON.stringify(stdout.slice(0, 200))}`);
  return rules.flatMap((rule, i) => {
    const count = Number(fields[2 * i]);
    if (!count) return [];
    const first = fields[2 * i + 1] ?? '';
    return [`${rule.message} (${count} found${first ? `; first: ${JSON.stringify(first)}` : ''})`];
  });
}

/**
 * Errors from validating an Atom document; empty when valid. Reports, in order: lone surrogates,
 * well-formedness and namespace errors, errors against the RFC 4287 Appendix B RELAX NG grammar,
 * then the Appendix B Schematron rules and RFC 4287 MUSTs listed in ATOM_RULES.
 */
export async function validateAtom(xml: string): Promise<string[]> {
  const surrogate = loneSurrogateError(xml);
  if (surrogate !== undefined) return [surrogate];
  const result = await xmllint({
    xml: { fileName: 'atom.xml', contents: xml },
    schema: { fileName: 'atom.rng', contents: ATOM_RNG },
    extension: 'relaxng',
    // One libxml2 run: the RELAX NG check, and the XPath rules printed on stdout.
    modifyArguments: (args) => {
      const rest = args.filter((arg) => arg !== '--noout');
      return [...rest.slice(0, -1), '--xpath', RULES_XPATH, ...rest.slice(-1)];
    },
  });
  const errors = [...namespaceErrors(result.rawOutput), ...(result.valid ? [] : result.errors.map((e) => e.rawMessage))];
  // No XPath output: the document could not be parsed (its errors say why), or the rules are broken.
  if (result.normalized === '' && errors.length > 0) return errors;
  return [...errors, ...ruleErrors(result.normalized)];
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0 media and podcasts

const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST_NS = 'https://podcastindex.org/namespace/1.0';
const MEDIA_NS = 'http://search.yahoo.com/mrss/';
const itunes = (name: string): string => `*[local-name()='${name}' and namespace-uri()='${ITUNES_NS}']`;
const podcastNs = (name: string): string => `*[local-name()='${name}' and namespace-uri()='${PODCAST_NS}']`;
const DIGITS = (expr: string): string => `(string-length(${expr}) > 0 and translate(${expr}, '0123456789', '') = '')`;
const HTTP = (expr: string): string => `(starts-with(${expr}, 'http://') or starts-with(${expr}, 'https://'))`;

/**
 * RSS 2.0 enclosure rules (https://www.rssboard.org/rss-specification#ltenclosuregtSubelementOfLtitemgt
 * and the RSS Best Practices Profile), Media RSS URLs, and what Apple Podcasts and Podcasting 2.0
 * require of a podcast feed (https://podcasters.apple.com/support/823-podcast-requirements).
 */
const RSS_RULES: ReadonlyArray<{ find: string; show: string; message: string }> = [
  { find: '//item[count(enclosure) > 1]', show: 'link', message: 'RSS Best Practices: an item has at most one enclosure.' },
  {
    find: `//item/enclosure[not(${HTTP('@url')}) or not(${DIGITS('@length')}) or not(contains(@type, '/'))]`,
    show: '@url',
    message: 'RSS 2.0: enclosure needs an absolute http(s) url, a length in bytes and a MIME type.',
  },
  { find: "//item/enclosure[@type = 'audio/mp3' or @type = 'image/jpg' or @type = 'audio/x-mp3' or @type = 'image/pjpeg']", show: '@type', message: 'enclosure type is not the registered name (audio/mpeg, image/jpeg).' },
  { find: `//*[namespace-uri()='${MEDIA_NS}' and (local-name()='content' or local-name()='thumbnail')][not(${HTTP('@url')})]`, show: '@url', message: 'Media RSS: media:content and media:thumbnail need an absolute url.' },
  // Only for podcast feeds: a channel with any itunes: element.
  { find: `/rss/channel[${itunes('image')} or ${itunes('category')}][not(${itunes('image')}[${HTTP('@href')}])]`, show: 'title', message: 'Apple: a podcast needs itunes:image with an http(s) href.' },
  { find: `/rss/channel[${itunes('image')} or ${itunes('category')}][not(${itunes('category')}[@text])]`, show: 'title', message: 'Apple: a podcast needs an itunes:category with a text attribute.' },
  { find: `/rss/channel[${itunes('image')} or ${itunes('category')}][not(${itunes('explicit')}[. = 'true' or . = 'false'])]`, show: 'title', message: 'Apple: a podcast needs itunes:explicit, true or false.' },
  { find: `/rss/channel[${itunes('image')} or ${itunes('category')}][not(${itunes('owner')}/${itunes('email')})]`, show: 'title', message: 'Apple: a podcast needs itunes:owner with itunes:email.' },
  { find: `//item/${itunes('duration')}[not(${DIGITS('.')})]`, show: '.', message: 'Apple: itunes:duration in seconds.' },
  { find: `//item/${itunes('episodeType')}[not(. = 'full' or . = 'trailer' or . = 'bonus')]`, show: '.', message: 'Apple: itunes:episodeType is full, trailer or bonus.' },
  { find: `/rss/channel/${podcastNs('guid')}[string-length(.) != 36 or substring(., 15, 1) != '5']`, show: '.', message: 'Podcasting 2.0: podcast:guid is a version 5 UUID.' },
  { find: `//item/${podcastNs('transcript')}[not(${HTTP('@url')}) or not(@type)]`, show: '@url', message: 'Podcasting 2.0: podcast:transcript needs a url and a type.' },
];

/**
 * RSS plain-text elements, read from the raw source as the W3C validator's CharacterData rule
 * does: CDATA hides character references from readers (newsboat shows `AT&#x26;T`), and a
 * named entity for `&`, `<` or `>` draws that warning; `&#x26;` and `&#x3C;` satisfy both.
 */
const RSS_PLAIN = /<(title|category|dc:creator|author|copyright)(?:\s[^>]*)?>(<!\[CDATA\[|[^<]*?&(?:amp|lt|gt);)/g;

function plainTextErrors(xml: string): string[] {
  return [...xml.matchAll(RSS_PLAIN)].slice(0, 1).map((m) => `RSS <${m[1]}> is plain text: write & and < as &#x26; and &#x3C; in the text node, not ${m[2] === '<![CDATA[' ? 'CDATA' : 'named entities'} (${[...xml.matchAll(RSS_PLAIN)].length} found)`);
}

/** Errors from an RSS 2.0 document: well-formedness, then RSS_RULES and the plain-text rule. Empty when valid. */
export async function validateRss(xml: string): Promise<string[]> {
  try {
    await assertWellFormedXml(xml);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const xpath = `concat(${RSS_RULES.map((r) => `count(${r.find}), '${FIELD}', translate(string((${r.find})[1]/${r.show}), '${FIELD}', '')`).join(`, '${FIELD}', `)})`;
  const result = await xmllint({ xml: { fileName: 'rss.xml', contents: xml }, schema: [], modifyArguments: (args) => [...args.filter((arg) => arg !== '--noout').slice(0, -1), '--xpath', xpath, ...args.slice(-1)] });
  return [...ruleErrors(result.normalized, RSS_RULES), ...plainTextErrors(xml)];
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

// strictRequired would reject the spec's "one of name, url, avatar", written as anyOf of required.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const jsonFeedSchema = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'jsonfeed-1.1.schema.json'), 'utf8')) as object);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Spec rules a JSON Schema cannot state: ids unique over the feed, next_url not the feed itself. */
function jsonFeedRules(feed: unknown): string[] {
  if (!isRecord(feed)) return [];
  const errors: string[] = [];
  if (typeof feed.next_url === 'string' && feed.next_url === feed.feed_url) errors.push('/next_url must not be the same as feed_url (JSON Feed 1.1, top-level)');
  const seen = new Map<string, number>();
  (Array.isArray(feed.items) ? feed.items : []).forEach((item: unknown, i) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else errors.push(`/items/${i}/id ${JSON.stringify(item.id)} is already the id of /items/${first} (ids are unique for that feed)`);
  });
  return errors;
}

/** Errors from the JSON Feed 1.1 schema and rules; empty when valid. */
export function validateJsonFeed(feed: unknown): string[] {
  const schemaErrors = jsonFeedSchema(feed) ? [] : (jsonFeedSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return [...schemaErrors, ...jsonFeedRules(feed)];
}

// ---------------------------------------------------------------------------------------------
// Round trip

export interface ParsedItem {
  id: string;
  title: string;
  /** Absolute URL of the item's page, '' when it has none. */
  url: string;
  published: Date | undefined;
  /** RSS has no updated date: @rowanmanning/feed-parser falls back to dc:date, then to pubDate. */
  updated: Date | undefined;
  /** RSS content:encoded (else description), Atom content, JSON Feed content_html (else content_text). */
  content?: string;
  /** Names (else e-mail or URL) of the item's authors, or of the feed's when the item has none. */
  authors: string[];
}

export interface ParsedFeed {
  title: string;
  language?: string;
  items: ParsedItem[];
}

/**
 * Reads any of our three formats back into one shape: JSON Feed when the text starts with `{`,
 * otherwise RSS or Atom through @rowanmanning/feed-parser. Throws when the text is not a feed.
 *
 * @rowanmanning/feed-parser trims text and decodes HTML entities in it once more after XML parsing,
 * so a title written as the characters `&amp;` reads back as `&`, and HTML content comes back with
 * its entities decoded.
 */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) return parseJsonFeed(body);
  const feed = parseXmlFeed(body);
  return {
    title: feed.title ?? '',
    ...optional('language', feed.language),
    items: feed.items.map((item) => ({
      id: item.id ?? '',
      title: item.title ?? '',
      url: item.url ?? '',
      published: item.published ?? undefined,
      updated: item.updated ?? undefined,
      ...optional('content', item.content),
      authors: item.authors.map((author) => author.name ?? author.email ?? author.url ?? '').filter((name) => name !== ''),
    })),
  };
}

/** `{ [key]: value }`, or `{}` when there is no value (exactOptionalPropertyTypes forbids `key: undefined`). */
function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

interface JsonAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}
interface JsonItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonAuthor[];
}
interface JsonFeed {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  language?: string;
  authors?: JsonAuthor[];
  items: JsonItem[];
}

/**
 * JSON Feed goes through @extractus/feed-extractor, a real npm reader, after the schema gate.
 * Its caveat: it rewrites item URLs (drops #fragments and utm_* parameters), which Syndic's
 * item URLs never carry. Dates and authors come from the raw item, as the extractor drops
 * them; item authors default to the feed's, as the spec says.
 */
function parseJsonFeed(text: string): ParsedFeed {
  const data: unknown = JSON.parse(text);
  const errors = validateJsonFeed(data);
  if (errors.length > 0) throw new Error(`not a valid JSON Feed 1.1:\n${errors.join('\n')}`);
  const feed = data as JsonFeed;
  const extracted = extractFromJson(text, { normalization: true, getExtraEntryFields: (entry: unknown) => ({ raw: entry as JsonItem }) });
  const date = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));
  return {
    title: (extracted.title ?? '').trim(),
    ...optional('language', feed.language),
    items: (extracted.entries ?? []).map((entry) => {
      const item = (entry as unknown as { raw: JsonItem }).raw;
      return {
        id: entry.id ?? item.id,
        title: (entry.title ?? '').trim(),
        url: entry.link ?? '',
        published: date(item.date_published),
        updated: date(item.date_modified),
        ...optional('content', item.content_html ?? item.content_text),
        authors: (item.authors ?? feed.authors ?? []).map((author) => author.name ?? author.url ?? author.avatar ?? ''),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Files

/** Local name of the document element, skipping the prolog (declaration, comments, PIs, DOCTYPE). */
function rootElementName(xml: string): string | undefined {
  const prolog = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/;
  const match = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml.replace(prolog, ''));
  return match?.[1];
}

/**
 * Errors for one output file, empty when valid: `.json` against the JSON Feed 1.1 schema; `.xml`,
 * `.rss` and `.atom` for well-formedness, and against the Atom rules when the root element is
 * `feed` or `entry`. The file must be UTF-8, as everything Syndic writes is.
 */
export async function validateFeedFile(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [`${file}: not valid UTF-8`];
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return [`${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`];
    }
    return validateJsonFeed(data);
  }
  if (ext === '.xml' || ext === '.rss' || ext === '.atom') {
    const root = rootElementName(text);
    if (root === 'feed' || root === 'entry') return validateAtom(text);
    if (root === 'rss') return validateRss(text);
    try {
      await assertWellFormedXml(text);
      return [];
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)];
    }
  }
  throw new Error(`validateFeedFile: no validator for ${ext || 'files without an extension'} (${file})`);
}
