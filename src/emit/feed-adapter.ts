// The only module that talks to `feed`. RSS and Atom keep `feed` 6.0.0 as their generator
// (emit/rss.ts and emit/atom.ts fill it); JSON Feed is written directly (emit/json.ts), as feed
// writes only 1.0. Chosen once for both XML formats: feed's input is prepared here, and its
// output goes through one XML-aware finishing pass, finish(). Author text reaches feed as
// markers (escape.ts), which finish() replaces by the encoding the field table asks for.
// Each row is pinned by a test in tests/emit/feed-adapter.test.ts.
//
//   defect in feed 6.0.0                               how it is met
//   1 JSON Feed 1.0, singular author, no               not used: emit/json.ts writes 1.1 with JSON.stringify
//     date_published, no language
//   2 RSS <author> holds a bare name (InvalidContact)  rss.ts rssPeople(): only "email (Name)" reaches
//                                                      <author>; every name goes to dc:creator
//   3 only the first "]]>" in a CDATA block escaped    htmlForCdata(): no "]]>" reaches the one CDATA
//                                                      block left (HTML content); nothing to split
//   4 XML-illegal control characters passed through   stripped from every string handed over
//   5 Atom has no xml:lang, on the feed or an entry    finish(): on <feed>, and on each <entry> whose
//                                                      lang is not the feed's
//   6 lastBuildDate/updated default to new Date()     feedOptions() always passes a date; with no
//                                                      article, EMPTY_FEED_DATE, and finish() drops
//                                                      RSS lastBuildDate
//   7 enclosure type guessed from the extension        emit/enclosures.ts: RSS gets the Asset's type; Atom
//                                                      enclosure links are written by us
//   8 Atom attributes escape only `&` and `"`        category term/label are markers, escaped by finish()
//   9 one RSS <enclosure> per item; every Enclosure    emit/enclosures.ts rssEnclosure(): exactly url, type,
//     key becomes an attribute                         length of one asset
//  10 no way to declare namespaces on <rss>           rss.ts withRssNamespaces(): media, itunes, podcast
//  11 `podcast: true` writes wrong itunes elements     not used; emit/podcast.ts writes them
//  12 extensions: one per name (the last wins), and   byName(): each name once (repeats as an array);
//     one named like a built-in element replaces it   only prefixed names feed never writes, except the
//                                                      channel atom:link list, which restates self
//  13 one `hub` only, no other feed-level links        headLinks(): as an atom:link list in RSS, by one
//                                                      anchored insertion after the self link in Atom
//  14 RSS item title/description always CDATA, so     finish(): the marker's CDATA goes, its text is
//     `&#x26;` shows literally (newsboat, feedparser)  written with hex references (escape.ts xmlText)
//  15 channel text, categories and extension text     same: markers hold the text, so xml-js never
//     through xml-js: named entities (CharacterData),  sees an `&`
//     a literal `&amp;` collapsed to `&`
//  16 Atom title/summary hard-coded type="html" CDATA finish(): type="text" with the text as written
//  17 Atom <id> through new URL(): non-ASCII           finish(): each entry's <id> is the id as given,
//     percent-encoded, non-URL ids throw               as RSS guid and JSON id are
//  18 A category with only `name` gets no term        atom.ts: term and label are the tag's NFC name
import { Feed, type Author, type Extension, type FeedOptions, type Item } from 'feed';
import { EMPTY_FEED_DATE } from '../formats.js';
import type { Entry, FeedSpec, Person } from '../model.js';
import { escapeAttribute, escapeText, fieldKind, fieldText, htmlForCdata, isMarker, marked, MARKERS, unmarked, xmlText } from './escape.js';

export type XmlFormat = 'rss' | 'atom';

const GENERATOR = 'Syndic';

