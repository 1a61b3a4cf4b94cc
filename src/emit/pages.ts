// The HTML pages that feed items link to, and the pages that list them (the index, each tag's
// and each author's): semantic, accessible, light (one inline stylesheet, dark mode included)
// and free of JavaScript. Pure.
import { isoInZone } from '../dates.js';
import type { Entry, FeedSpec, GroupKind, Output, Site } from '../model.js';
import { groupDir, INDEX_PATH, OPML_PATH, pagePath } from '../urls.js';
import { longDate } from './date-locale.js';
import { escapeAttribute as esc } from './escape.js';
import { directionOf, labelsFor, type Labels } from './labels.js';
import { BoundedMap } from '../bounded-map.js';
import { correctionNotes } from './corrections.js';

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

// The page's own words come from the catalogue in labels.ts.
const labels = labelsFor;

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

function head(title: string, description: string | undefined, feeds: readonly FeedLinks[], canonical: string, extra: readonly string[] = []): string {
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
  ].join('\n');
}

function document(lang: string, headHtml: string, body: string): string {
  return `<!doctype html>\n<html lang="${esc(lang)}" dir="${directionOf(lang)}">\n<head>\n${headHtml}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function siteFooter(here: string, site: Site, feed: FeedLinks, text: Labels): string {
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

function date(value: Date, lang: string, site: Site): string {
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
function langAttribute(lang: string, pageLang: string): string {
  if (lang === pageLang) return '';
  const dir = directionOf(lang);
  return ` lang="${esc(lang)}"${dir === directionOf(pageLang) ? '' : ` dir="${dir}"`}`;
}

/**
 * An article's page. It advertises the site feed, then the feeds of its tags and authors, and
 * links each tag and author to its page when that group has one (see `groups` in the settings).
 */
export function articlePage(entry: Entry, site: Site, feed: FeedLinks, groups: GroupFeeds = new Map()): Output {
  const here = pagePath(entry);
  // The site's chrome speaks the site's language (<html lang>); the article its own (<article lang>).
  const text = labels(entry.lang);
  const chrome = labels(site.language);
  const groupOf = (kind: GroupKind, name: string): FeedLinks | undefined => groups.get(groupDir(kind, name));
  const named = (kind: GroupKind, name: string, rel: string): string => {
    const group = groupOf(kind, name);
    return group ? `<a href="${esc(linkFrom(here, group.homeUrl, site))}" rel="${rel}">${esc(name)}</a>` : esc(name);
  };
  const byline = entry.authors.map((person) => named('author', person.name, 'author')).join(', ');
  const tags =
    entry.tags.length === 0
      ? []
      : [`<nav aria-label="${text.tags}">`, '<ul class="tags">', ...entry.tags.map((tag) => `<li>${named('tag', tag, 'tag')}</li>`), '</ul>', '</nav>'];
  const feeds = [feed, ...unique([...entry.tags.map((tag) => groupOf('tag', tag)), ...entry.authors.map((person) => groupOf('author', person.name))])];
  const body = [
    `<a class="skip" href="#main">${chrome.skip}</a>`,
    `<header class="site"><p><a href="${esc(linkFrom(here, site.url, site))}" rel="home">${esc(site.title)}</a></p></header>`,
    '<main id="main">',
    `<article lang="${esc(entry.lang)}" dir="${directionOf(entry.lang)}">`,
    '<header>',
    `<h1>${esc(entry.title)}</h1>`,
    `<p class="meta">${byline === '' ? '' : `${text.by} ${byline} · `}${date(entry.date, entry.lang, site)}</p>`,
    '</header>',
    // Hook (corrections): the article's correction notes (emit/corrections.ts).
    ...correctionNotes(entry, site),
    ...leadFigure(entry, here, site),
    ...player(entry, here, site, text),
    entry.html.trimEnd(),
    ...(tags.length === 0 ? [] : ['<footer>', ...tags, '</footer>']),
    '</article>',
    '</main>',
    siteFooter(here, site, feed, chrome),
  ].join('\n');
  return { path: here, contents: document(site.language, head(`${entry.title} · ${site.title}`, entry.summary, feeds, entry.url, openGraphImage(entry)), body) };
}

/** The lead image as the feeds carry it: a figure with its alt text, caption and credit. */
function leadFigure(entry: Entry, here: string, site: Site): string[] {
  const image = entry.assets?.image;
  if (!image) return [];
  const text = labels(entry.lang);
  const size = image.width === undefined || image.height === undefined ? '' : ` width="${image.width}" height="${image.height}"`;
  const credit = image.credit === undefined ? [] : [`<span class="credit">${text.credit}${text.colon} ${esc(image.credit)}</span>`];
  const caption = [...(image.caption === undefined ? [] : [esc(image.caption)]), ...credit].join(' ');
  return [
    '<figure class="lead">',
    `<img src="${esc(linkFrom(here, image.url, site))}" alt="${esc(image.alt ?? '')}"${size}>`,
    ...(caption === '' ? [] : [`<figcaption>${caption}</figcaption>`]),
    '</figure>',
  ];
}

/**
 * An audio or video enclosure's player, with its duration, a download link and the transcript.
 * preload="none": a page of episodes must not download each one when it opens.
 */
function player(entry: Entry, here: string, site: Site, text: Labels): string[] {
  const enclosure = entry.assets?.enclosure;
  if (!enclosure) return [];
  const href = esc(linkFrom(here, enclosure.url, site));
  const type = enclosure.type === undefined ? '' : ` type="${esc(enclosure.type)}"`;
  const medium = enclosure.type?.startsWith('video/') ? 'video' : enclosure.type?.startsWith('audio/') ? 'audio' : undefined;
  const extension = new URL(enclosure.url).pathname.split('.').pop()?.toUpperCase() ?? '';
  const duration = entry.episode?.duration;
  const transcript = entry.assets?.transcript;
  const details = [
    ...(duration === undefined ? [] : [`<time datetime="${isoDuration(duration)}">${clock(duration)}</time>`]),
    `<a href="${href}"${type} download>${text.download}${extension === '' ? '' : ` (${esc(extension)})`}</a>`,
    ...(transcript === undefined ? [] : [`<a href="${esc(linkFrom(here, transcript.url, site))}"${transcript.type === undefined ? '' : ` type="${esc(transcript.type)}"`}>${text.transcript}</a>`]),
  ];
  return [
    `<section class="episode" aria-label="${text.episode}">`,
    ...(medium === undefined ? [] : [`<${medium} controls preload="none"><source src="${href}"${type}></${medium}>`]),
    `<p>${details.join(' · ')}</p>`,
    '</section>',
  ];
}

/** 754 → "12:34", 3723 → "1:02:03", as players show it. */
function clock(seconds: number): string {
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** An HTML duration string (https://html.spec.whatwg.org/#valid-duration-string): 754 → "PT12M34S". */
function isoDuration(seconds: number): string {
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 || seconds === 0 ? `${s}S` : ''}`;
}

