// `syndic build`: flags in, build() called, the outcome told to a person, a log or a script.
import path from 'node:path';
import type { BuildOptions, BuildResult } from '../../build.js';
import { projectPaths } from '../../paths.js';
import type { PingResult } from '../ping.js';
import { EXIT, type Command, type Io } from '../io.js';
import { SyndicError } from '../../errors.js';
import { badUsage, OUTPUT_OPTIONS, PREVIEW, parseCommand, parseNow, PROJECT_OPTIONS, projectOptions, SITE_OPTIONS, type Values } from '../options.js';
import { colorsFor, modeOf, plainSummary, previewOf, plural, printJson, printProblems, problemJson, problemsOf, seconds, statusOf, stopwatch, type Mode } from '../report.js';

const HELP = `Usage
  $ syndic build [options]

Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds and HTML pages
from Markdown articles with YAML frontmatter.

Options
  --root DIR         Project folder (default: .)
  --articles DIR     Articles folder (default: ROOT/articles)
  --out DIR          Output folder (default: ROOT/dist)
  --config FILE      Site settings (default: ROOT/syndic.yaml)
  --base-url URL     Override the settings' url
  --timezone ZONE    Override the settings' timezone (IANA name)
  --now DATETIME     Treat this RFC 3339 instant as the present
  --keep-going       Build the good articles, warn about the bad ones, exit 2
  --no-cache         Ignore and do not update ROOT/.syndic-cache
  --jobs N           Worker processes for large builds (default: 1)
  --ping             Tell the settings' WebSub hubs which feeds changed
  --drafts           Preview: publish drafts too (needs --out DIR other than dist/)
  --future           Preview: publish articles dated later too (needs --out DIR)
  --confirm-deletions  Tombstone more than 3 deleted articles at once
  --watch            Rebuild on every change (articles, settings, media)
  -q, --quiet        No progress or colour: one summary line, problems on stderr
  --json             Print a JSON summary on stdout instead, for scripts
  -h, --help         Show this help

Examples
  $ syndic build
  $ syndic build --root site --base-url https://news.example.org/
  $ syndic build --now 2024-11-21T12:00:00+01:00
  $ syndic build --quiet --keep-going
  $ syndic build --ping
  $ syndic build --drafts --future --out /tmp/preview
  $ syndic build --watch

Exit status
  0 built or nothing changed    1 invalid input, nothing written
  2 built, some articles left out (--keep-going)
  64 bad usage    70 internal error    75 another build held the lock
`;

/** The flags of every command that builds (build, serve). */
export const BUILD_OPTIONS = {
  ...PROJECT_OPTIONS,
  ...SITE_OPTIONS,
  out: { type: 'string' },
  now: { type: 'string' },
  'keep-going': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  'confirm-deletions': { type: 'boolean' },
} as const;

const OPTIONS = {
  ...BUILD_OPTIONS,
  ...OUTPUT_OPTIONS,
  ping: { type: 'boolean' },
  watch: { type: 'boolean' },
} as const;

/** The build those flags ask for, or the usage error that says which flag is wrong. */
export function buildOptionsOf(values: Values<typeof BUILD_OPTIONS>): BuildOptions | Error {
  const now = parseNow(values.now);
  if (now instanceof Error) return now;
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return new Error(`--jobs "${values.jobs ?? ''}" is not a whole number of 1 or more`);
  return {
    ...projectOptions(values),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(now === undefined ? {} : { now }),
    ...(values['keep-going'] ? { keepGoing: true } : {}),
    ...(values['no-cache'] ? { cache: false } : {}),
    ...(jobs === undefined ? {} : { jobs }),
    ...(values.drafts ? { drafts: true } : {}),
    ...(values.future ? { future: true } : {}),
    ...(values['confirm-deletions'] ? { confirmDeletions: true } : {}),
    // A preview keeps a cache of its own, so it never makes the next real build cold.
    ...(values.drafts || values.future ? { cacheFile: PREVIEW.cacheFile } : {}),
  };
}

/**
 * Drafts and scheduled articles go only where no reader looks: the preview folder or an
 * output folder named on purpose, never dist/, and never announced to a hub.
 */
export function previewRefusal(options: BuildOptions, ping: boolean): string | undefined {
  if (!options.drafts && !options.future) return undefined;
  const flag = options.drafts ? '--drafts' : '--future';
  if (ping) return `${flag} cannot be used with --ping: a preview is never announced to hubs`;
  if (options.outDir === undefined || intoDist(options)) {
    return `${flag} never writes into dist/, which readers see; add --out DIR (e.g. --out /tmp/preview), or preview with "syndic serve ${flag}"`;
  }
  return undefined;
}

/** True when the output folder is the project's dist/ or a folder inside it, which a host publishes. */
export function intoDist(options: Pick<BuildOptions, 'root' | 'outDir'>): boolean {
  // The default output folder of projectPaths() is the published one.
  const relative = path.relative(projectPaths({ root: options.root }).outDir, projectPaths(options).outDir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export const command: Command = {
  name: 'build',
  summary: 'Build the feeds and pages into dist/',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'build', help: HELP, positionals: { min: 0, max: 0, what: '' } }, io);
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const mode = modeOf(io, values);
    const options = buildOptionsOf(values);
    if (options instanceof Error) return badUsage(io, 'build', options.message, mode === 'json');
    const refused = previewRefusal(options, values.ping === true);
    if (refused !== undefined) return badUsage(io, 'build', refused, mode === 'json');
    if (values.watch) {
      const { watchBuild } = await import('./build-watch.js');
      return watchBuild(options, io);
    }
    return runBuild(options, mode, io, { ping: values.ping === true, storeGuid: true });
  },
};

