// The only module that talks to `feed`. `feed` 6.0.0 stays the generator of record; this
// adapter prepares its input and finishes its output so that its known defects never reach
// a reader. Each fix is pinned by a test in tests/emit/feed-adapter.test.ts.
//
//   defect in feed 6.0.0                               fix here
//   1 JSON Feed 1.0, singular author, no               toJsonFeed11(): rebuilds the document as 1.1
//     date_published, no language
//   2 RSS <author> holds a bare name (InvalidContact)  rssPeople(): only "email (Name)" reaches <author>;
//                                                      every name goes to dc:creator
//   3 only the first "]]>" in a CDATA block escaped    htmlForCdata()/escapeText()/rssPlainText(): no "]]>"
//                                                      reaches a CDATA block, so there is nothing to split
//   4 XML-illegal control characters passed through   clean(): stripped from every string handed over
//   5 Atom has no xml:lang                             withAtomLanguage()
//   6 lastBuildDate/updated default to new Date()     feedOptions(): always passes spec.updated
//   7 enclosure type guessed from the extension under  emit/media.ts: RSS gets the Asset's type (mime
//     a fixed category ("image/jpg", "image/pdf")      database); Atom enclosure links are written by us
//                                                      (atomEnclosureLinks); JSON Feed keeps `image`
//   8 Atom attributes escape only `&` and `"`        toCategory(): category terms are slugs; a label
//                                                      holding `<` is left out
//   9 one RSS <enclosure> per item: image, audio,     rssEnclosure(): passes one, the enclosure else
//     video and enclosure overwrite each other; every  the image, with exactly url, type and length
//     Enclosure key (duration, title) becomes an
//     attribute
//  10 no way to declare namespaces on <rss>           withRssNamespaces(): media, itunes, podcast
//  11 `podcast: true` writes itunes:category as text, not used; emit/podcast.ts writes the elements
//     itunes:owner without itunes:name, googleplay:*
//  12 extensions: one per name (the last wins), and   each element name given once (repeats as an
//     xml-js escapes only `"` in their attributes     array); attributes through escapeAttribute()
//  13 one `hub` only, no other feed-level links        headLinks(): WebSub hubs and RFC 5005 links go
//     (RFC 5005 archives), no fh:archive               to RSS as one `atom:link` extension list (self
//                                                      first), to Atom by one anchored insertion after
//                                                      the self link, to JSON Feed as `hubs`/`next_url`
//
// Also: Atom titles are type="html" CDATA in feed 6, so titles go in HTML-escaped and show as
// the plain text they are; and feed throws on ids that are not URLs, so parse.ts only lets
// absolute URIs through.
import { Feed, type Author, type Extension, type FeedOptions, type Item } from 'feed';
import slugify from '@sindresorhus/slugify';
import { SyndicError } from '../errors.js';
import type { Entry, FeedSpec, Person } from '../model.js';
import { escapeAttribute, escapeText, htmlForCdata, rssPlainText, stripIllegalXmlChars as clean, xmlJsAttributes, xmlJsText } from './escape.js';
import { atomEnclosureLinks, jsonAttachments, MEDIA_RSS, rssEnclosure, rssImageExtensions, usesMediaRss } from './media.js';
import { ITUNES, PODCAST, podcastChannelExtensions, podcastItemExtensions } from './podcast.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

const GENERATOR = 'Syndic';
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** Fills a `feed` document from a spec. Formats differ in how people and titles must be passed. */
function createFeed(spec: FeedSpec, format: FeedFormat): Feed {
  const feed = new Feed(feedOptions(spec));
  for (const entry of spec.entries) feed.addItem(toItem(entry, format, spec));
  if (format === 'rss' && spec.podcast) for (const extension of podcastChannelExtensions(spec, spec.podcast)) feed.addExtension(extension);
  // feed assigns a channel-level extension over its own key, so the list restates the self link.
  if (format === 'rss' && headLinks(spec, 'rss').length > 1) {
    const links = headLinks(spec, 'rss').map(({ rel, href }) => xmlJsAttributes({ href, rel, ...(rel === 'self' ? { type: 'application/rss+xml' } : {}) }));
    // feed types `objects` as a record, but hands it to xml-js, which writes an array as repeated elements.
    feed.addExtension({ name: 'atom:link', objects: links as unknown as Record<string, unknown> });
  }
  if (format === 'rss' && spec.archive?.isArchive) feed.addExtension({ name: 'fh:archive', objects: xmlJsAttributes({ 'xmlns:fh': FEED_HISTORY }) });
  return feed;
}

