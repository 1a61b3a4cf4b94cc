// Media of articles and of the podcast: from references and probes to the assets outputs
// describe, the problems to report, and the files to copy. Pure: probe.ts did the reading.
import mime from 'mime';
import { hashText } from '../hash.js';
import { SyndicError } from '../errors.js';
import type { ArticleMeta, Asset, Assets, CopyFilter, FileCopy, MediaProbe, MediaRef, PodcastChannel, Site } from '../model.js';
import type { MediaProbes } from './probe.js';
import { mediaPath, mediaUrl, pageUrl } from '../addresses/urls.js';

/** True for a path in the project, false for an http(s) URL. */
export function isLocal(ref: MediaRef): boolean {
  return !URL.canParse(ref.location);
}

/** Every media file an article names: in the frontmatter, then in the body (inside the project only). */
export function mediaRefs(article: Pick<ArticleMeta, 'image' | 'enclosure' | 'episode' | 'references'>): MediaRef[] {
  const files = (article.references ?? []).filter((ref) => ref.kind === 'file' && isInside(ref.location));
  return [article.image, article.enclosure, article.episode?.transcript, article.episode?.chapters ?? chaptersBeside(article), article.episode?.image, ...files].filter((ref): ref is MediaRef => ref !== undefined);
}

/**
 * `episodes/ep2.chapters.json` beside a local `episodes/ep2.mp3`, when the frontmatter names no
 * chapters: probed and copied if it exists, silently absent otherwise.
 */
export function chaptersBeside(article: Pick<ArticleMeta, 'enclosure' | 'episode'>): MediaRef | undefined {
  const audio = article.enclosure;
  if (audio === undefined || !isLocal(audio) || article.episode?.chapters !== undefined) return undefined;
  const stem = audio.location.replace(/\.[^./]*$/, '');
  return { location: `${stem}.chapters.json`, file: audio.file, line: audio.line, field: 'enclosure.url' };
}

/** False for a resolved body path that climbs out of the project (`../x.png` from the root). */
function isInside(location: string): boolean {
  return location !== '..' && !location.startsWith('../');
}

// Copied into the site's own origin, these run scripts when opened: an SVG image, an HTML or
// XML enclosure (issue 10). Images are limited to raster formats; HTML transcripts are sanitised.
const ACTIVE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'application/xml', 'text/xml', 'text/javascript', 'application/javascript']);
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'];
const IMAGE_HINT = 'use a JPEG, PNG, GIF, WebP or AVIF file (an SVG can hold scripts that would run on the site)';
// media-filter.ts strips these; GIF carries no EXIF, and AVIF metadata is copied as it is (README).
const STRIPPED: Record<string, 'jpg' | 'png' | 'webp'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The local files to probe: those of the articles, and the podcast cover. */
export function localLocations(articles: readonly ArticleMeta[], site: Site): string[] {
  const refs = [...articles.flatMap(mediaRefs), ...podcastCovers(site)];
  return refs.filter(isLocal).map((ref) => ref.location);
}

// Apple Podcasts plays these (https://podcasters.apple.com/support/829-supported-audio-formats);
// the W3C validator warns about any other enclosure extension in a podcast (UnsupportedItunesFormat).
const APPLE_EPISODE_EXTENSIONS = ['m4a', 'mp3', 'mov', 'mp4', 'm4v', 'pdf', 'epub'];
// Podcasting 2.0 transcript types (https://podcasting2.org/docs/podcast-namespace/tags/transcript).
const TRANSCRIPT_TYPES = ['text/plain', 'text/html', 'text/vtt', 'application/json', 'application/x-subrip'];

export interface ResolvedMedia {
  /** Assets by article source, for articles that have any. */
  assets: Map<string, Assets>;
  /** Articles whose media are at fault; they are left out like any invalid article. */
  rejected: Set<string>;
  problems: SyndicError[];
}

