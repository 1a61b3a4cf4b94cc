// The command-line dispatcher: global flags, then one module per command (src/commands/).
// Only this layer talks to people; the library below it returns data and throws SyndicError.
import { command as build } from './commands/build.js';
import { command as check } from './commands/check.js';
import { command as importArticles } from './commands/import.js';
import { command as newArticle } from './commands/new.js';
import { command as serve } from './commands/serve.js';
import { version } from './version.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Which streams are terminals. Default: neither, so output is plain lines for logs and pipes. */
  isTTY?: { stdout: boolean; stderr: boolean };
  /** The terminal a progress bar draws on (stderr, when it is one). No bar without it. */
  terminal?: NodeJS.WritableStream;
  /** For NO_COLOR and FORCE_COLOR (https://no-color.org). Default: none set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Monotonic milliseconds, for the time a command took. Default: performance.now. */
  clock?: () => number;
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

/** One subcommand: `syndic <name> …`. */
export interface Command {
  name: string;
  /** One line for `syndic --help`. */
  summary: string;
  /** Runs with the arguments after the command name; returns the exit status. */
  run(args: string[], io: Io): Promise<number>;
}

/** Exit statuses, documented in the README. */
export const EXIT = { ok: 0, invalidInput: 1, partial: 2, usage: 64, internal: 70, locked: 75 } as const;

/** Every command `main` dispatches to, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [build, check, newArticle, importArticles, serve];

// Static, so a snapshot pins it; tests/cli.test.ts checks that every command's summary is in it.
export const HELP = `Usage
  $ syndic <command> [options]
  $ syndic <command> --help
  $ syndic --help | --version

Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds and HTML pages
from Markdown articles with YAML frontmatter.

Commands
  build     Build the feeds and pages into dist/ (--watch: rebuild on every change)
  check     Validate syndic.yaml and every article without writing anything
  new       Start a draft: articles/YYYY-MM-DD-<slug>.md with its frontmatter filled in
  import    Import scraped articles, or a Jekyll, Hugo or Eleventy folder (--from)
  serve     Build, then serve dist/ on localhost with live reload (--watch)

Options
  --root DIR         Project folder, for every command (default: .)
  -h, --help         Show this help, or a command's with "syndic <command> --help"
  -v, --version      Show the version

Examples
  $ syndic build
  $ syndic build --quiet --keep-going          # from cron
  $ syndic check                               # in CI or a pre-commit hook
  $ syndic new "Titre de l'article"
  $ syndic import scraped/*.txt
  $ syndic serve --watch                       # preview with live reload

Exit status
  0 done, or nothing changed    1 invalid input, nothing written
  2 built, some articles left out (--keep-going)
  64 bad usage    70 internal error    75 another build held the lock
`;

export { version };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usage(io, 'missing command');
  if (first === '--help' || first === '-h') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) return usage(io, first.startsWith('-') ? `unknown option "${first}" before the command` : `unknown command "${first}"`);
  // Commands that run until stopped (serve, build --watch) stop cleanly on Ctrl-C or SIGTERM.
  const longRunning = command === serve || rest.includes('--watch');
  return command.run(rest, longRunning ? { ...io, interrupt: io.interrupt ?? interruption() } : io);
}

function usage(io: Io, message: string): number {
  io.stderr(`syndic: ${message}\nRun "syndic --help" for usage.\n`);
  return EXIT.usage;
}
