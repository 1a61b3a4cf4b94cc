// The library's public option and result types, apart from build.ts so the modules build()
// calls can name them without importing build.ts back (an import cycle).
import type { FileCopy, Output } from './model.js';
import type { SyndicError } from './errors.js';
import type { PublishedMemory } from './retractions/published-memory.js';

export interface BuildOptions {
  /** Project folder. Default: the current directory. */
  root?: string;
  /** Default: `<root>/articles`. */
  articlesDir?: string;
  /** Default: `<root>/dist`. */
  outDir?: string;
  /** Default: `<root>/syndic.yaml`. */
  settingsFile?: string;
  /** Overrides `url` from the settings. */
  baseUrl?: string;
  /** Overrides `timezone` from the settings. */
  timezone?: string;
  /** "The present" for scheduled articles. Default: the real clock, read once here. */
  now?: Date;
  /** Build the good articles and return the bad ones as `warnings` instead of failing. */
  keepGoing?: boolean;
  /** How long to wait for another build of the same output folder. Default 60 000 ms. */
  lockTimeoutMs?: number;
  /** Use and update the build cache in `<root>/.syndic-cache`. Default true. */
  cache?: boolean;
  /** The build cache's file, so a preview keeps a cache of its own. Default `<root>/.syndic-cache/build.json`. */
  cacheFile?: string;
  /** Preview: publish drafts too. Never for the real output folder (the CLI refuses it). Default false. */
  drafts?: boolean;
  /** Preview: publish articles dated after `now` too. Default false. */
  future?: boolean;
  /** Worker processes for builds of 1,000 or more changed articles. Default 1 (none). */
  jobs?: number;
  /** Above this many changed articles, Markdown is re-read at page time to bound memory. Default 20,000. */
  keepMarkdownMax?: number;
  /** Called as articles are parsed and pages written, so a CLI can draw progress; build() itself never prints. */
  onProgress?: (event: BuildProgress) => void;
  // --- corrections and retractions ---
  /** Tombstone more than 3 deleted articles at once (`--confirm-deletions`). Default false: such a build stops. */
  confirmDeletions?: boolean;
  /** Update `<root>/syndic.published.json`. Default: only a real build (no `now`, `drafts` or `future`); `serve` never. */
  remember?: boolean;
  // --- end corrections and retractions ---
}

/** How far a build is: `done` of `total` changed articles parsed, or pages written. */
export interface BuildProgress {
  phase: 'parse' | 'pages';
  done: number;
  total: number;
}

export interface BuildResult {
  /** Output paths added, modified or removed by this run; empty when nothing changed. */
  changed: string[];
  /** Output files Syndic owns that this run left as they were. */
  unchanged: number;
  /** Articles read, and of those, published (not drafts, not scheduled for later). */
  articles: number;
  published: number;
  /** With `keepGoing`, the problems of the articles that were left out. */
  warnings: SyndicError[];
  /** Warnings that leave nothing out (an empty body, a draft sharing a page, a static file over a generated one): never change the exit status. */
  notices: SyndicError[];
  /** Public URLs of the subscription feeds whose bytes changed: what `--ping` announces. */
  changedFeeds: string[];
  /** The WebSub hubs of the settings. */
  hubs: string[];
  /** One line each about something that cost time but changed no output (a damaged build cache). */
  notes: string[];
  /** True when a stat of every input found all as the last build left them, so nothing else ran (incremental/quiet.ts). */
  quiet?: true;
}

/** What the pure core computes: every file of the site, as data. */
export type Generated = Omit<BuildResult, 'changed' | 'unchanged' | 'changedFeeds' | 'hubs' | 'notes' | 'quiet'> & {
  outputs: Output[];
  copies: FileCopy[];
  /** What syndic.published.json would hold after this build (retractions). */
  memory: PublishedMemory;
};

export type CheckOptions = Pick<BuildOptions, 'root' | 'articlesDir' | 'settingsFile' | 'outDir' | 'baseUrl' | 'timezone'>;

export interface CheckResult {
  /** Article files found. */
  articles: number;
  /** Every problem a build would stop on, in the order a build reports them; empty when all is well. */
  problems: SyndicError[];
  /** What a build would print as warnings without stopping (an empty body, a draft sharing a page); `check --strict` fails on them. */
  warnings: SyndicError[];
}