/** RFC 5005 §4 (https://www.rfc-editor.org/rfc/rfc5005#section-4): archive pages carry an empty fh:archive. */
const FEED_HISTORY = 'http://purl.org/syndication/history/1.0';

/** The feed-level links of one format: self, WebSub hubs, then the RFC 5005 archive links. */
function headLinks(spec: FeedSpec, format: 'rss' | 'atom'): Array<{ rel: string; href: string }> {
  const archive = spec.archive;
  return [
    { rel: 'self', href: spec.urls[format] },
    ...spec.hubs.map((href) => ({ rel: 'hub', href })),
    ...(archive?.current ? [{ rel: 'current', href: archive.current[format] }] : []),
    ...(archive?.prev ? [{ rel: 'prev-archive', href: archive.prev[format] }] : []),
    ...(archive?.next ? [{ rel: 'next-archive', href: archive.next[format] }] : []),
  ];
}

/**
 * feed builds each document as one string; past V8's limit (~512 MB, about 100,000 full
 * articles) that throws RangeError. Say so plainly instead of dying with a stack.
 */
export function serialise(spec: FeedSpec, format: FeedFormat, write: () => string): string {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SyndicError('TOO_LARGE', `the ${format.toUpperCase()} feed of ${spec.entries.length} full articles is larger than one document can be`, {
      field: 'feedLimit',
      hint: 'lower feedLimit in syndic.yaml (readers rarely fetch more than a few hundred items)',
    });
  }
}

function feedOptions(spec: FeedSpec): FeedOptions {
  const [author] = spec.authors;
  return {
    id: spec.homeUrl,
    title: clean(spec.title),
    description: clean(spec.description),
    link: spec.homeUrl,
    language: spec.language,
    updated: spec.updated,
    generator: GENERATOR,
    feedLinks: { rss: spec.urls.rss, atom: spec.urls.atom, json: spec.urls.json },
    ...(author ? { author: toAuthor(author) } : {}),
    ...(spec.copyright === undefined ? {} : { copyright: clean(spec.copyright) }),
  };
}

function toItem(entry: Entry, format: FeedFormat, spec: FeedSpec): Item {
  // feed puts RSS and Atom titles and summaries in CDATA (Atom as type="html"); JSON takes plain text.
  const text = { rss: rssPlainText, atom: escapeText, json: clean }[format];
  const people = format === 'rss' ? rssPeople(entry.authors) : { author: entry.authors.map(toAuthor), extensions: [] };
  return {
    title: text(entry.title),
    id: entry.id,
    link: entry.url,
    date: entry.updated,
    published: entry.date,
    // An empty body still gets content: feed declares the dc: prefix only when some item has
    // content, and Atom readers want text ("Missing textual content").
    content: htmlForCdata(entry.html.trim() === '' ? `<p>${escapeText(entry.excerpt)}</p>` : entry.html),
    // RSS wants a description before content:encoded (NeedDescriptionBeforeContent).
    description: text(entry.summary ?? entry.excerpt),
    category: entry.tags.map((tag) => toCategory(tag, format)),
    ...people,
    ...(format === 'rss' ? rssEnclosure(entry) : {}),
    ...(format === 'rss' ? { extensions: byName([...(people.extensions ?? []), ...rssImageExtensions(entry), ...(spec.podcast ? podcastItemExtensions(entry) : [])]) } : {}),
    ...(format === 'json' && entry.assets?.image ? { image: entry.assets.image.url } : {}),
  };
}

/**
 * feed keeps one extension per element name (the last), so two name-only authors lost one
 * dc:creator. Same-name extensions become one whose array xml-js writes as repeated elements.
 */
