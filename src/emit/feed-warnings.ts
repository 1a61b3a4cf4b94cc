// What aggregators check, reported by `syndic check` as warnings: a build still succeeds, but
// Flipboard shows such a story without its picture, and an `about` entry that names no group
// is never used.
import { SyndicError } from '../errors.js';
import type { ResolvedMedia } from '../media/assets.js';
import type { ArticleMeta, Site } from '../model.js';
import { groupSlug } from '../addresses/urls.js';

/** Flipboard's smallest lead image, in pixels on the shorter side (https://about.flipboard.com/rss-spec/). */
export const LEAD_IMAGE_MIN = 400;

/** A local lead image under 400 px (remote ones are not fetched, so their size is unknown), and unused `about` entries. */
export function feedWarnings(articles: readonly ArticleMeta[], site: Site, media: ResolvedMedia): SyndicError[] {
  const warnings: SyndicError[] = [];
  for (const article of articles) {
    const image = media.assets.get(article.source)?.image;
    const ref = article.image;
    if (!ref || image?.width === undefined || image.height === undefined) continue;
    if (Math.min(image.width, image.height) >= LEAD_IMAGE_MIN) continue;
    warnings.push(
      new SyndicError('INVALID_ARTICLE', `is ${image.width}×${image.height} pixels; Flipboard and other aggregators want a lead image of at least ${LEAD_IMAGE_MIN} pixels a side`, {
        file: article.source,
        line: ref.line,
        field: ref.field,
        hint: `use a larger picture, e.g. 1200×800; it goes into the feeds as media:content`,
      }),
    );
  }
  return [...warnings, ...unusedAbout(articles, site)];
}

/** An `about` entry whose tag or author no article has describes nothing. */
function unusedAbout(articles: readonly ArticleMeta[], site: Site): SyndicError[] {
  const named = { tag: new Set(articles.flatMap((article) => article.tags.map(groupSlug))), author: new Set(articles.flatMap((article) => article.authors.map((who) => groupSlug(who.name)))) };
  return (['tag', 'author'] as const).flatMap((kind) => {
    const settings = site.groups[kind];
    if (settings === false) return [];
    return (settings.about ?? []).flatMap((about, at) =>
      named[kind].has(groupSlug(about.name))
        ? []
        : [new SyndicError('INVALID_SETTINGS', `names no ${kind} of any article, so it describes nothing`, { file: 'syndic.yaml', field: `groups.${kind}s.about.${at}.name`, hint: `write the ${kind} as the articles do: ${JSON.stringify(about.name)} makes the folder ${groupSlug(about.name)}` })],
    );
  });
}
