// A retracted article's page becomes a short notice at the same address, so links and
// bookmarks still say what happened; a corrected article's page lists its corrections.
// The words are English for now (labels.ts has no entries for them yet).
import type { Entry, Output, Site } from '../model.js';
import { shownDate } from './corrections.js';
import { escapeAttribute as esc } from './escape.js';
import { directionOf } from './labels.js';
import { articlePage, linkFrom, type FeedLinks, type GroupFeeds } from './pages.js';

/** What a notice needs; an Entry has it, and so does syndic.published.json after the file is gone. */
export interface Notice {
  page: string;
  url: string;
  title: string;
  lang: string;
  /** RFC 3339 instant of the retraction. */
  when: string;
  reason: string;
}

/** The page of an entry: its article, or its retraction notice. */
export function pageFor(entry: Entry, site: Site, feed: FeedLinks, groups?: GroupFeeds): Output {
  return entry.retracted ? retractionPage({ page: entry.page, url: entry.url, title: entry.title, lang: entry.lang, ...entry.retracted }, site) : articlePage(entry, site, feed, groups);
}

export function retractionPage(notice: Notice, site: Site): Output {
  const here = notice.page;
  const body = [
    `<header class="site"><p><a href="${esc(linkFrom(here, site.url, site))}" rel="home">${esc(site.title)}</a></p></header>`,
    '<main id="main">',
    `<article class="retracted" lang="${esc(notice.lang)}" dir="${directionOf(notice.lang)}">`,
    `<h1>Retracted: ${esc(notice.title)}</h1>`,
    `<p>This article was retracted on ${shownDate(notice.when, notice.lang, site)}.</p>`,
    `<p class="reason">${esc(notice.reason)}</p>`,
    '</article>',
    '</main>',
  ].join('\n');
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Retracted: ${esc(notice.title)} · ${esc(site.title)}</title>`,
    // The notice is not the article: search engines should drop the page, not index the notice.
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${esc(notice.url)}">`,
  ].join('\n');
  return { path: here, contents: `<!doctype html>\n<html lang="${esc(site.language)}" dir="${directionOf(site.language)}">\n<head>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n` };
}
