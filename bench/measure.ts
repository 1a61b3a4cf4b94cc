// One timed run of a command and the summary of several, for bench/run.ts and bench/groups.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';
export const hasTime = existsSync(TIME);

export interface Sample {
  seconds: number;
  peakMb: number | undefined;
  cpu?: number | undefined;
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** One run of a command, with wall time and (where /usr/bin/time exists) peak RSS. */
export function measure(command: string, args: string[], cwd?: string): Sample {
  const started = performance.now();
  // CPU seconds (user + system) beside wall time: on a shared machine they stay readable.
  // A cold build's --json lists every file it wrote: 12 MB at 100,000 articles, past spawnSync's
  // default 1 MB buffer, which would kill /usr/bin/time and lose the peak RSS.
  const options = { cwd, encoding: 'utf8', maxBuffer: 2 ** 30 } as const;
  const result = hasTime ? spawnSync(TIME, ['-f', '@@%M %U %S', command, ...args], options) : spawnSync(command, args, options);
  const seconds = (performance.now() - started) / 1000;
  const peak = /@@(\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  return {
    seconds,
    peakMb: peak ? Number(peak[1]) / 1024 : undefined,
    cpu: peak ? Number(peak[2]) + Number(peak[3]) : undefined,
    ok: result.status === 0 && result.error === undefined,
    stdout: result.stdout ?? '',
    stderr: `${(result.stderr ?? '').replace(/@@[\d. ]+\n?/, '')}${result.error ? `\n${result.error.message}` : ''}`,
  };
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  peakMb: number | undefined;
  /** Median CPU seconds, user + system. */
  cpu: number | undefined;
  failed?: string;
}

export function summarise(samples: Sample[]): Summary {
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const peaks = samples.map((s) => s.peakMb).filter((p): p is number => p !== undefined);
  const cpus = samples.map((s) => s.cpu).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  const failed = samples.find((s) => !s.ok);
  return {
    median: times[Math.floor(times.length / 2)] ?? NaN,
    min: times[0] ?? NaN,
    max: times.at(-1) ?? NaN,
    peakMb: peaks.length ? Math.max(...peaks) : undefined,
    cpu: cpus[Math.floor(cpus.length / 2)],
    ...(failed ? { failed: failed.stderr.trim().split('\n').slice(-3).join(' / ') || 'no output' } : {}),
  };
}