/** Checks every article's media against the probes and resolves what the outputs show. */
export function resolveMedia(articles: readonly ArticleMeta[], site: Site, probes: MediaProbes): ResolvedMedia {
  const assets = new Map<string, Assets>();
  const rejected = new Set<string>();
  const problems: SyndicError[] = [];
  const bySource = new Map(articles.map((article) => [article.source, article]));
  for (const article of articles) {
    const found: SyndicError[] = [];
    const resolve = (ref: MediaRef): { asset: Asset; probe?: MediaProbe } | undefined => {
      const result = assetOf(ref, site, probes);
      if (result instanceof SyndicError) found.push(result);
      else return result;
      return undefined;
    };
    const result: Assets = {};
    if (article.image) {
      const { location: _location, file: _file, line: _line, field: _field, ...text } = article.image;
      const image = resolve(article.image);
      const local = isLocal(article.image);
      if (image && local && !IMAGE_TYPES.includes(image.asset.type ?? '')) found.push(problem(article.image, `is ${image.asset.type ?? 'of an unknown type'}, not a raster image`, IMAGE_HINT));
      else if (image && local && image.probe?.width === undefined) found.push(problem(article.image, 'is not an image whose size can be read', IMAGE_HINT));
      else if (image) result.image = { ...image.asset, ...text };
    }
    if (article.enclosure) {
      const { length, type } = article.enclosure;
      const enclosure = resolve(article.enclosure);
      const extension = article.enclosure.location.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase() ?? '';
      if (enclosure?.probe && length !== undefined && length !== enclosure.probe.stamp.size) {
        found.push(problem(article.enclosure, `length ${length} is not the file's size, ${enclosure.probe.stamp.size} bytes`, 'remove `length`: it is read from the file'));
      } else if (enclosure && (type ?? enclosure.asset.type) === undefined) {
        found.push(problem(article.enclosure, 'has no MIME type the mime database knows for its extension', 'add `type:` to the enclosure, e.g. audio/mpeg'));
      } else if (enclosure && ACTIVE_TYPES.has(type ?? enclosure.asset.type ?? '')) {
        found.push(problem(article.enclosure, `is ${type ?? enclosure.asset.type}, which readers would open as a page that can run scripts`, 'attach audio, video, a PDF or an EPUB; link a web page from the body instead'));
      } else if (enclosure && site.podcast && !APPLE_EPISODE_EXTENSIONS.includes(extension)) {
        found.push(problem(article.enclosure, `is a .${extension} file, which Apple Podcasts does not play`, `use one of ${APPLE_EPISODE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`));
      } else if (enclosure) {
        const asset = { ...enclosure.asset, ...(type === undefined ? {} : { type }) };
        result.enclosure = enclosure.probe || length === undefined ? asset : { ...asset, length };
      }
    }
    const transcriptRef = article.episode?.transcript;
    if (transcriptRef) {
      const transcript = resolve(transcriptRef);
      if (transcript && !TRANSCRIPT_TYPES.includes(transcript.asset.type ?? '')) {
        found.push(problem(transcriptRef, `is ${transcript.asset.type ?? 'of an unknown type'}, not a transcript format`, 'use a .vtt, .srt, .html, .json or .txt file'));
      } else if (transcript) result.transcript = transcript.asset;
    }
    const beside = chaptersBeside(article);
    const chapters = article.episode?.chapters ?? (beside !== undefined && typeof probes.get(beside.location) === 'object' ? beside : undefined);
    Object.assign(result, episodeArt({ ...article, episode: { ...article.episode, ...(chapters === undefined ? {} : { chapters }) } }, result, resolve, found, site.podcast !== undefined));
    const links = bodyLinks(article, site, probes, bySource, found);
    if (links.length > 0) result.links = links;
    if (found.length > 0) {
      problems.push(...found);
      rejected.add(article.source);
    } else if (Object.keys(result).length > 0) assets.set(article.source, result);
  }
  return { assets, rejected, problems };
}

/** Chapters get the Podcasting 2.0 type, which no MIME database registers. */
export const CHAPTERS_TYPE = 'application/json+chapters';
const SQUARE_HINT = 'podcast apps show episode art square: use a square JPEG or PNG of 1400 to 3000 pixels a side';