function byName(extensions: readonly Extension[]): Extension[] {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const { name, objects } of extensions) groups.set(name, [...(groups.get(name) ?? []), objects]);
  // feed's type says object; its code hands the array to xml-js unchanged.
  return [...groups].map(([name, all]) => ({ name, objects: (all.length === 1 ? all[0] : all) as Record<string, unknown> }));
}

/**
 * feed writes Atom category attributes escaping only `&` and `"`, so a `<` in a tag would break
 * the document. The term is therefore the tag's slug, a stable identifier by nature; the label
 * carries the name unless it holds a `<`. RSS and JSON Feed use the name as written.
 */
function toCategory(tag: string, format: FeedFormat): { name?: string; term: string } {
  const name = clean(tag);
  const term = slugify(name) || encodeURIComponent(name);
  return format === 'atom' && name.includes('<') ? { term } : { name, term };
}

/**
 * RSS 2.0 `<author>` must be an email address, so people known by name only go to
 * `dc:creator`. Never both for one person: the validator flags the duplicate.
 */
function rssPeople(people: readonly Person[]): Pick<Item, 'author' | 'extensions'> {
  return {
    author: people.filter((person) => person.email !== undefined).map(toAuthor),
    extensions: people.filter((person) => person.email === undefined).map((person) => ({ name: 'dc:creator', objects: xmlJsText(person.name) })),
  };
}

function toAuthor(person: Person): Author {
  return {
    name: clean(person.name),
    ...(person.email === undefined ? {} : { email: person.email }),
    ...(person.url === undefined ? {} : { link: person.url }),
  };
}

export function rssDocument(spec: FeedSpec): string {
  const xml = serialise(spec, 'rss', () => createFeed(spec, 'rss').rss2());
  // feed declares the Dublin Core prefix only when some item has content.
  if (xml.includes('<dc:creator>') && !xml.includes(`xmlns:dc="${DUBLIN_CORE}"`)) {
    throw new Error('feed-adapter: dc:creator written without its namespace declaration');
  }
  const namespaces = {
    ...(usesMediaRss(spec.entries) ? { media: MEDIA_RSS } : {}),
    ...(spec.podcast ? { itunes: ITUNES, podcast: PODCAST } : {}),
  };
  return `${withRssNamespaces(xml, namespaces)}\n`;
}

const RSS_ROOT = '<rss version="2.0"';

