// The public library API. Everything exported here is covered by tests/index.test.ts.
export { build, type BuildOptions, type BuildProgress, type BuildResult, type Generated } from './build.js';
export { check, type CheckOptions, type CheckResult } from './check.js';
export { generateSite } from './pipeline.js';
export { loadLanguageRegistry } from './input/language.js';
export { probeMedia, type MediaProbes } from './media/probe.js';
export { serve, type Server, type ServeOptions } from './dev/serve.js';
export { watch, type BuildOutcome, type Watcher, type WatchOptions } from './dev/watch.js';
export { SyndicError, type SyndicErrorCode, type SyndicErrorDetails } from './errors.js';
export type { Article, Entry, FeedSpec, FileCopy, MediaProbe, Output, Person, Site, SourceFile } from './model.js';
export type { Settings, Frontmatter } from './schema.js';
