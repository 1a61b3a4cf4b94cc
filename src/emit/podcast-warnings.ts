// What podcast apps check, reported by `syndic check` as warnings in podcast mode: none of it
// stops a build, since apps still list such episodes, but they play or show them worse.
import { SyndicError } from '../errors.js';
import { isLocal, type ResolvedMedia } from '../media.js';
import type { ArticleMeta, Site } from '../model.js';
import { groupSlug } from '../urls.js';
import { feedWarnings } from './feed-warnings.js';

/** Apple's artwork bounds, in pixels a side. */
const ART_MIN = 1400;
const ART_MAX = 3000;

/**
 * Warnings for an http enclosure, local audio without a duration, and episode art outside 1400–3000 px;
 * first those of every site (feed-warnings.ts), as check.ts asks this module for all of them.
 */
export function podcastWarnings(articles: readonly ArticleMeta[], site: Site, media: ResolvedMedia): SyndicError[] {
  return [...feedWarnings(articles, site, media), ...podcastOnly(articles, site, media)];
}

function podcastOnly(articles: readonly ArticleMeta[], site: Site, media: ResolvedMedia): SyndicError[] {
  if (!site.podcast) return [];
  const warnings: SyndicError[] = [];
  for (const article of articles) {
    const assets = media.assets.get(article.source);
    const enclosure = article.enclosure;
    const at = (field: string, line: number | undefined) => ({ file: article.source, ...(line === undefined ? {} : { line }), field });
    if (enclosure && assets?.enclosure?.url.startsWith('http:')) {
      warnings.push(new SyndicError('INVALID_ARTICLE', 'is served over http; podcast apps prefer https and some refuse plain http', { ...at(enclosure.field, enclosure.line), hint: isLocal(enclosure) ? 'serve the site over https (its url: in syndic.yaml)' : 'link the https address of the file' }));
    }
    if (enclosure && isLocal(enclosure) && article.episode?.duration === undefined) {
      warnings.push(new SyndicError('INVALID_ARTICLE', 'is not given for this local audio, so apps show no play time until it is downloaded', { ...at('duration', enclosure.line), hint: 'add `duration: "HH:MM:SS"` (or seconds) to the frontmatter' }));
    }
    const art = assets?.episodeImage;
    const ref = article.episode?.image ?? article.image;
    if (art?.width !== undefined && (art.width < ART_MIN || art.width > ART_MAX) && ref) {
      warnings.push(new SyndicError('INVALID_ARTICLE', `is ${art.width}×${art.height ?? art.width} pixels; Apple Podcasts wants episode art of ${ART_MIN} to ${ART_MAX} pixels a side`, { ...at(ref.field, ref.line), hint: `export the art again at ${ART_MIN}–${ART_MAX} px, e.g. 3000×3000` }));
    }
  }
  warnings.push(...unknownGroups(articles, site));
  return warnings;
}

/** A group podcast whose tag or author no article has would never be written. */
function unknownGroups(articles: readonly ArticleMeta[], site: Site): SyndicError[] {
  const named = { tag: new Set(articles.flatMap((article) => article.tags.map(groupSlug))), author: new Set(articles.flatMap((article) => article.authors.map((who) => groupSlug(who.name)))) };
  return (site.podcast?.groups ?? [])
    .map((group, at) => ({ group, at }))
    .filter(({ group }) => site.groups[group.kind] === false || !named[group.kind].has(groupSlug(group.name)))
    .map(({ group, at }) =>
      new SyndicError('INVALID_SETTINGS', site.groups[group.kind] === false ? `names a ${group.kind}, but ${group.kind} feeds are off` : `names no ${group.kind} of any article`, {
        file: site.podcast?.image.file ?? 'syndic.yaml',
        ...(group.line === undefined ? {} : { line: group.line }),
        field: `podcast.groups.${at}.name`,
        hint: site.groups[group.kind] === false ? `turn them on with groups: {${group.kind}s: true}` : `write the ${group.kind} as the articles do`,
      }),
    );
}
