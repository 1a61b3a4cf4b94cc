// The media stage, one copy for build() and check(): the local files the articles and the
// podcast name are looked at (a stat, and an image's header), every reference is resolved,
// and a file inside what Syndic writes (dist/, its staging folders, the cache) is refused.
import { SyndicError } from '../errors.js';
import { isLocal, localLocations, mediaRefs, podcastChannel, resolveMedia, type ResolvedMedia } from './assets.js';
import type { ArticleMeta, PodcastChannel, Site } from '../model.js';
import { isInside, real, type ProjectPaths } from '../paths.js';
import { probeMedia, type MediaProbes } from './probe.js';

export interface MediaFound {
  probes: MediaProbes;
  resolved: ResolvedMedia;
  /** The podcast channel, its problems (a setting's: they stop even --keep-going), or none. */
  podcast: PodcastChannel | SyndicError[] | undefined;
}

/** What the media stage hands on: the resolved media, the podcast channel, and what changed. */
export type Media = ResolvedMedia & {
  probes: MediaProbes;
  podcast: PodcastChannel | undefined;
  /** The podcast cover's problems: a setting's, so they stop even --keep-going. */
  podcastProblems: SyndicError[];
  /** assetKey() of every article: a page whose key changed is rendered again. */
  keys: Map<string, string | undefined>;
  /** True when some article's media changed since the cache was written. */
  dirty: boolean;
};

export async function findMedia(paths: ProjectPaths, articles: readonly ArticleMeta[], site: Site): Promise<MediaFound> {
  const probes = await probeMedia(paths.root, localLocations(articles, site));
  const resolved = withoutOutputs(resolveMedia(articles, site, probes), articles, probes, paths);
  return { probes, resolved, podcast: podcastChannel(site, probes) };
}

/**
 * Media the articles name inside the output folder (or what Syndic keeps beside it) would be
 * copied from the tree the build replaces: each is its article's problem.
 */
function withoutOutputs(media: ResolvedMedia, articles: readonly ArticleMeta[], probes: MediaProbes, paths: ProjectPaths): ResolvedMedia {
  const owned = [paths.outDir, paths.staging, paths.retired, paths.cacheDir].map(real);
  const problems = [...media.problems];
  const rejected = new Set(media.rejected);
  for (const article of articles) {
    for (const ref of mediaRefs(article).filter(isLocal)) {
      const probe = probes.get(ref.location);
      if (typeof probe !== 'object' || !owned.some((dir) => isInside(dir, probe.from))) continue;
      problems.push(
        new SyndicError('INVALID_ARTICLE', `${JSON.stringify(ref.location)} is inside the output folder or the build cache, which every build replaces`, {
          file: ref.file,
          line: ref.line,
          field: ref.field,
          hint: 'keep media with the sources, e.g. in images/ or media/ at the project root',
        }),
      );
      rejected.add(article.source);
    }
  }
  return { ...media, problems, rejected };
}
