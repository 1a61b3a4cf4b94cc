// The command-line dispatcher: global flags, then one module per command (src/cli/commands/).
// Only this layer talks to people; the library below it returns data and throws SyndicError.
import { version } from '../version.js';
import { EXIT, type Command, type Io } from './io.js';
import { suggestion } from './options.js';

export { EXIT, type Command, type Io };

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

/**
 * Every command `main` dispatches to, in the order `--help` lists them. Each is loaded when it
 * runs: the others' modules (zod schemas, two YAML parsers, the importers) would cost every cron
 * tick of `build` their loading, even one that finds nothing changed (build.ts defers its stages
 * for the same reason).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./commands/init.js')).command },
  { name: 'build', load: async () => (await import('./commands/build.js')).command },
  { name: 'check', load: async () => (await import('./commands/check.js')).command },
  { name: 'new', load: async () => (await import('./commands/new.js')).command },
  { name: 'import', load: async () => (await import('./commands/import.js')).command },
  { name: 'serve', load: async () => (await import('./commands/serve.js')).command },
];

/** A command by name, and how to load it. */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

// Static, so a snapshot pins it; tests/cli.test.ts checks that every command's summary is in it.
export const HELP = `Usage
  $ syndic [global options] <command> [options]
  $ syndic help [command]
  $ syndic --help | --version

Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds and HTML pages
from Markdown articles with YAML frontmatter.

Commands
  init      Start a project: a commented syndic.yaml, articles/ with a draft, .gitignore
  build     Build the feeds and pages into dist/ (--watch: rebuild on every change)
  check     Validate syndic.yaml and every article without writing anything
  new       Start a draft: articles/YYYY-MM-DD-<slug>.md with its frontmatter filled in
  import    Import scraped articles, or a Jekyll, Hugo or Eleventy folder (--from)
  serve     Build a preview with its own folder and cache, and serve it on localhost

Global options (before or after the command)
  --root DIR         Project folder, for every command (default: .)
  -q, --quiet        One summary line, problems on stderr (build, check)
  --json             A JSON summary on stdout, for scripts (build, check)
  --no-color         No colour, as NO_COLOR=1 does
  -h, --help         Show this help, or a command's with "syndic help <command>"
  -V, --version      Show the version

Examples
  $ syndic init site --url https://news.example.org/
  $ syndic build
  $ syndic -q build --keep-going               # from cron
  $ syndic check                               # in CI or a pre-commit hook
  $ syndic new "Titre de l'article"
  $ syndic import scraped/*.txt
  $ syndic serve --watch --drafts              # preview with live reload

Exit status
  0 done, or nothing changed    1 invalid input, nothing written
  2 built, some articles left out (--keep-going)
  64 bad usage    70 internal error    75 another build held the lock
`;

export { version };

/** Global flags that take a value; the others are booleans. */
const GLOBAL_VALUES = ['--root'];
const GLOBAL_BOOLEANS = ['-q', '--quiet', '--json'];
const NO_COLOR = '--no-color';

/**
 * Global flags may come before the command: they are handed to the command as if written
 * after it, so each command still refuses a flag it does not take (`syndic --json new` is 64).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const globals: string[] = [];
  let index = 0;
  let colour = true;
  for (; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('-')) break;
    const name = arg.split('=')[0] ?? arg;
    if (arg === '--help' || arg === '-h') return help(argv[index + 1], io);
    if (arg === '--version' || arg === '-V' || arg === '-v') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (arg === NO_COLOR) colour = false;
    else if (GLOBAL_BOOLEANS.includes(arg)) globals.push(arg);
    else if (GLOBAL_VALUES.includes(name)) {
      if (arg.includes('=')) globals.push(arg);
      else {
        const value = argv[index + 1];
        if (value === undefined) return usage(io, `option "${arg}" needs a value, e.g. ${arg} site`);
        globals.push(arg, value);
        index++;
      }
    } else {
      return usage(io, `unknown option "${name}" before the command${await suggestion(name, [...GLOBAL_VALUES, ...GLOBAL_BOOLEANS, NO_COLOR, '--help', '--version'])}`);
    }
  }
  const first = argv[index];
  if (first === undefined) return usage(io, 'missing command');
  if (first === 'help') {
    if (argv.length > index + 2) return usage(io, `unexpected argument "${argv[index + 2] ?? ''}" after "help ${argv[index + 1] ?? ''}"`);
    return help(argv[index + 1], io);
  }
  const entry = COMMANDS.find((candidate) => candidate.name === first);
  if (!entry) return usage(io, `unknown command "${first}"${await suggestion(first, COMMANDS.map((c) => c.name))}`);
  // --no-color is everyone's, wherever it is written (but not after `--`, where it is an argument).
  let rest = argv.slice(index + 1);
  const end = rest.indexOf('--');
  const flags = end === -1 ? rest : rest.slice(0, end);
  if (flags.includes(NO_COLOR)) {
    colour = false;
    rest = [...flags.filter((arg) => arg !== NO_COLOR), ...(end === -1 ? [] : rest.slice(end))];
  }
  const shown = colour ? io : { ...io, env: { ...io.env, NO_COLOR: '1', FORCE_COLOR: undefined } };
  const args = [...globals, ...rest];
  // Commands that run until stopped (serve, build --watch) stop cleanly on Ctrl-C or SIGTERM.
  const longRunning = entry.name === 'serve' || rest.includes('--watch');
  const command = await entry.load();
  return command.run(args, longRunning ? { ...shown, interrupt: io.interrupt ?? interruption() } : shown);
}

/** `syndic help [command]`: the overview, or that command's own help. */
async function help(name: string | undefined, io: Io): Promise<number> {
  if (name === undefined || name.startsWith('-')) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) return usage(io, `unknown command "${name}"${await suggestion(name, COMMANDS.map((c) => c.name))}`);
  return (await entry.load()).run(['--help'], io);
}

function usage(io: Io, message: string): number {
  io.stderr(`syndic: ${message}\nRun "syndic --help" for usage.\n`);
  return EXIT.usage;
}
