// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: `feed` 6.0.0 writes only
// 1.0 (singular author, no date_published, no language). Author text goes in as written. JSON
// Feed has no feed-level date, so an empty feed needs none.
import type { Entry, FeedSpec, Person } from '../model.js';
import { escapeText, stripIllegalXmlChars as clean } from './escape.js';
import { summaryOnly } from './feed-content.js';
import { jsonAttachments } from './enclosures.js';

export function jsonDocument(spec: FeedSpec): string {
  return `${JSON.stringify(jsonFeed(spec), null, 2)}\n`;
}

function jsonFeed(spec: FeedSpec): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(spec.title),
    home_page_url: spec.homeUrl,
    feed_url: spec.urls.json,
    ...jsonIcons(spec),
    ...(spec.description === '' ? {} : { description: clean(spec.description) }),
    language: spec.language,
    authors: spec.authors.map(jsonPerson),
    ...(spec.hubs.length === 0 ? {} : { hubs: spec.hubs.map((url) => ({ type: 'WebSub', url })) }),
    // JSON Feed pages go one way only: from the subscription feed to ever older archive pages.
    ...(spec.archive?.prev ? { next_url: spec.archive.prev.json } : {}),
    items: spec.entries.map((entry) => jsonItem(entry, summaryOnly(spec))),
  };
}

/**
 * JSON Feed's icon (a square timeline picture) and favicon (a small square) are the site's icon.
 * Without one, the podcast cover, square and at least 1400 px, is the icon, as before.
 */
function jsonIcons(spec: FeedSpec): { icon?: string; favicon?: string } {
  if (spec.icon !== undefined) return { icon: spec.icon, favicon: spec.icon };
  return spec.podcast ? { icon: spec.podcast.image.url } : {};
}

function jsonItem(entry: Entry, summaryFeed: boolean): Record<string, unknown> {
  const summary = clean(entry.summary ?? entry.excerpt);
  const image = entry.assets?.image;
  return {
    id: entry.id,
    url: entry.url,
    title: clean(entry.title),
    // An empty body still gets content, as in the XML formats. A summary feed has no HTML, but an
    // item needs content_html or content_text: the summary is its text.
    ...(summaryFeed ? { content_text: summary || clean(entry.excerpt) } : { content_html: clean(entry.html.trim() === '' ? `<p>${escapeText(entry.excerpt)}</p>` : entry.html) }),
    ...(summary === '' ? {} : { summary }),
    ...(image === undefined ? {} : { image: image.url }),
    date_published: entry.date.toISOString(),
    date_modified: entry.updated.toISOString(),
    authors: entry.authors.map(jsonPerson),
    ...(entry.tags.length === 0 ? {} : { tags: entry.tags.map(clean) }),
    language: entry.lang,
    ...jsonAttachments(entry),
  };
}

function jsonPerson(person: Person): { name: string; url?: string } {
  return { name: clean(person.name), ...(person.url === undefined ? {} : { url: person.url }) };
}
