// Builds of one output folder take turns (cron overlap): a lock file beside the folder.
import lockfile from 'proper-lockfile';
import { SyndicError } from './errors.js';

const STALE_MS = 30_000;

/** Waits up to `timeoutMs` for the lock of `outDir`; resolves to its release. */
export async function acquire(outDir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const lockfilePath = `${outDir}.lock`;
  const started = Date.now();
  for (;;) {
    try {
            // A compromised lock (its mtime could not be refreshed) must not kill the process mid-write:
      // the rename swap in write.ts already keeps readers safe from a racing build.
      return await lockfile.lock(outDir, { lockfilePath, realpath: false, stale: STALE_MS, onCompromised: () => undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() - started >= timeoutMs) {
        throw new SyndicError('LOCKED', `another build of ${outDir} is still running after ${Math.round(timeoutMs / 1000)} s`, {
          file: lockfilePath,
          hint: `this run changed nothing; the next one will catch up. A lock left by a killed build expires after ${STALE_MS / 1000} s`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
