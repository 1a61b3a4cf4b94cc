// The real `syndic` binary as a long-running child process (serve, build --watch), with
// waits on its output rather than on the clock.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/syndic.js');

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The first match of `pattern` in the stream's output after its first `from` characters; rejects if the process exits first. */
  waitFor(pattern: RegExp, options?: { stream?: 'stdout' | 'stderr'; from?: number }): Promise<RegExpMatchArray>;
  /** The exit code, once the process ends by itself. */
  exit(): Promise<number | null>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString()));
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    waitFor(pattern, { stream = 'stdout', from = 0 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text[stream].slice(from).match(pattern);
          if (!match) return;
          child[stream].off('data', check);
          resolve(match);
        };
        child[stream].on('data', check);
        void exited.then((code) => reject(new Error(`syndic exited (${String(code)}) before printing ${String(pattern)}\nstdout: ${text.stdout}\nstderr: ${text.stderr}`)));
        check();
      });
    },
    exit: () => exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
