// What podcast apps check, reported by `syndic check` as warnings in podcast mode: none of it
// stops a build, since apps still list such episodes, but they play or show them worse.
import { SyndicError } from '../errors.js';
import { isLocal, type ResolvedMedia } from '../media/assets.js';
import type { ArticleMeta, Asset, MediaRef, PodcastChannel, Site } from '../model.js';
import { groupSlug } from '../addresses/urls.js';
import { feedWarnings } from './feed-warnings.js';

/** Apple's artwork bounds, in pixels a side. */
const ART_MIN = 1400;
const ART_MAX = 3000;

// A header's play time is rounded to whole seconds, and a CBR estimate from the file size can
// be a frame off: only a difference beyond that is a mistake worth telling.
const DURATION_SLACK = 1;

/** "12:34" or "1:02:03", as the frontmatter would write it. */
function clock(seconds: number): string {
  const parts = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const [hours = 0, ...rest] = parts;
  return [...(hours > 0 ? [String(hours)] : []), ...rest.map((part, at) => (at === 0 && hours === 0 ? String(part) : String(part).padStart(2, '0')))].join(':');
}

/**
 * Warnings for an http enclosure, local audio whose duration is unknown or disagrees with the
 * file's header, and episode art outside 1400–3000 px or not RGB; first those of every site
 * (feed-warnings.ts), as check.ts asks this module for all of them.
 */
export function podcastWarnings(articles: readonly ArticleMeta[], site: Site, media: ResolvedMedia, channel?: PodcastChannel): SyndicError[] {
  return [...feedWarnings(articles, site, media), ...podcastOnly(articles, site, media, channel)];
}

function podcastOnly(articles: readonly ArticleMeta[], site: Site, media: ResolvedMedia, channel?: PodcastChannel): SyndicError[] {
  if (!site.podcast) return [];
  const warnings: SyndicError[] = [];
  for (const article of articles) {
    const assets = media.assets.get(article.source);
    const enclosure = article.enclosure;
    const at = (field: string, line: number | undefined) => ({ file: article.source, ...(line === undefined ? {} : { line }), field });
    if (enclosure && assets?.enclosure?.url.startsWith('http:')) {
      warnings.push(new SyndicError('INVALID_ARTICLE', 'is served over http; podcast apps prefer https and some refuse plain http', { ...at(enclosure.field, enclosure.line), hint: isLocal(enclosure) ? 'serve the site over https (its url: in syndic.yaml)' : 'link the https address of the file' }));
    }
    const given = article.episode?.duration;
    const measured = assets?.enclosure?.duration;
    if (enclosure && isLocal(enclosure) && given === undefined && measured === undefined) {
      warnings.push(new SyndicError('INVALID_ARTICLE', 'is not given, and this local file\'s header does not say, so apps show no play time until it is downloaded', { ...at('duration', enclosure.line), hint: 'add `duration: "HH:MM:SS"` (or seconds) to the frontmatter, or export the file again as MP3 or M4A' }));
    }
    if (enclosure && isLocal(enclosure) && given !== undefined && measured !== undefined && Math.abs(given - measured) > DURATION_SLACK) {
      warnings.push(new SyndicError('INVALID_ARTICLE', `is ${clock(given)}, but ${enclosure.location} plays for ${clock(measured)}; the feeds give the file's`, { ...at('duration', enclosure.line), hint: 'remove `duration` from the frontmatter: it is read from a local MP3 or M4A file' }));
    }
    const art = assets?.episodeImage;
    const ref = article.episode?.image ?? article.image;
    if (art?.width !== undefined && (art.width < ART_MIN || art.width > ART_MAX) && ref) {
      warnings.push(new SyndicError('INVALID_ARTICLE', `is ${art.width}×${art.height ?? art.width} pixels; Apple Podcasts wants episode art of ${ART_MIN} to ${ART_MAX} pixels a side`, { ...at(ref.field, ref.line), hint: `export the art again at ${ART_MIN}–${ART_MAX} px, e.g. 3000×3000` }));
    }
    if (art && ref) warnings.push(...notRgb(art, ref, 'INVALID_ARTICLE'));
  }
  if (channel && site.podcast) {
    warnings.push(...notRgb(channel.image, site.podcast.image, 'INVALID_SETTINGS'));
    (site.podcast.groups ?? []).forEach((group, at) => {
      const cover = channel.groups?.[at]?.image;
      if (group.image && cover) warnings.push(...notRgb(cover, group.image, 'INVALID_SETTINGS'));
    });
  }
  warnings.push(...unknownGroups(articles, site));
  return warnings;
}

const COLOR_NAMES = { cmyk: 'a CMYK image (print colours)', gray: 'a greyscale image' };

/** Apple refuses artwork that is not RGB; other apps show CMYK colours wrong. */
function notRgb(art: Asset, ref: MediaRef, code: 'INVALID_ARTICLE' | 'INVALID_SETTINGS'): SyndicError[] {
  if (art.color === undefined) return [];
  return [new SyndicError(code, `is ${COLOR_NAMES[art.color]}; Apple Podcasts wants artwork in RGB`, { file: ref.file, line: ref.line, field: ref.field, hint: 'save it again as an RGB (sRGB) JPEG or PNG' })];
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