/** Builds once and reports; also the first build of `serve`. */
export async function runBuild(options: BuildOptions, mode: Mode, io: Io, after: { ping?: boolean; storeGuid?: boolean } = {}): Promise<number> {
  const elapsed = stopwatch(io);
  // cli-progress and its text-width tables load only for a person at a terminal, not for cron.
  const progress = mode === 'tty' ? (await import('../progress.js')).progressBar(io) : undefined;
  let result: BuildResult;
  let feedFiles: readonly string[] = [];
  try {
    // Loaded only for a build, so --help and --version answer at once.
    const [{ build }, { FORMATS }] = await Promise.all([import('../../build.js'), import('../../formats.js')]);
    feedFiles = Object.values(FORMATS).map((format) => format.file);
    result = await build(progress ? { ...options, onProgress: progress.onProgress } : options);
  } catch (error) {
    if (!(error instanceof SyndicError)) throw error;
    const status = statusOf(error);
    if (mode === 'json') {
      printJson(io, { command: 'build', ok: false, status, articles: null, published: null, changed: [], feedsWritten: 0, unchanged: null, warnings: [], problems: problemsOf(error).map(problemJson), durationMs: elapsed() });
    } else {
      printProblems(io, problemsOf(error));
      if (error.problems.length > 0) io.stderr(`syndic: ${error.message}; the output folder was left as it was\n`);
    }
    return status;
  } finally {
    progress?.stop();
  }
  const status = result.warnings.length > 0 ? EXIT.partial : EXIT.ok;
  const preview = previewOf(options);
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  // `syndic build` alone (not serve): a first podcast build writes its podcast:guid into syndic.yaml.
  const stored = after.storeGuid ? await (await import('../podcast-guid.js')).storePodcastGuid(options) : undefined;
  if (stored !== undefined) io.stderr(`note: ${stored}\n`);
  // After the files are written: a hub that fails is reported, never fatal.
  const pings = after.ping ? await announce(result, mode, io) : undefined;
  // Any rss.xml, atom.xml or feed.json: of the site, a group or an archive.
  const feedsWritten = result.changed.filter((file) => feedFiles.includes(file.slice(file.lastIndexOf('/') + 1))).length;
  if (mode === 'json') {
    const { articles, published, changed, unchanged } = result;
    printJson(io, { command: 'build', ok: true, status, ...(preview ? { preview: { drafts: options.drafts === true, future: options.future === true } } : {}), articles, published, changed, feedsWritten, unchanged, warnings: [...result.warnings, ...result.notices].map(problemJson), problems: [], ...(pings ? { pings } : {}), durationMs: elapsed() });
    return status;
  }
  // Notices (an empty body, a draft sharing a page) are warnings too, but never change the status.
  printProblems(io, [...result.warnings, ...result.notices], 'warning');
  const counts = `${result.published} of ${plural(result.articles, 'article')} published`;
  const told = pings?.filter((r) => r.ok).length ?? 0;
  const pinged = pings && told > 0 ? `pinged: ${told} of ${plural(pings.length, 'notification')} accepted\n` : '';
  if (mode === 'plain') {
    io.stdout(plainSummary(result, preview));
    io.stdout(pinged);
    return status;
  }
  const c = colorsFor(io, 'stdout');
  const warnings = plural(result.warnings.length + result.notices.length, 'warning');
  const parts = [
    counts,
    `${plural(feedsWritten, 'feed')} written`,
    `${plural(result.changed.length, 'file')} changed`,
    `${result.unchanged} unchanged`,
    result.warnings.length + result.notices.length > 0 ? c.yellow(warnings) : warnings,
  ];
  const head = c.bold(`${result.changed.length === 0 ? 'Nothing changed' : 'Built'}${preview ? ` (preview with ${preview})` : ''}`);
  io.stdout(`${status === EXIT.ok ? c.green('✔') : c.yellow('!')} ${head} in ${seconds(elapsed())}: ${parts.join(c.dim(' · '))}\n`);
  io.stdout(pinged);
  return status;
}

/** WebSub: one publish notification per hub and changed subscription feed; failures become warnings. */
async function announce(result: BuildResult, mode: Mode, io: Io): Promise<PingResult[]> {
  if (result.hubs.length === 0) {
    if (mode !== 'json') io.stderr('warning: --ping: no `hub` in the settings, nothing to notify\n');
    return [];
  }
  if (result.changedFeeds.length === 0) return [];
  const { ping } = await import('../ping.js');
  const results = await ping(result.hubs, result.changedFeeds);
  if (mode !== 'json') {
    for (const failed of results.filter((r) => !r.ok)) {
      io.stderr(`warning: --ping: ${failed.hub} was not told about ${failed.feed} after ${plural(failed.attempts, 'attempt')}: ${failed.error ?? 'unknown error'}; readers will still see the change at their next poll\n`);
    }
  }
  return results;
}
