// Flags shared by the commands, and the one way they report bad usage.
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.js';
import { CACHE_DIR } from '../paths.js';
import { EXIT, type Io } from './io.js';
import { problemJson } from './report.js';

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** What parseArgs gives for `options`: a string or a boolean per flag, absent when not given. */
export type Values<T extends Options> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/** The folders and settings every command that reads the project accepts. */
export const PROJECT_OPTIONS = {
  root: { type: 'string' },
  articles: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/**
 * Where `serve` and `--drafts`/`--future` builds write, relative to the project: inside the
 * cache folder, which is never published, with a cache of their own so the real one stays warm.
 */
export const PREVIEW = { outDir: `${CACHE_DIR}/preview/dist`, cacheFile: `${CACHE_DIR}/preview/build.json` } as const;

/** Overrides of syndic.yaml, for the commands that validate or build. */
export const SITE_OPTIONS = {
  'base-url': { type: 'string' },
  timezone: { type: 'string' },
} as const satisfies Options;

export const OUTPUT_OPTIONS = {
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
} as const satisfies Options;

export interface Usage {
  /** The command's name, for "Run syndic <name> --help". */
  name: string;
  help: string;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number; what: string };
}

/**
 * Parses a command's flags, strictly: unknown flags are errors, not silently ignored.
 * Returns an exit status instead when there is nothing more to do (help shown, or bad usage).
 */
export async function parseCommand<T extends Options>(args: readonly string[], options: T, usage: Usage, io: Io): Promise<{ values: Values<T>; positionals: string[] } | number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    return badUsage(io, usage.name, await flagProblem(error as NodeJS.ErrnoException, options), 'json' in options && args.includes('--json'));
  }
  const flags = parsed.values as { help?: boolean; json?: boolean };
  if (flags.help === true) {
    io.stdout(usage.help);
    return EXIT.ok;
  }
  const count = parsed.positionals.length;
  const { min, max, what } = usage.positionals;
  if (count < min) return badUsage(io, usage.name, `missing ${what}`, flags.json === true);
  if (count > max) return badUsage(io, usage.name, `unexpected argument "${parsed.positionals[max] ?? ''}"`, flags.json === true);
  return { values: parsed.values as Values<T>, positionals: parsed.positionals };
}

/**
 * parseArgs' own messages quote unevenly and suggest `-- "--x"`; say what is wrong, in our
 * words, with the nearest flag the command does take.
 */
async function flagProblem(error: NodeJS.ErrnoException, options: Options): Promise<string> {
  const flag = /'(-[^' ,]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
    return `unknown option "${flag}"${await suggestion(flag, known)}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^--?/, '');
    const option = Object.entries(options).find(([long, o]) => long === name || o.short === name);
    return option?.[1].type === 'boolean' ? `option "--${option[0]}" takes no value` : `option "${flag}" needs a value`;
  }
  return error.message;
}

/** Prints a usage error (as JSON too when asked) and returns its exit status. */
export function badUsage(io: Io, name: string, message: string, json = false): number {
  if (json) io.stdout(`${JSON.stringify({ command: name, ok: false, status: EXIT.usage, problems: [problemJson({ code: 'USAGE', message })] }, null, 2)}\n`);
  else io.stderr(`syndic ${name}: ${message}\nRun "syndic ${name} --help" for usage.\n`);
  return EXIT.usage;
}

/** `--now`: an RFC 3339 date-time with its offset, so "now" never depends on the machine's zone. */
export function parseNow(value: string | undefined): Date | undefined | Error {
  if (value === undefined) return undefined;
  const now = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(now.getTime())) {
    return new Error(`--now "${value}" is not an RFC 3339 date-time; use e.g. 2024-11-21T12:00:00+01:00`);
  }
  return now;
}

/** The BuildOptions that name the project's files and override its settings. */
export function projectOptions(values: { root?: string; articles?: string; config?: string; 'base-url'?: string; timezone?: string }): BuildOptions {
  return {
    ...(values.root === undefined ? {} : { root: values.root }),
    ...(values.articles === undefined ? {} : { articlesDir: values.articles }),
    ...(values.config === undefined ? {} : { settingsFile: values.config }),
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(values.timezone === undefined ? {} : { timezone: values.timezone }),
  };
}

/** `; did you mean "build"?` for a near miss, or nothing. */
export async function suggestion(typed: string, known: readonly string[]): Promise<string> {
  // Loaded only for a mistake, so a cron build does not pay for it.
  const { default: didYouMean } = await import('didyoumean2');
  // Compared without their dashes, which every flag shares; 0.6 keeps "biuld" → "build" and
  // "--quite" → "--quiet" (two edits in five letters), not "--colour" → "--root".
  const bare = (name: string): string => name.replace(/^-+/, '');
  const match = didYouMean(bare(typed), known.map(bare), { threshold: 0.6 });
  const meant = match === null ? undefined : known.find((name) => bare(name) === match);
  return meant === undefined ? '' : `; did you mean "${meant}"?`;
}