/** podcast:chapters and the square episode art, or the problems with them. */
function episodeArt(article: ArticleMeta, result: Assets, resolve: (ref: MediaRef) => { asset: Asset; probe?: MediaProbe } | undefined, found: SyndicError[], podcast: boolean): Pick<Assets, 'chapters' | 'episodeImage'> {
  const out: Pick<Assets, 'chapters' | 'episodeImage'> = {};
  const chaptersRef = article.episode?.chapters;
  if (chaptersRef) {
    const chapters = resolve(chaptersRef);
    if (chapters && isLocal(chaptersRef) && chapters.asset.type !== 'application/json') found.push(problem(chaptersRef, `is ${chapters.asset.type ?? 'of an unknown type'}, not a JSON chapters file`, 'name a .json file in the Podcasting 2.0 chapters format'));
    else if (chapters) out.chapters = { ...chapters.asset, type: CHAPTERS_TYPE };
  }
  const artRef = article.episode?.image;
  if (artRef) {
    const art = resolve(artRef);
    const { width, height } = art?.probe ?? {};
    if (art && isLocal(artRef) && art.asset.type !== 'image/jpeg' && art.asset.type !== 'image/png') found.push(problem(artRef, `is ${art.asset.type ?? 'of an unknown type'}, not a JPEG or PNG`, SQUARE_HINT));
    else if (art && isLocal(artRef) && (width === undefined || width !== height)) found.push(problem(artRef, width === undefined ? 'is not an image whose size can be read' : `is ${width}×${height ?? '?'} pixels, not square`, SQUARE_HINT));
    else if (art) out.episodeImage = art.asset;
  } else if (podcast && result.image && result.image.width !== undefined && result.image.width === result.image.height) {
    // A landscape lead image is a page's picture, not episode art; a square one is both.
    const { url, type, width, height, length, color } = result.image;
    out.episodeImage = { url, ...(type === undefined ? {} : { type }), ...(length === undefined ? {} : { length }), width, height, ...(color === undefined ? {} : { color }) };
  }
  return out;
}

const BODY_HINT = 'a body path is relative to the article\'s own file (../images/x.png from articles/a.md), or to the project root when it starts with "/"';

/** The public URL of each file and article the body references, or the problems that stop it. */
function bodyLinks(article: ArticleMeta, site: Site, probes: MediaProbes, bySource: ReadonlyMap<string, ArticleMeta>, found: SyndicError[]): Array<[string, string]> {
  const links: Array<[string, string]> = [];
  for (const ref of article.references ?? []) {
    const named = `${JSON.stringify(ref.written)}${ref.written === ref.location ? '' : ` (${ref.location})`}`;
    if (!isInside(ref.location)) {
      found.push(problem(ref, `${named} is outside the project`, `${BODY_HINT}; keep media inside the project`));
    } else if (ref.kind === 'article') {
      const target = bySource.get(ref.location);
      if (target) links.push([ref.written, pageUrl(target, site) + ref.suffix]);
      else found.push(problem(ref, `${named} is not an article of this site`, `link an article by its file, e.g. other.md from the same folder; ${BODY_HINT}`));
    } else {
      const file = assetOf(ref, site, probes);
      if (file instanceof SyndicError) found.push(file);
      else if (ACTIVE_TYPES.has(file.asset.type ?? '')) found.push(problem(ref, `${named} is ${file.asset.type ?? 'of an unknown type'}, not a raster image`, IMAGE_HINT));
      else links.push([ref.written, file.asset.url + ref.suffix]);
    }
  }
  return links;
}

/** The show's cover and those of its group podcasts. */
function podcastCovers(site: Site): MediaRef[] {
  if (!site.podcast) return [];
  return [site.podcast.image, ...(site.podcast.groups ?? []).flatMap((group) => (group.image ? [group.image] : []))];
}

/** The podcast settings with the covers resolved, or the covers' problems (Apple's rules). */
export function podcastChannel(site: Site, probes: MediaProbes): PodcastChannel | SyndicError[] | undefined {
  if (!site.podcast) return undefined;
  const { image, groups, ...podcast } = site.podcast;
  const show = coverOf(image, site, probes);
  if (!('url' in show)) return show;
  const problems: SyndicError[] = [];
  const resolved = (groups ?? []).map(({ image: own, ...group }) => {
    const cover = own === undefined ? show : coverOf(own, site, probes);
    if ('url' in cover) return { ...group, image: cover };
    problems.push(...cover);
    return { ...group, image: show };
  });
  if (problems.length > 0) return problems;
  return { ...podcast, image: show, ...(groups === undefined ? {} : { groups: resolved }) };
}

