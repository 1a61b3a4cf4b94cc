// The media stage, one copy for build() and check(): the local files the articles and the
// podcast name are looked at (a stat, and an image's header), every reference is resolved,
// and a file inside what Syndic writes (dist/, its staging folders, the cache) is refused.
import type { SyndicError } from '../errors.js';
import { localLocations, podcastChannel, resolveMedia, type ResolvedMedia } from './assets.js';
import type { ArticleMeta, PodcastChannel, Site } from '../model.js';
import { withoutOutputs, type ProjectPaths } from '../paths.js';
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
