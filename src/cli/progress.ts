// A progress bar for builds long enough to wonder about, on a terminal only.
import cliProgress from 'cli-progress';
import type { BuildProgress } from '../build.js';
import type { Io } from './io.js';

/** Below this many articles in a phase, a build is over before a bar would be read. */
export const PROGRESS_MIN = 500;

const LABELS: Record<BuildProgress['phase'], string> = { parse: 'Reading articles', pages: 'Writing pages   ' };

export interface Progress {
  onProgress(event: BuildProgress): void;
  /** Removes the bar, so the summary that follows stands alone. */
  stop(): void;
}

/** A bar drawn on `io.terminal`, or nothing when there is no terminal to draw on. */
export function progressBar(io: Io, min = PROGRESS_MIN): Progress {
  const stream = io.terminal;
  if (!stream || io.isTTY?.stderr !== true) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} {bar} {value}/{total} articles', barsize: 30, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: BuildProgress['phase'] | undefined;
  return {
    onProgress(event) {
      if (event.total < min) return;
      if (phase === undefined) bar.start(event.total, event.done, { phase: LABELS[event.phase] });
      else if (phase !== event.phase) bar.setTotal(event.total);
      phase = event.phase;
      bar.update(event.done, { phase: LABELS[event.phase] });
    },
    stop() {
      if (phase !== undefined) bar.stop();
    },
  };
}
