// What the parse stage hands on: the changed sources, parsed, and the rest from the cache.
import type { BuildCache, CachedFile } from './cache.js';
import type { SyndicError } from '../errors.js';
import type { Article, ArticleMeta, Site } from '../model.js';

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
