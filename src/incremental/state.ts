// What the incremental build hands from stage to stage: the changed sources and the media
// step's findings. Apart from build.ts so write-site.ts can name them without a cycle.
import type { BuildCache, CachedFile } from './cache.js';
import type { SyndicError } from '../errors.js';
import type { ResolvedMedia } from '../media.js';
import type { Article, ArticleMeta, PodcastChannel, Site } from '../model.js';
import type { MediaProbes } from '../probe.js';

/** The sources after the parse step: what changed is parsed, the rest comes from the cache. */
export interface ChangedSources {
  cache: BuildCache;
  site: Site;
  settingsHash: string;
  /** What the next cache will hold for each valid article file. */
  files: Map<string, CachedFile>;
  /**
   * Articles parsed in this run, with their Markdown until their page is written; past
   * KEEP_MARKDOWN_MAX changed files only the fact that they changed (they are re-read then).
   */
  fresh: Map<string, Article | undefined>;
  /** Every valid article, in file-name order. */
  metas: ArticleMeta[];
  problems: SyndicError[];
  /** True when the cache must be rewritten even if no output changed. */
  dirty: boolean;
  count: number;
}

export type Media = ResolvedMedia & {
  probes: MediaProbes;
  podcast: PodcastChannel | undefined;
  /** assetKey() of every article: a page whose key changed is rendered again. */
  keys: Map<string, string | undefined>;
  dirty: boolean;
};
