// An OPML 2.0 subscription list of every feed the site publishes (http://opml.org/spec2.opml),
// so a reader can import them all at once. Pure.
//
// Written by hand: the npm OPML writers are unmaintained and the format is one element kind
// with attributes, escaped by escape.ts like every other output.
import type { FeedSpec, GroupKind, Output, Site } from '../model.js';
import { OPML_PATH } from '../addresses/urls.js';
import { escapeAttribute as attr, escapeText as text } from './escape.js';

/** Headings of the tag and author sections; the list itself is in the site's language. */
const SECTION: Record<GroupKind, string> = { tag: 'Tags', author: 'Authors' };

export interface OpmlFeed {
  kind: 'site' | GroupKind;
  spec: FeedSpec;
}

/**
 * One outline per feed, pointing at its RSS document: readers treat every outline as a
 * subscription, and listing all three formats would subscribe them three times.
 */
export function opmlDocument(feeds: readonly OpmlFeed[], site: Site): Output {
  // Readers may take `text` and `title` as HTML (the W3C validator checks them as such), so a
  // title's `&` or `<` is escaped for HTML before the attribute.
  const html = (value: string): string => attr(text(value));
  const outline = (spec: FeedSpec, indent: string): string =>
    `${indent}<outline type="rss" version="RSS2" text="${html(spec.title)}" title="${html(spec.title)}" xmlUrl="${attr(spec.urls.rss)}" htmlUrl="${attr(spec.homeUrl)}" language="${attr(spec.language)}"/>`;
  const body: string[] = [];
  for (const { spec } of feeds.filter((feed) => feed.kind === 'site')) body.push(outline(spec, '    '));
  for (const kind of ['tag', 'author'] as const) {
    const group = feeds.filter((feed) => feed.kind === kind);
    if (group.length === 0) continue;
    body.push(`    <outline text="${SECTION[kind]}">`, ...group.map(({ spec }) => outline(spec, '      ')), '    </outline>');
  }
  const site_ = feeds.find((feed) => feed.kind === 'site')?.spec;
  const contents = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    // The head's title and owner are read as HTML too (the W3C validator: Invalid HTML on `<Co>`).
    `    <title>${text(text(site.title))}</title>`,
    // The newest article date, not the clock, so an unchanged site gives the same bytes.
    ...(site_?.updated ? [`    <dateModified>${site_.updated.toUTCString()}</dateModified>`] : []),
    ...(site.authors[0] ? [`    <ownerName>${text(text(site.authors[0].name))}</ownerName>`] : []),
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
  return { path: OPML_PATH, contents };
}
