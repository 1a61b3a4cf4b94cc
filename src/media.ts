// Media of articles and of the podcast: from references and probes to the assets outputs
// describe, the problems to report, and the files to copy. Pure: probe.ts did the reading.
import mime from 'mime';
import { hashText } from './cache.js';
import { SyndicError } from './errors.js';
import type { ArticleMeta, Asset, Assets, FileCopy, MediaProbe, MediaRef, PodcastChannel, Site } from './model.js';
import type { MediaProbes } from './probe.js';
import { mediaPath, mediaUrl } from './urls.js';

/** True for a path in the project, false for an http(s) URL. */
export function isLocal(ref: MediaRef): boolean {
  return !URL.canParse(ref.location);
}

/** Every media file an article names. */
export function mediaRefs(article: Pick<ArticleMeta, 'image' | 'enclosure' | 'episode'>): MediaRef[] {
  return [article.image, article.enclosure, article.episode?.transcript].filter((ref): ref is MediaRef => ref !== undefined);
}

/** The local files to probe: those of the articles, and the podcast cover. */
export function localLocations(articles: readonly ArticleMeta[], site: Site): string[] {
  const refs = [...articles.flatMap(mediaRefs), ...(site.podcast ? [site.podcast.image] : [])];
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
      const image = resolve(article.image);
      if (image && isLocal(article.image) && image.probe?.width === undefined) found.push(problem(article.image, 'is not an image whose size can be read', 'use a JPEG, PNG, GIF, WebP or AVIF file'));
      else if (image) result.image = { ...image.asset, ...(article.image.alt === undefined ? {} : { alt: article.image.alt }) };
    }
    if (article.enclosure) {
      const { length, type } = article.enclosure;
      const enclosure = resolve(article.enclosure);
      const extension = article.enclosure.location.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase() ?? '';
      if (enclosure?.probe && length !== undefined && length !== enclosure.probe.stamp.size) {
        found.push(problem(article.enclosure, `length ${length} is not the file's size, ${enclosure.probe.stamp.size} bytes`, 'remove `length`: it is read from the file'));
      } else if (enclosure && (type ?? enclosure.asset.type) === undefined) {
        found.push(problem(article.enclosure, 'has no MIME type the mime database knows for its extension', 'add `type:` to the enclosure, e.g. audio/mpeg'));
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
    if (found.length > 0) {
      problems.push(...found);
      rejected.add(article.source);
    } else if (Object.keys(result).length > 0) assets.set(article.source, result);
  }
  return { assets, rejected, problems };
}

/** The podcast settings with the cover resolved, or the cover's problems (Apple's rules). */
export function podcastChannel(site: Site, probes: MediaProbes): PodcastChannel | SyndicError[] | undefined {
  if (!site.podcast) return undefined;
  const { image, ...podcast } = site.podcast;
  const cover = assetOf(image, site, probes);
  if (cover instanceof SyndicError) return [cover];
  const hint = 'Apple Podcasts wants a square JPEG or PNG of 1400 to 3000 pixels a side';
  if (cover.asset.type !== 'image/jpeg' && cover.asset.type !== 'image/png') return [problem(image, `is ${cover.asset.type ?? 'of an unknown type'}, not a JPEG or PNG`, hint)];
  const { width, height } = cover.probe ?? {};
  if (cover.probe && (width === undefined || height === undefined)) return [problem(image, 'is not an image whose size can be read', hint)];
  if (width !== undefined && height !== undefined && (width !== height || width < 1400 || width > 3000)) {
    return [problem(image, `is ${width}×${height} pixels`, hint)];
  }
  return { ...podcast, image: cover.asset };
}

/** The copies of the local files that published articles and the podcast name, each once. */
export function mediaCopies(articles: readonly ArticleMeta[], site: Site, probes: MediaProbes): FileCopy[] {
  const refs = [...articles.flatMap(mediaRefs), ...(site.podcast ? [site.podcast.image] : [])];
  const copies = new Map<string, FileCopy>();
  for (const ref of refs.filter(isLocal)) {
    const probe = probes.get(ref.location);
    if (typeof probe === 'object') copies.set(ref.location, { path: mediaPath(ref.location), from: probe.from, stamp: probe.stamp });
  }
  return [...copies.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function assetOf(ref: MediaRef, site: Site, probes: MediaProbes): { asset: Asset; probe?: MediaProbe } | SyndicError {
  if (!isLocal(ref)) {
    const url = new URL(ref.location);
    const type = mime.getType(url.pathname);
    return { asset: { url: url.href, ...(type === null ? {} : { type }) } };
  }
  const probe = probes.get(ref.location) ?? 'does not exist';
  if (typeof probe === 'string') return problem(ref, `${JSON.stringify(ref.location)} ${probe}`, 'local paths are relative to the project root (the folder of syndic.yaml); or give an http(s) URL');
  const type = mime.getType(ref.location);
  const size = probe.width === undefined || probe.height === undefined ? {} : { width: probe.width, height: probe.height };
  return { asset: { url: mediaUrl(ref.location, site), ...(type === null ? {} : { type }), length: probe.stamp.size, ...size }, probe };
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
