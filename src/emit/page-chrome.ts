// What every page shares: the stylesheet, <head>, the document around the body, the site's
// footer and the dates. Pure.
import { BoundedMap } from '../bounded-map.js';
import { isoInZone } from '../input/dates.js';
import type { FeedSpec, Site } from '../model.js';
import { OPML_PATH } from '../addresses/urls.js';
import { longDate } from './date-locale.js';
import { escapeAttribute as esc } from './escape.js';
import { directionOf, type PageLabels } from './labels.js';

// A measure of ~70 characters, system fonts, and colours of at least 7:1 contrast (WCAG AAA) in
// both schemes. Focus stays visible for keyboard users; the skip link appears when focused.
const STYLE = `:root{color-scheme:light dark;--text:#1b1b1b;--muted:#555;--bg:#fff;--link:#0645ad;--line:#ddd}
@media (prefers-color-scheme:dark){:root{--text:#e6e6e6;--muted:#aaa;--bg:#161616;--link:#8ab4f8;--line:#3a3a3a}}
body{font:1.125rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--text);background:var(--bg);margin:0}
.site,main{max-width:40rem;margin:0 auto;padding:0 1rem}
a{color:var(--link)}a:focus-visible{outline:3px solid var(--link);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header.site{padding-top:1.5rem}header.site p{margin:0}footer.site{border-top:1px solid var(--line);margin-top:3rem;padding-bottom:2rem}
h1{line-height:1.2;font-size:2rem}.meta,footer.site,.articles time{color:var(--muted);font-size:.95rem}
img{max-width:100%;height:auto}blockquote{border-left:3px solid var(--line);margin-left:0;padding-left:1rem}
pre{overflow-x:auto}.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.articles{padding-left:1.25rem}.articles li{margin-bottom:.75rem}
figure{margin:1.5rem 0}figcaption,.episode p{color:var(--muted);font-size:.95rem}audio,video{width:100%}`;

/**
 * How a page at `from` (a path in the output folder) links to `url`: relative when it is on
 * this site, so the site works from any host, `syndic serve` included; absolute otherwise.
 */
export function linkFrom(from: string, url: string, site: Site): string {
  if (!url.startsWith(site.url)) return url;
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + url.slice(site.url.length) || './';
}

/** Just what autodiscovery needs of a feed: readers offer them in this order, so the page's own comes first. */
export type FeedLinks = Pick<FeedSpec, 'title' | 'urls' | 'homeUrl'>;

/** The feeds of the site's tags and authors that exist, by folder (`tags/climat/`). */
export type GroupFeeds = ReadonlyMap<string, FeedLinks>;

export interface Head {
  title: string;
  description?: string | undefined;
  feeds: readonly FeedLinks[];
  canonical: string;
  /** Further <meta> and <link> elements (link previews). */
  extra?: readonly string[];
  /** A <script type="application/ld+json"> element, already escaped (json-ld.ts). */
  data?: string | undefined;
}

export function head({ title, description, feeds, canonical, extra = [], data }: Head): string {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    ...(description === undefined ? [] : [`<meta name="description" content="${esc(description)}">`]),
    ...extra,
    `<link rel="canonical" href="${esc(canonical)}">`,
    ...feeds.flatMap((feed) => [
      `<link rel="alternate" type="application/rss+xml" title="${esc(feed.title)} (RSS)" href="${esc(feed.urls.rss)}">`,
      `<link rel="alternate" type="application/atom+xml" title="${esc(feed.title)} (Atom)" href="${esc(feed.urls.atom)}">`,
      `<link rel="alternate" type="application/feed+json" title="${esc(feed.title)} (JSON Feed)" href="${esc(feed.urls.json)}">`,
    ]),
    `<style>${STYLE}</style>`,
    ...(data === undefined ? [] : [data]),
  ].join('\n');
}

export function document(lang: string, headHtml: string, body: string): string {
  return `<!doctype html>\n<html lang="${esc(lang)}" dir="${directionOf(lang)}">\n<head>\n${headHtml}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export function siteFooter(here: string, site: Site, feed: FeedLinks, text: PageLabels): string {
  const link = (url: string, type: string, name: string): string => `<a href="${esc(linkFrom(here, url, site))}" type="${type}">${name}</a>`;
  const subscribe = `<nav aria-label="${text.subscribe}"><p>${text.subscribe}${text.colon} ${link(feed.urls.rss, 'application/rss+xml', 'RSS')} · ${link(feed.urls.atom, 'application/atom+xml', 'Atom')} · ${link(feed.urls.json, 'application/feed+json', 'JSON Feed')}</p></nav>`;
  const opml = `<p><a href="${esc(linkFrom(here, new URL(OPML_PATH, site.url).href, site))}" type="text/x-opml">${text.feeds}</a></p>`;
  return [`<footer class="site">`, subscribe, opml, ...(site.copyright === undefined ? [] : [`<p>${esc(site.copyright)}</p>`]), '</footer>'].join('\n');
}

// date-fns takes ~36 µs a date; the index of 10,000 articles has only a few hundred distinct days.
const longDates = new BoundedMap<string, string>(10_000);
// The index and the group pages show each article's date again: 50,000 <time> elements for
// 10,000 articles with tags and authors, and isoInZone() alone took 0.4 s of a 3 s rebuild.
const times = new BoundedMap<string, string>(100_000);

/** A <time> with the date written in `lang`, in the site's zone. */
export function date(value: Date, lang: string, site: Site): string {
  const instant = `${lang}\0${site.timezone}\0${value.getTime()}`;
  const known = times.get(instant);
  if (known !== undefined) return known;
  const iso = isoInZone(value, site.timezone);
  const key = `${lang}\0${site.timezone}\0${iso.slice(0, 10)}`;
  let written = longDates.get(key);
  if (written === undefined) {
    written = esc(longDate(value, lang, site.timezone));
    longDates.set(key, written);
  }
  const html = `<time datetime="${iso}">${written}</time>`;
  times.set(instant, html);
  return html;
}

/** `lang` (and `dir`) on an element whose language differs from the page's, so screen readers switch voice. */
export function langAttribute(lang: string, pageLang: string): string {
  if (lang === pageLang) return '';
  const dir = directionOf(lang);
  return ` lang="${esc(lang)}"${dir === directionOf(pageLang) ? '' : ` dir="${dir}"`}`;
}