/** A `feed` document with the options both XML formats share; author text as markers. */
export function newFeed(spec: FeedSpec): Feed {
  const [author] = spec.authors;
  const options: FeedOptions = {
    id: spec.homeUrl,
    title: marked(spec.title),
    ...(spec.description === '' ? {} : { description: marked(spec.description) }),
    link: spec.homeUrl,
    language: spec.language,
    updated: spec.updated ?? EMPTY_FEED_DATE,
    generator: GENERATOR,
    feedLinks: { rss: spec.urls.rss, atom: spec.urls.atom, json: spec.urls.json },
    ...(author ? { author: person(author) } : {}),
    ...(spec.copyright === undefined ? {} : { copyright: marked(spec.copyright) }),
    // The logo (else the podcast cover) in RSS <image> and Atom <logo>; the icon in Atom <icon> (JSON Feed: json.ts).
    ...channelPictures(spec),
    // A URL below the site's (siteUrl allows no query), attribute-escaped as xml-js does not.
    ...(spec.stylesheet === undefined ? {} : { stylesheet: escapeAttribute(spec.stylesheet) }),
  };
  return new Feed(options);
}

function channelPictures(spec: FeedSpec): Pick<FeedOptions, 'image' | 'favicon'> {
  const image = spec.image ?? spec.podcast?.image.url;
  return { ...(image === undefined ? {} : { image }), ...(spec.icon === undefined ? {} : { favicon: spec.icon }) };
}

// An article in 4 tags, 1 author and the site feed is in six feeds of both XML formats: its
// fields, the HTML above all (the XML-illegal character scan, htmlForCdata), are prepared once
// per build. Keyed by the Entry object, which a build shares between its feeds and drops after.
const prepared = new WeakMap<Entry, Readonly<Item>>();

/** The item fields both XML formats share, prepared once per Entry; callers spread it, never change it. */
export function baseItem(entry: Entry): Readonly<Item> {
  let item = prepared.get(entry);
  if (item === undefined) {
    item = Object.freeze(preparedItem(entry));
    prepared.set(entry, item);
  }
  return item;
}

function preparedItem(entry: Entry): Item {
  const summary = entry.summary ?? entry.excerpt;
  return {
    title: marked(entry.title),
    link: entry.url,
    date: entry.updated,
    published: entry.date,
    // An empty body still gets content: feed declares the dc: prefix only when some item has
    // content, and Atom readers want text ("Missing textual content").
    content: htmlForCdata(entry.html.trim() === '' ? `<p>${escapeText(entry.excerpt)}</p>` : entry.html),
    // RSS wants a description before content:encoded (NeedDescriptionBeforeContent).
    ...(summary === '' ? {} : { description: marked(summary) }),
  };
}

export function person(who: Person): Author {
  return {
    name: marked(who.name),
    ...(who.email === undefined ? {} : { email: marked(who.email) }),
    ...(who.url === undefined ? {} : { link: who.url }),
  };
}

/**
 * feed keeps one extension per element name (the last), so two name-only authors lost one
 * dc:creator. Same-name extensions become one whose array xml-js writes as repeated elements.
 */
export function byName(extensions: readonly Extension[]): Extension[] {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const { name, objects } of extensions) {
    // An unprefixed name would replace feed's own element of that name in place.
    if (!name.includes(':')) throw new Error(`feed-adapter: extension <${name}> would replace a built-in element`);
    groups.set(name, [...(groups.get(name) ?? []), objects]);
  }
  // feed's type says object; its code hands the array to xml-js unchanged.
  return [...groups].map(([name, all]) => ({ name, objects: (all.length === 1 ? all[0] : all) as Record<string, unknown> }));
}

/** The feed-level links of one format: self, WebSub hubs, then the RFC 5005 archive links. */
export function headLinks(spec: FeedSpec, format: XmlFormat): Array<{ rel: string; href: string }> {
  const archive = spec.archive;
  return [
    { rel: 'self', href: spec.urls[format] },
    ...spec.hubs.map((href) => ({ rel: 'hub', href })),
    ...(archive?.current ? [{ rel: 'current', href: archive.current[format] }] : []),
    ...(archive?.prev ? [{ rel: 'prev-archive', href: archive.prev[format] }] : []),
    ...(archive?.next ? [{ rel: 'next-archive', href: archive.next[format] }] : []),
  ];
}

