// What every command shares with the dispatcher: the streams it talks through, its own
// shape and the exit statuses. Apart from cli.ts, which imports every command, so that the
// commands need not import cli.ts back.

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
