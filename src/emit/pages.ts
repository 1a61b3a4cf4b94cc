// The HTML pages that feed items link to, and the index that lists them. Pure.
import { isoInZone } from '../dates.js';
import type { Entry, FeedSpec, Output, Site } from '../model.js';
import { INDEX_PATH, pagePath } from '../urls.js';
import { escapeAttribute as esc } from './escape.js';

const STYLE = `body{font:1.1rem/1.6 system-ui,sans-serif;max-width:38rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
a{color:#0645ad}img{max-width:100%;height:auto}header p,footer{color:#555;font-size:.95rem}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#161616}a{color:#8ab4f8}header p,footer{color:#aaa}}`;

// Building an Intl.DateTimeFormat costs ~0.25 ms; per page that was a quarter of a 3,000-article build.
const formats = new Map<string, Intl.DateTimeFormat>();

function localDate(date: Date, lang: string, site: Site): string {
  const key = `${lang}\0${site.timezone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: site.timezone });
    formats.set(key, format);
  }
  return format.format(date);
}

function head(title: string, description: string | undefined, feed: FeedSpec, canonical: string, extra: readonly string[] = []): string {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    ...(description === undefined ? [] : [`<meta name="description" content="${esc(description)}">`]),
    ...extra,
    `<link rel="canonical" href="${esc(canonical)}">`,
    `<link rel="alternate" type="application/rss+xml" title="${esc(feed.title)} (RSS)" href="${esc(feed.urls.rss)}">`,
    `<link rel="alternate" type="application/atom+xml" title="${esc(feed.title)} (Atom)" href="${esc(feed.urls.atom)}">`,
    `<link rel="alternate" type="application/feed+json" title="${esc(feed.title)} (JSON Feed)" href="${esc(feed.urls.json)}">`,
    `<style>${STYLE}</style>`,
  ].join('\n');
}

function document(lang: string, headHtml: string, body: string): string {
  return `<!doctype html>\n<html lang="${esc(lang)}">\n<head>\n${headHtml}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function subscribe(feed: FeedSpec): string {
  return `<footer><p>S’abonner / Subscribe: <a href="${esc(feed.urls.rss)}">RSS</a> · <a href="${esc(feed.urls.atom)}">Atom</a> · <a href="${esc(feed.urls.json)}">JSON Feed</a></p></footer>`;
}

export function articlePage(entry: Entry, site: Site, feed: FeedSpec): Output {
  const byline = entry.authors.map((person) => esc(person.name)).join(', ');
  const tags = entry.tags.length === 0 ? '' : `\n<p>${entry.tags.map((tag) => esc(tag)).join(' · ')}</p>`;
  const body = [
    `<p><a href="${esc(site.url)}">${esc(site.title)}</a></p>`,
    '<article>',
    '<header>',
    `<h1>${esc(entry.title)}</h1>`,
    `<p>${byline} · <time datetime="${isoInZone(entry.date, site.timezone)}">${esc(localDate(entry.date, entry.lang, site))}</time></p>${tags}`,
    '</header>',
    entry.html.trimEnd(),
    '</article>',
    subscribe(feed),
  ].join('\n');
  return { path: pagePath(entry), contents: document(entry.lang, head(`${entry.title} · ${site.title}`, entry.summary, feed, entry.url, openGraphImage(entry)), body) };
}

/** The lead image for link previews (https://ogp.me/#structured). */
function openGraphImage(entry: Entry): string[] {
  const image = entry.assets?.image;
  if (!image) return [];
  const property = (name: string, value: string | number | undefined): string[] => (value === undefined ? [] : [`<meta property="og:image${name}" content="${esc(String(value))}">`]);
  return [...property('', image.url), ...property(':type', image.type), ...property(':width', image.width), ...property(':height', image.height), ...property(':alt', image.alt)];
}

/** What the index shows of each published article. */
export type IndexItem = Pick<Entry, 'title' | 'url' | 'date' | 'lang'>;

export function indexItem(article: IndexItem): IndexItem {
  return { title: article.title, url: article.url, date: article.date, lang: article.lang };
}

export function indexPage(published: readonly IndexItem[], site: Site, feed: FeedSpec): Output {
  const items = published.map(
    (entry) =>
      `<li><a href="${esc(entry.url)}">${esc(entry.title)}</a> <time datetime="${isoInZone(entry.date, site.timezone)}">${esc(localDate(entry.date, entry.lang, site))}</time></li>`,
  );
  const body = [`<header><h1>${esc(feed.title)}</h1>\n<p>${esc(feed.description)}</p></header>`, '<main>', '<ol reversed>', ...items, '</ol>', '</main>', subscribe(feed)].join('\n');
  return { path: feed.dir + INDEX_PATH, contents: document(site.language, head(feed.title, feed.description, feed, feed.homeUrl), body) };
}