/** RFC 5005 §4 (https://www.rfc-editor.org/rfc/rfc5005#section-4): archive pages carry an empty fh:archive. */
export const FEED_HISTORY = 'http://purl.org/syndication/history/1.0';

// feed's output has no comments, PIs after the declaration or DOCTYPE, and its one kind of CDATA
// holds no "]]>" (row 3); attribute values hold no `>` (URLs percent-encode it, escapeAttribute
// escapes it). So these three token kinds cover the whole document.
const TOKENS = /<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g;

/**
 * The finishing pass over feed's serialised document (rows 5, 6, 14–17): each marker becomes
 * its text, encoded for the element it sits in (escape.ts field table) or escaped as an
 * attribute; a marker's CDATA goes with it. Throws if anything is left unreplaced.
 */
export function finish(xml: string, format: XmlFormat, spec: FeedSpec): string {
  const out: string[] = [];
  const open: string[] = [];
  let entry = -1;
  let start = 0;
  let dropping = 0;
  const encode = (marker: string): string => fieldText(unmarked(marker), fieldKind(format, open.at(-1) ?? ''));
  for (const [token] of xml.matchAll(TOKENS)) {
    if (dropping > 0) {
      if (token.startsWith('</')) dropping -= 1;
      else if (token.startsWith('<') && !token.startsWith('<![CDATA[') && !token.endsWith('/>')) dropping += 1;
    } else if (token.startsWith('<![CDATA[')) {
      const inner = token.slice('<![CDATA['.length, -']]>'.length);
      if (!isMarker(inner)) {
        out.push(token);
        continue;
      }
      out.push(encode(inner));
      // Atom text constructs that feed marks as HTML are the plain text they hold.
      if (format === 'atom') out[start] = (out[start] ?? '').replace(' type="html"', ' type="text"');
    } else if (token.startsWith('</')) {
      open.pop();
      out.push(token);
    } else if (token.startsWith('<?')) {
      out.push(token);
    } else if (token.startsWith('<')) {
      const name = /^<([^\s/>]+)/.exec(token)?.[1] ?? '';
      if (format === 'rss' && name === 'lastBuildDate' && spec.updated === undefined) {
        if (out.at(-1)?.trim() === '') out.pop();
        dropping = 1;
        continue;
      }
      let tag = token.replace(MARKERS, (marker) => escapeAttribute(unmarked(marker)));
      if (format === 'atom' && name === 'feed' && open.length === 0) tag = withAttribute(tag, 'xml:lang', spec.language);
      if (format === 'atom' && name === 'entry') {
        entry += 1;
        const lang = spec.entries[entry]?.lang;
        if (lang !== undefined && lang !== spec.language) tag = withAttribute(tag, 'xml:lang', lang);
      }
      start = out.push(tag) - 1;
      if (!token.endsWith('/>')) open.push(name);
    } else if (format === 'atom' && open.at(-1) === 'id' && open.at(-2) === 'entry') {
      out.push(xmlText(spec.entries[entry]?.id ?? ''));
    } else {
      out.push(token.replace(MARKERS, encode));
    }
  }
  const result = out.join('');
  if (result.includes('\u0001')) throw new Error('feed-adapter: a marker was left in the document');
  if (format === 'atom' && entry + 1 !== spec.entries.length) throw new Error(`feed-adapter: feed wrote ${entry + 1} Atom entries for ${spec.entries.length}`);
  return result;
}

function withAttribute(tag: string, name: string, value: string): string {
  const end = tag.endsWith('/>') ? -2 : -1;
  return `${tag.slice(0, end)} ${name}="${escapeAttribute(value)}"${tag.slice(end)}`;
}