function coverOf(image: MediaRef, site: Site, probes: MediaProbes): Asset | SyndicError[] {
  const cover = assetOf(image, site, probes);
  if (cover instanceof SyndicError) return [cover];
  const hint = 'Apple Podcasts wants a square JPEG or PNG of 1400 to 3000 pixels a side';
  if (cover.asset.type !== 'image/jpeg' && cover.asset.type !== 'image/png') return [problem(image, `is ${cover.asset.type ?? 'of an unknown type'}, not a JPEG or PNG`, hint)];
  const { width, height } = cover.probe ?? {};
  if (cover.probe && (width === undefined || height === undefined)) return [problem(image, 'is not an image whose size can be read', hint)];
  if (width !== undefined && height !== undefined && (width !== height || width < 1400 || width > 3000)) {
    return [problem(image, `is ${width}×${height} pixels`, hint)];
  }
  return cover.asset;
}

/** The copies of the local files that published articles and the podcast name, each once. */
export function mediaCopies(articles: readonly ArticleMeta[], site: Site, probes: MediaProbes): FileCopy[] {
  const refs = [...articles.flatMap(mediaRefs), ...podcastCovers(site)];
  const copies = new Map<string, FileCopy>();
  for (const ref of refs.filter(isLocal)) {
    const probe = probes.get(ref.location);
    if (typeof probe !== 'object') continue;
    const filter = copyFilter(ref.location, site);
    copies.set(ref.location, { path: mediaPath(ref.location), from: probe.from, stamp: probe.stamp, ...(filter === undefined ? {} : { filter }) });
  }
  return [...copies.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Images lose their metadata (a photo's GPS position locates its source) unless the settings say
 * `media: {keepMetadata: true}`; an HTML file (only a transcript can be one) is sanitised as
 * article HTML is.
 */
function copyFilter(location: string, site: Site): CopyFilter | undefined {
  const type = mime.getType(location) ?? '';
  const format = STRIPPED[type];
  if (format !== undefined && site.media?.keepMetadata !== true) return { kind: 'metadata', format };
  if (type === 'text/html') return { kind: 'html', base: mediaUrl(location, site) };
  return undefined;
}

function assetOf(ref: MediaRef, site: Site, probes: MediaProbes): { asset: Asset; probe?: MediaProbe } | SyndicError {
  if (!isLocal(ref)) {
    const url = new URL(ref.location);
    const type = mime.getType(url.pathname);
    return { asset: { url: url.href, ...(type === null ? {} : { type }) } };
  }
  const probe = probes.get(ref.location) ?? 'does not exist';
  if (typeof probe === 'string') {
    const named = 'written' in ref && ref.written !== ref.location ? `${JSON.stringify(ref.written)} (${ref.location})` : JSON.stringify(ref.location);
    return problem(ref, `${named} ${probe}`, ref.field === 'body' ? BODY_HINT : 'local paths are relative to the project root (the folder of syndic.yaml); or give an http(s) URL');
  }
  const type = mime.getType(ref.location);
  const size = probe.width === undefined || probe.height === undefined ? {} : { width: probe.width, height: probe.height };
  const duration = probe.duration === undefined ? {} : { duration: Math.round(probe.duration) };
  const color = probe.color === undefined ? {} : { color: probe.color };
  return { asset: { url: mediaUrl(ref.location, site), ...(type === null ? {} : { type }), length: probe.stamp.size, ...size, ...duration, ...color }, probe };
}

function problem(ref: MediaRef, message: string, hint: string): SyndicError {
  const code = ref.field.startsWith('podcast.') ? 'INVALID_SETTINGS' : 'INVALID_ARTICLE';
  return new SyndicError(code, message, { file: ref.file, line: ref.line, field: ref.field, hint });
}

/** What a page shows of its media, so the cache can tell when the page must be rendered again. */
export function assetKey(media: ResolvedMedia, meta: ArticleMeta): string | undefined {
  const assets = media.assets.get(meta.source);
  return assets === undefined ? undefined : hashText(JSON.stringify(assets));
}
