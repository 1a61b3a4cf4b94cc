// A thin shell over build(): parse argv, call the library, print, return an exit status.
import { parseArgs } from 'node:util';
import { SyndicError } from './errors.js';
import { version } from './version.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit statuses, documented in the README. */
export const EXIT = { ok: 0, invalidInput: 1, partial: 2, usage: 64, internal: 70, locked: 75 } as const;

export const HELP = `Usage
  $ syndic build [options]
  $ syndic --help | --version

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
  -h, --help         Show this help
  -v, --version      Show the version

Examples
  $ syndic build
  $ syndic build --root site --base-url https://news.example.org/
  $ syndic build --now 2024-11-21T12:00:00+01:00

Exit status
  0 built or nothing changed    1 invalid input, nothing written
  2 built, some articles left out (--keep-going)
  64 bad usage    70 internal error    75 another build held the lock
`;

export { version };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string' },
        articles: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        'base-url': { type: 'string' },
        timezone: { type: 'string' },
        now: { type: 'string' },
        'keep-going': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        jobs: { type: 'string' },
        ping: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`syndic: ${(error as Error).message}\nRun "syndic --help" for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const [command, ...extra] = positionals;
  if (command !== 'build' || extra.length > 0) {
    io.stderr(`syndic: ${command === undefined ? 'missing command' : `unknown command "${[command, ...extra].join(' ')}"`}\nRun "syndic --help" for usage.\n`);
    return EXIT.usage;
  }
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(now.getTime())) {
      io.stderr(`syndic: --now "${values.now}" is not an RFC 3339 date-time; use e.g. 2024-11-21T12:00:00+01:00\n`);
      return EXIT.usage;
    }
  }

  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    io.stderr(`syndic: --jobs "${values.jobs ?? ''}" is not a whole number of 1 or more\n`);
    return EXIT.usage;
  }

  try {
    // Loaded only for a build, so --help and --version answer at once.
    const { build } = await import('./build.js');
    const result = await build({
      ...(values.root === undefined ? {} : { root: values.root }),
      ...(values.articles === undefined ? {} : { articlesDir: values.articles }),
      ...(values.out === undefined ? {} : { outDir: values.out }),
      ...(values.config === undefined ? {} : { settingsFile: values.config }),
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      ...(values.timezone === undefined ? {} : { timezone: values.timezone }),
      ...(now === undefined ? {} : { now }),
      ...(values['keep-going'] ? { keepGoing: true } : {}),
      ...(values['no-cache'] ? { cache: false } : {}),
      ...(jobs === undefined ? {} : { jobs }),
    });
    for (const warning of result.warnings) io.stderr(`warning: ${warning.format()}\n`);
    const counts = `${result.published} of ${result.articles} article${result.articles === 1 ? '' : 's'} published`;
    io.stdout(result.changed.length === 0 ? `nothing changed (${counts})\n` : `built: ${counts}, ${result.changed.length} file${result.changed.length === 1 ? '' : 's'} changed\n`);
    if (values.ping) await announce(result, io);
    return result.warnings.length > 0 ? EXIT.partial : EXIT.ok;
  } catch (error) {
    if (!(error instanceof SyndicError)) throw error;
    const problems = error.problems.length > 0 ? error.problems : [error];
    for (const problem of problems) io.stderr(`${problem.format()}\n`);
    if (error.problems.length > 0) io.stderr(`syndic: ${error.message}; the output folder was left as it was\n`);
    if (error.code === 'LOCKED') return EXIT.locked;
    return problems.every((problem) => problem.code === 'USAGE') ? EXIT.usage : EXIT.invalidInput;
  }
}

/** WebSub: the files are already written, so a hub that fails is reported, never fatal. */
async function announce(result: { changedFeeds: string[]; hubs: string[] }, io: Io): Promise<void> {
  if (result.hubs.length === 0) {
    io.stderr('warning: --ping: no `hub` in the settings, nothing to notify\n');
    return;
  }
  if (result.changedFeeds.length === 0) return;
  const { ping } = await import('./ping.js');
  const results = await ping(result.hubs, result.changedFeeds);
  for (const failed of results.filter((r) => !r.ok)) {
    io.stderr(`warning: --ping: ${failed.hub} was not told about ${failed.feed} after ${failed.attempts} attempt${failed.attempts === 1 ? '' : 's'}: ${failed.error ?? 'unknown error'}; readers will still see the change at their next poll\n`);
  }
  const told = results.filter((r) => r.ok).length;
  if (told > 0) io.stdout(`pinged: ${told} of ${results.length} notification${results.length === 1 ? '' : 's'} accepted\n`);
}
