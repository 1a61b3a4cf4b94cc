// A thin shell over build(): parse argv, call the library, print, return an exit status.
import { parseArgs } from 'node:util';
import { SyndicError } from './errors.js';
import { version } from './version.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Aborted by Ctrl-C or SIGTERM; long-running commands (serve, build --watch) then stop cleanly. Default: those signals. */
  interrupt?: AbortSignal;
}

/** An AbortSignal that Ctrl-C or SIGTERM aborts, for commands that run until stopped. */
function interruption(): AbortSignal {
  const controller = new AbortController();
  // `on`, not `once`: proper-lockfile's signal-exit re-raises a signal nobody else listens to
  // any more, which would kill the process before it closes. A second Ctrl-C does quit at once.
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/** Exit statuses, documented in the README. */
export const EXIT = { ok: 0, invalidInput: 1, partial: 2, usage: 64, internal: 70, locked: 75 } as const;

export const HELP = `Usage
  $ syndic build [options]
  $ syndic serve [--port N] [--watch] [options]
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
  --watch            Rebuild on every change (articles, settings, media)
  -h, --help         Show this help
  -v, --version      Show the version

Examples
  $ syndic build
  $ syndic build --root site --base-url https://news.example.org/
  $ syndic build --now 2024-11-21T12:00:00+01:00
  $ syndic serve --watch    Build, then serve dist/ on localhost with live reload

Exit status
  0 built or nothing changed    1 invalid input, nothing written
  2 built, some articles left out (--keep-going)
  64 bad usage    70 internal error    75 another build held the lock
`;

export { version };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'serve') {
    const { command } = await import('./commands/serve.js');
    return command.run(argv.slice(1), { ...io, interrupt: io.interrupt ?? interruption() });
  }
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
        watch: { type: 'boolean' },
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
    const options = {
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
    };
    if (values.watch) {
      const { watchBuild } = await import('./commands/build-watch.js');
      return await watchBuild(options, { ...io, interrupt: io.interrupt ?? interruption() });
    }
    // Loaded only for a build, so --help and --version answer at once.
    const { build } = await import('./build.js');
    const result = await build(options);
    for (const warning of result.warnings) io.stderr(`warning: ${warning.format()}\n`);
    const counts = `${result.published} of ${result.articles} article${result.articles === 1 ? '' : 's'} published`;
    io.stdout(result.changed.length === 0 ? `nothing changed (${counts})\n` : `built: ${counts}, ${result.changed.length} file${result.changed.length === 1 ? '' : 's'} changed\n`);
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
