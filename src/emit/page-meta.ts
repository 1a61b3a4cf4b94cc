// Link previews: the Open Graph (https://ogp.me) and Twitter card tags that social networks,
// chat apps and aggregators read, on every page. Pure; their order is fixed, so are the bytes.
import { isoInZone } from '../input/dates.js';
import type { Asset, FeedSpec, ImageText, Site } from '../model.js';
import { escapeAttribute as esc } from './escape.js';

/** What a page shows of itself in a preview. */
export interface Preview {
  type: 'article' | 'website';
  title: string;
  description?: string | undefined;
  /** The page's canonical URL. */
  url: string;
  /** The language of what the page shows. */
  lang: string;
  image?: (Asset & ImageText) | undefined;
  /** An article's own lead image is shown large; a logo as a small card. */
  large?: boolean;
  article?: {
    published: Date;
    modified: Date;
    /** The authors' pages, where known (og:article:author names profiles, not people). */
    authors: readonly string[];
    tags: readonly string[];
  };
}

/** The logo a feed and its pages show: the feed's image, else the podcast cover. */
export function logoOf(feed: Partial<Pick<FeedSpec, 'image' | 'podcast'>>): (Asset & ImageText) | undefined {
  // The feed's picture is a URL (the site's logo or a group's image); the podcast cover also has its size.
  return feed.image !== undefined ? { url: feed.image } : feed.podcast?.image;
}

export function previewTags(preview: Preview, site: Site): string[] {
  const og = (property: string, value: string | number | undefined): string[] => (value === undefined ? [] : [`<meta property="${property}" content="${esc(String(value))}">`]);
  const card = (name: string, value: string | undefined): string[] => (value === undefined ? [] : [`<meta name="twitter:${name}" content="${esc(value)}">`]);
  const { image, article } = preview;
  return [
    ...og('og:type', preview.type),
    ...og('og:title', preview.title),
    ...og('og:description', preview.description),
    ...og('og:url', preview.url),
    ...og('og:site_name', site.title),
    ...og('og:locale', openGraphLocale(preview.lang)),
    ...(image === undefined
      ? []
      : [...og('og:image', image.url), ...og('og:image:type', image.type), ...og('og:image:width', image.width), ...og('og:image:height', image.height), ...og('og:image:alt', image.alt)]),
    ...(article === undefined
      ? []
      : [
          ...og('article:published_time', isoInZone(article.published, site.timezone)),
          ...og('article:modified_time', isoInZone(article.modified, site.timezone)),
          ...article.authors.flatMap((url) => og('article:author', url)),
          ...article.tags.flatMap((tag) => og('article:tag', tag)),
        ]),
    ...card('card', image !== undefined && preview.large === true ? 'summary_large_image' : 'summary'),
    ...card('title', preview.title),
    ...card('description', preview.description),
    ...card('image', image?.url),
    ...card('image:alt', image?.alt),
  ];
}

/**
 * og:locale is language_TERRITORY (`fr_BE`). A bare language takes its likely region from CLDR
 * (fr → fr_FR, pt → pt_BR), as Facebook reads a missing locale as en_US.
 */
function openGraphLocale(lang: string): string | undefined {
  try {
    const locale = new Intl.Locale(lang);
    const region = locale.region ?? locale.maximize().region;
    return region === undefined ? undefined : `${locale.language}_${region}`;
  } catch {
    return undefined;
  }
}
