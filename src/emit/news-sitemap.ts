// dist/news-sitemap.xml, Google's News sitemap
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): the
// articles of the last two days before `now`, newest first, at most 1,000. Pure.
import { ErrorLevel, SitemapItemStream } from 'sitemap';
import { isoInZone } from '../input/dates.js';
import type { Output, Site } from '../model.js';
import { pageUrl } from '../addresses/urls.js';
import { NEWS_WINDOW_MS } from './news-window.js';
import { drain, item, NEWS_SITEMAP_PATH, urlset, type Mapped } from './sitemap.js';

/** "A sitemap may have up to 1,000 news:news tags." */
export const NEWS_LIMIT = 1000;

/** The articles the news sitemap lists: dated in [now − 2 days, now], the 1,000 newest. */
export function newsArticles<T extends Pick<Mapped, 'id' | 'date'>>(published: readonly T[], now: Date): T[] {
  const [since, until] = [now.getTime() - NEWS_WINDOW_MS, now.getTime()];
  return published
    .filter((article) => article.date.getTime() >= since && article.date.getTime() <= until)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, NEWS_LIMIT);
}

/**
 * With no article in the window the file is an empty <urlset>: Google says an empty news
 * sitemap "won't cause any problems", and robots.txt keeps naming a file that exists.
 */
export function newsSitemap(published: readonly Mapped[], site: Site, now: Date): Output {
  const items = newsArticles(published, now).map((article) =>
    item({
      url: pageUrl(article, site),
      news: {
        publication: { name: site.title, language: newsLanguage(article.lang) },
        publication_date: isoInZone(article.date, site.timezone),
        title: article.title,
      },
    }),
  );
  return { path: NEWS_SITEMAP_PATH, contents: urlset(drain(new SitemapItemStream({ level: ErrorLevel.THROW }), items), true) };
}

/**
 * news:language takes an ISO 639 code of two or three letters, except Chinese: zh-cn for
 * Simplified, zh-tw for Traditional. en-GB → en, zh-HK → zh-tw (its likely script is Hant),
 * cmn-Hans → zh-cn, iw → he. Likely scripts and aliases come from ICU (Intl.Locale).
 */
export function newsLanguage(tag: string): string {
  let locale: Intl.Locale | undefined;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    // Extended language subtags (zh-yue) and private-use tags, which ICU refuses.
  }
  const language = (locale?.language ?? tag.split('-')[0] ?? '').toLowerCase();
  if (language === 'zh') return locale?.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
  // ISO 639-2 "und" (undetermined) for what has no ISO 639 code: x-private, i-default.
  return /^[a-z]{2,3}$/.test(language) ? language : 'und';
}