function unique(feeds: ReadonlyArray<FeedLinks | undefined>): FeedLinks[] {
  return [...new Set(feeds.filter((feed): feed is FeedLinks => feed !== undefined))];
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

/**
 * The page that lists a feed's articles, in its folder: the site's index, or with `heading`
 * (a tag or an author name) that group's page, which links home and advertises its own feed.
 */
export function indexPage(published: readonly IndexItem[], site: Site, feed: FeedSpec, heading?: string): Output {
  const here = feed.dir + INDEX_PATH;
  const text = labels(site.language);
  const items = published.map(
    (entry) =>
      `<li${langAttribute(entry.lang, site.language)}><a href="${esc(linkFrom(here, entry.url, site))}">${esc(entry.title)}</a><br>${date(entry.date, entry.lang, site)}</li>`,
  );
  const header =
    heading === undefined
      ? `<header class="site"><h1>${esc(site.title)}</h1>\n<p>${esc(site.description)}</p></header>`
      : `<header class="site"><p><a href="${esc(linkFrom(here, site.url, site))}" rel="home">${esc(site.title)}</a></p>\n<h1>${esc(heading)}</h1></header>`;
  const body = [
    `<a class="skip" href="#main">${text.skip}</a>`,
    header,
    '<main id="main">',
    `<h2>${text.articles}</h2>`,
    '<ol class="articles" reversed>',
    ...items,
    '</ol>',
    '</main>',
    siteFooter(here, site, feed, text),
  ].join('\n');
  return { path: here, contents: document(site.language, head(feed.title, feed.description, [feed], feed.homeUrl), body) };
}
