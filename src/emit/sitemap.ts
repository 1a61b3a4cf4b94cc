// dist/sitemap.xml (https://www.sitemaps.org/protocol.html): every published page with its
// lastmod, split under a sitemap index past the protocol's limits. Pure.
//
// The `sitemap` library writes and escapes the XML. Its SitemapStream finishes each write on
// a later tick, which the synchronous generate() cannot wait for, and it refuses to write an
// empty file; so Syndic writes the two-line <urlset> envelope and drives the library's item
// and index streams, whose writes complete at once (drain() checks that). A stream write
// costs ~15 µs, 1.5 s for 100,000 pages on every build: plain pages (a loc and a lastmod)
// go through the library's element writer instead, byte for byte what its stream writes.
import type { Transform } from 'node:stream';
import { ErrorLevel, SitemapIndexStream, TagNames, validateSMIOptions, type SitemapItem } from 'sitemap';
import { ctag, element, otag } from 'sitemap/dist/lib/sitemap-xml.js';
import type { ArticleMeta, Output, Site } from '../model.js';
import type { FeedPlan } from '../select.js';
import { pageUrl } from '../addresses/urls.js';

export const SITEMAP_PATH = 'sitemap.xml';
export const NEWS_SITEMAP_PATH = 'news-sitemap.xml';

/** One page of the site as the sitemap lists it. */
export interface SitemapPage {
  /** Absolute URL. */
  url: string;
  /** When its content last changed: an article's `updated`, a listing's newest `updated`; none for an empty listing. */
  lastmod?: Date;
}

/** The protocol's limits for one sitemap file (https://www.sitemaps.org/protocol.html#index). */
export interface SitemapLimits {
  urls: number;
  bytes: number;
}

export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 52_428_800 };

/** What the sitemaps need of an article: both cached metadata and rendered entries have it. */
export type Mapped = Pick<ArticleMeta, 'id' | 'page' | 'title' | 'date' | 'updated' | 'lang'>;

/**
 * Article pages oldest first, then the listing pages (the index, each tag's and author's).
 * Listings change with every new article and sit in the last file, so once the sitemap is
 * split, the full files before it keep their bytes as the site grows.
 */
export function sitemapPages(published: readonly Mapped[], listings: ReadonlyArray<Pick<FeedPlan<Mapped>, 'dir' | 'members'>>, site: Site): SitemapPage[] {
  const articles = [...published].sort(oldestFirst).map((article) => ({ url: pageUrl(article, site), lastmod: article.updated }));
  return [...articles, ...listings.map((listing) => ({ url: new URL(listing.dir, site.url).href, ...newestUpdated(listing.members) }))];
}

/** sitemap.xml alone, or past `limits` an index of sitemap-1.xml, sitemap-2.xml… */
export function sitemapDocuments(pages: readonly SitemapPage[], site: Site, limits: SitemapLimits = SITEMAP_LIMITS): Output[] {
  const lines = pages.map(urlElement);
  const room = limits.bytes - Buffer.byteLength(urlset([], false));
  const files: Array<{ lines: string[]; lastmod?: Date }> = [];
  let bytes = 0;
  lines.forEach((line, k) => {
    const size = Buffer.byteLength(line) + 1;
    const last = files.at(-1);
    const file = last && last.lines.length < limits.urls && bytes + size <= room ? last : { lines: [] };
    if (file !== last) {
      files.push(file);
      bytes = 0;
    }
    file.lines.push(line);
    bytes += size;
    const lastmod = pages[k]?.lastmod;
    if (lastmod && (!file.lastmod || lastmod > file.lastmod)) file.lastmod = lastmod;
  });
  if (files.length <= 1) return [{ path: SITEMAP_PATH, contents: urlset(lines, false) }];
  const parts = files.map((file, k) => ({ path: `sitemap-${k + 1}.xml`, contents: urlset(file.lines, false), lastmod: file.lastmod }));
  const index = drain(
    new SitemapIndexStream({ level: ErrorLevel.THROW }),
    parts.map((part) => ({ url: new URL(part.path, site.url).href, ...(part.lastmod ? { lastmod: part.lastmod.toISOString() } : {}) })),
    true,
  );
  return [{ path: SITEMAP_PATH, contents: `${index.join('\n')}\n` }, ...parts.map(({ path, contents }) => ({ path, contents }))];
}

/** A page's <url>, as the library's SitemapItemStream writes it (tests/emit/sitemap.test.ts holds it to that). */
export function urlElement(page: SitemapPage): string {
  return `${otag(TagNames.url)}${element(TagNames.loc, page.url)}${page.lastmod ? element(TagNames.lastmod, page.lastmod.toISOString()) : ''}${ctag(TagNames.url)}`;
}

/** A <urlset> of written <url> elements, one a line; with `news`, the news: namespace declared. */
export function urlset(lines: readonly string[], news: boolean): string {
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''}`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset ${namespaces}>`, ...lines, '</urlset>', ''].join('\n');
}

/**
 * A sitemap item as the library's item stream wants it, checked (a bad one throws). Syndic's
 * URLs are already absolute and normalised (new URL): the library's normalizeURL() would
 * only parse them again.
 */
export function item(fields: Omit<SitemapItem, 'img' | 'video' | 'links'>): SitemapItem {
  return validateSMIOptions({ img: [], video: [], links: [], ...fields }, ErrorLevel.THROW);
}

/**
 * What a transform writes for each item, as one string per item (with `end`, the closing
 * output appended to the last). Transforms whose writes complete synchronously are read
 * synchronously; one that deferred a write would lose output, so that throws instead.
 */
export function drain(stream: Transform, items: readonly unknown[], end = false): string[] {
  const written: string[] = [];
  const take = (): string => {
    let text = '';
    for (let chunk: unknown = stream.read(); chunk !== null; chunk = stream.read()) text += String(chunk);
    return text;
  };
  for (const entry of items) {
    stream.write(entry);
    const text = take();
    if (text === '') throw new Error('sitemap: the stream deferred a write; it cannot be read synchronously');
    written.push(text);
  }
  if (end) {
    stream.end();
    const rest = take();
    if (rest === '') throw new Error('sitemap: the stream deferred its end; it cannot be read synchronously');
    if (written.length === 0) written.push(rest);
    else written[written.length - 1] += rest;
  }
  return written;
}

function oldestFirst(a: Mapped, b: Mapped): number {
  return a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function newestUpdated(members: readonly Mapped[]): { lastmod?: Date } {
  let newest: Date | undefined;
  for (const member of members) if (!newest || member.updated > newest) newest = member.updated;
  return newest ? { lastmod: newest } : {};
}