/** feed 6 declares only the dc, content and atom prefixes; the others we use are added here. */
function withRssNamespaces(xml: string, namespaces: Record<string, string>): string {
  const declarations = Object.entries(namespaces).map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`);
  if (declarations.length === 0) return xml;
  const at = xml.indexOf(RSS_ROOT);
  if (at === -1 || xml.indexOf(RSS_ROOT, at + 1) !== -1) throw new Error('feed-adapter: unexpected RSS root element from feed');
  return `${xml.slice(0, at + RSS_ROOT.length)}${declarations.join('')}${xml.slice(at + RSS_ROOT.length)}`;
}

export function atomDocument(spec: FeedSpec): string {
  const xml = withAtomLanguage(serialise(spec, 'atom', () => createFeed(spec, 'atom').atom1()), spec.language);
  return `${withAtomHead(withAtomEnclosures(xml, spec.entries), spec)}\n`;
}

/** feed 6 writes one hub at most and no other links, so the rest follow its self link. */
function withAtomHead(xml: string, spec: FeedSpec): string {
  const extra = headLinks(spec, 'atom').slice(1).map(({ rel, href }) => `\n    <link rel="${rel}" href="${escapeAttribute(href)}"/>`);
  if (spec.archive?.isArchive) extra.push(`\n    <fh:archive xmlns:fh="${FEED_HISTORY}"/>`);
  if (extra.length === 0) return xml;
  const self = `<link rel="self" href="${escapeAttribute(spec.urls.atom)}"/>`;
  const at = xml.indexOf(self);
  const firstEntry = xml.indexOf('<entry>');
  if (at === -1 || (firstEntry !== -1 && at > firstEntry)) throw new Error('feed-adapter: unexpected Atom self link from feed');
  return `${xml.slice(0, at + self.length)}${extra.join('')}${xml.slice(at + self.length)}`;
}

/**
 * feed 6 gets Atom enclosure types wrong (row 7), so ours go in after each entry's alternate
 * link, which feed writes as `<link href="URL"/>`: page URLs are unique, and sanitize-html
 * leaves no `<link` in content, so each is found exactly once.
 */
function withAtomEnclosures(xml: string, entries: readonly Entry[]): string {
  const pending = new Map<string, string[]>();
  for (const entry of entries) {
    const links = atomEnclosureLinks(entry);
    if (links.length > 0) pending.set(`<link href="${escapeAttribute(entry.url)}"/>`, links);
  }
  if (pending.size === 0) return xml;
  const result = xml.replace(/<link href="[^"]*"\/>/g, (anchor) => {
    const links = pending.get(anchor);
    if (!links) return anchor;
    pending.delete(anchor);
    return `${anchor}${links.map((link) => `\n        ${link}`).join('')}`;
  });
  if (pending.size > 0) throw new Error(`feed-adapter: cannot place the enclosures of ${[...pending.keys()].join(', ')}`);
  return result;
}

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/** feed 6 has no option for attributes on the root element, so the one we need is added here. */
function withAtomLanguage(xml: string, language: string): string {
  const at = xml.indexOf(ATOM_ROOT);
  if (at === -1 || xml.indexOf(ATOM_ROOT, at + 1) !== -1) throw new Error('feed-adapter: unexpected Atom root element from feed');
  return `${xml.slice(0, at)}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeAttribute(language)}">${xml.slice(at + ATOM_ROOT.length)}`;
}

interface JsonFeed10 {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  items: Array<{ id: string; url?: string; title?: string; content_html?: string; summary?: string; image?: string; tags?: string[] }>;
}

export function jsonDocument(spec: FeedSpec): string {
  return serialise(spec, 'json', () => `${JSON.stringify(toJsonFeed11(JSON.parse(createFeed(spec, 'json').json1()) as JsonFeed10, spec), null, 2)}\n`);
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `authors`, `language`, both dates. */
function toJsonFeed11(v10: JsonFeed10, spec: FeedSpec): Record<string, unknown> {
  const entries = new Map(spec.entries.map((entry) => [entry.id, entry]));
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: v10.title,
    ...(v10.home_page_url === undefined ? {} : { home_page_url: v10.home_page_url }),
    ...(v10.feed_url === undefined ? {} : { feed_url: v10.feed_url }),
    ...(v10.description === undefined ? {} : { description: v10.description }),
    language: spec.language,
    authors: spec.authors.map(jsonPerson),
    ...(spec.hubs.length === 0 ? {} : { hubs: spec.hubs.map((url) => ({ type: 'WebSub', url })) }),
    // JSON Feed pages go one way only: from the subscription feed to ever older archive pages.
    ...(spec.archive?.prev ? { next_url: spec.archive.prev.json } : {}),
    items: v10.items.map((item) => {
      const entry = entries.get(item.id);
      if (!entry) throw new Error(`feed-adapter: feed returned an unknown item id ${item.id}`);
      return {
        id: item.id,
        ...(item.url === undefined ? {} : { url: item.url }),
        ...(item.title === undefined ? {} : { title: item.title }),
        ...(item.content_html === undefined ? {} : { content_html: item.content_html }),
        ...(item.summary === undefined ? {} : { summary: item.summary }),
        ...(item.image === undefined ? {} : { image: item.image }),
        date_published: entry.date.toISOString(),
        date_modified: entry.updated.toISOString(),
        authors: entry.authors.map(jsonPerson),
        ...(entry.tags.length === 0 ? {} : { tags: item.tags }),
        language: entry.lang,
        ...jsonAttachments(entry),
      };
    }),
  };
}

function jsonPerson(person: Person): { name: string; url?: string } {
  return { name: clean(person.name), ...(person.url === undefined ? {} : { url: person.url }) };
}
