// The HTML pages that feed items link to: semantic, accessible, light (one inline stylesheet,
// dark mode included) and free of JavaScript, with link previews and NewsArticle data for
// aggregators. The pages that list articles are in listing-page.ts and group-index.ts. Pure.
import type { Entry, FeedSpec, GroupKind, Output, Site } from '../model.js';
import { groupDir, pagePath } from '../addresses/urls.js';
import { escapeAttribute as esc } from './escape.js';
import { jsonLdScript, newsArticle } from './json-ld.js';
import { directionOf, labelsFor, type PageLabels } from './labels.js';
import { date, document, head, linkFrom, siteFooter, type FeedLinks, type GroupFeeds } from './page-chrome.js';
import { logoOf, previewTags } from './page-meta.js';
import { playTime } from './enclosures.js';
import { correctionNotes } from './corrections.js';

export { linkFrom, type FeedLinks, type GroupFeeds } from './page-chrome.js';
export { indexItem, indexPage, type IndexItem } from './listing-page.js';

// The page's own words come from the catalogue in labels.ts.
const labels = labelsFor;

/** The site feed as article pages use it: its links, and the logo of the site (publisher). */
export type SiteFeed = FeedLinks & Partial<Pick<FeedSpec, 'image' | 'podcast'>>;

/**
 * An article's page. It advertises the site feed, then the feeds of its tags and authors, and
 * links each tag and author to its page when that group has one (see `groups` in the settings).
 */
export function articlePage(entry: Entry, site: Site, feed: SiteFeed, groups: GroupFeeds = new Map()): Output {
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
  const logo = logoOf(feed);
  const authorPage = (name: string): string | undefined => groupOf('author', name)?.homeUrl;
  const image = entry.assets?.image ?? entry.assets?.episodeImage ?? logo;
  const previews = previewTags(
    {
      type: 'article',
      title: entry.title,
      description: entry.summary ?? (entry.excerpt === '' ? undefined : entry.excerpt),
      url: entry.url,
      lang: entry.lang,
      image,
      large: image === entry.assets?.image,
      article: { published: entry.date, modified: entry.updated, authors: entry.authors.flatMap((person) => person.url ?? authorPage(person.name) ?? []), tags: entry.tags },
    },
    site,
  );
  const data = jsonLdScript(newsArticle(entry, site, logo, authorPage));
  const headHtml = head({ title: `${entry.title} · ${site.title}`, description: entry.summary, feeds, canonical: entry.url, extra: previews, data });
  return { path: here, contents: document(site.language, headHtml, body) };
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
function player(entry: Entry, here: string, site: Site, text: PageLabels): string[] {
  const enclosure = entry.assets?.enclosure;
  if (!enclosure) return [];
  const href = esc(linkFrom(here, enclosure.url, site));
  const type = enclosure.type === undefined ? '' : ` type="${esc(enclosure.type)}"`;
  const medium = enclosure.type?.startsWith('video/') ? 'video' : enclosure.type?.startsWith('audio/') ? 'audio' : undefined;
  const extension = new URL(enclosure.url).pathname.split('.').pop()?.toUpperCase() ?? '';
  const duration = playTime(entry);
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
