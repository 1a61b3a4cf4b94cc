// `syndic build --watch`, and the report of each rebuild that `serve --watch` shares.
import type { Io } from '../io.js';
import { SyndicError } from '../../errors.js';
import type { BuildOutcome, WatchOptions } from '../../dev/watch.js';
import { plainSummary, previewOf, printProblems, problemsOf } from '../report.js';

/** Prints one build's outcome the way `syndic build` does; a failure also says the last good site stays. */
export function reportOutcome(outcome: BuildOutcome, io: Io, preview?: string): void {
  if (outcome.ok) {
    printProblems(io, [...outcome.result.warnings, ...outcome.result.notices], 'warning');
    for (const note of outcome.result.notes) io.stderr(`note: ${note}\n`);
    io.stdout(plainSummary(outcome.result, preview));
    return;
  }
  const { error } = outcome;
  if (error instanceof SyndicError) {
    printProblems(io, problemsOf(error));
    io.stderr(`syndic: ${error.message}; the output folder keeps the last good build; fix the problem and save to rebuild\n`);
  } else {
    // A bug, not bad input: keep the stack so it can be reported, and keep watching.
    io.stderr(`syndic: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}

/** Resolves when Ctrl-C or SIGTERM arrives (never, without a signal). */
export function interrupted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Builds, rebuilds on every change until interrupted, then exits 0. */
export async function watchBuild(options: WatchOptions, io: Io): Promise<number> {
  const { watch } = await import('../../dev/watch.js');
  const watcher = await watch(options, (outcome) => reportOutcome(outcome, io, previewOf(options)));
  io.stdout('watching articles and settings for changes (Ctrl-C to stop)\n');
  await interrupted(io.interrupt);
  await watcher.close();
  return 0;
}
