// The NewsArticle JSON-LD of an article page (https://schema.org/NewsArticle), with the fields
// of Google's Article list (https://developers.google.com/search/docs/appearance/structured-data/article)
// and those news aggregators read. schema-dts types it at compile time; tests check the fields.
import type { ImageObject, NewsArticle, Organization, Person as SchemaPerson, WithContext } from 'schema-dts';
import { isoInZone } from '../input/dates.js';
import type { Asset, Entry, Site } from '../model.js';

/**
 * The article's data. `authorPage` gives an author's page on this site, used as their url when
 * the settings or frontmatter give none; `logo` is the site's logo (page-meta.ts logoOf).
 */
export function newsArticle(entry: Entry, site: Site, logo: Asset | undefined, authorPage: (name: string) => string | undefined): WithContext<NewsArticle> {
  const image = entry.assets?.image ?? entry.assets?.episodeImage;
  const publisher: Organization = { '@type': 'Organization', name: site.title, url: site.url, ...(logo === undefined ? {} : { logo: imageObject(logo) }) };
  const description = entry.summary ?? entry.excerpt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: entry.title,
    ...(description === '' ? {} : { description }),
    datePublished: isoInZone(entry.date, site.timezone),
    dateModified: isoInZone(entry.updated, site.timezone),
    author: entry.authors.map((person): SchemaPerson => {
      const url = person.url ?? authorPage(person.name);
      return { '@type': 'Person', name: person.name, ...(url === undefined ? {} : { url }) };
    }),
    publisher,
    ...(image === undefined ? {} : { image: [imageObject(image)] }),
    ...(entry.tags.length === 0 ? {} : { keywords: entry.tags }),
    inLanguage: entry.lang,
    url: entry.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': entry.url },
    identifier: entry.id,
    isAccessibleForFree: true,
  };
}

function imageObject(image: Asset): ImageObject {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width === undefined ? {} : { width: { '@type': 'QuantitativeValue', value: image.width, unitCode: 'E37' } }),
    ...(image.height === undefined ? {} : { height: { '@type': 'QuantitativeValue', value: image.height, unitCode: 'E37' } }),
  };
}

/**
 * The data as a <script> element. Inside <script> the HTML parser ends the element at the first
 * `</script` and treats `<!--` specially, whatever the JSON says; escaping every `<`, `>` and `&`
 * (and U+2028/2029, line ends to some JavaScript parsers) as \u escapes keeps the JSON the same
 * value and leaves no markup in it.
 */
export function jsonLdScript(data: object): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${json}</script>`;
}
