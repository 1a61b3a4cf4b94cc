// Builds of one output folder take turns (cron overlap): a lock file beside the folder that
// records its owner's PID. proper-lockfile is not used: its signal-exit handler holds
// SIGTERM and Ctrl-C until a long synchronous step ends (14.7 s for a deep list). With no
// handler, a signal kills at once; the next run takes over a dead owner's lock at once and
// removes the staged tree it left (write.ts).
import { hostname } from 'node:os';
import { lstat, open, readFile, rmdir, unlink, utimes } from 'node:fs/promises';
import { SyndicError } from '../errors.js';

// A live owner refreshes its lock's mtime every few seconds; one on another machine (a shared
// disk) that stopped refreshing for this long is dead.
const STALE_MS = 30_000;
const REFRESH_MS = 5_000;

// Made when a lock is found, the rare case: zod loads only then, not on every cron tick.
async function lockSchema() {
  const { z } = await import('zod');
  return z.object({ syndic: z.literal(1), pid: z.number().int().positive(), host: z.string() });
}

/** Waits up to `timeoutMs` for the lock file `lockFile`; resolves to its release. */
export async function acquire(lockFile: string, timeoutMs: number): Promise<() => Promise<void>> {
  const started = Date.now();
  const me = { syndic: 1, pid: process.pid, host: hostname() };
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(me)}\n`);
      } finally {
        await handle.close();
      }
      return held(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(lockFile, error);
    }
    if (await takeOver(lockFile)) continue;
    if (Date.now() - started >= timeoutMs) {
      throw new SyndicError('LOCKED', `another build of this output folder is still running after ${Math.round(timeoutMs / 1000)} s`, {
        file: lockFile,
        hint: 'this run changed nothing; the next one will catch up. A lock whose build died is taken over at once',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Keeps the lock fresh while held; the release removes it. */
function held(lockFile: string): () => Promise<void> {
  const timer = setInterval(() => {
    const now = new Date();
    utimes(lockFile, now, now).catch(() => undefined);
  }, REFRESH_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await unlink(lockFile).catch(() => undefined);
  };
}

/**
 * Removes the lock when its owner is provably gone: a PID on this machine that no longer
 * runs, or a lock nobody refreshed for STALE_MS. True when it was removed. A file by that
 * name that is not a Syndic lock is the user's: the build stops rather than delete it.
 */
async function takeOver(lockFile: string): Promise<boolean> {
  let info;
  try {
    info = await lstat(lockFile);
  } catch {
    return true; // released meanwhile
  }
  const stale = Date.now() - info.mtimeMs > STALE_MS;
  // A folder is the lock of Syndic 0.2 (proper-lockfile): an empty directory.
  if (info.isDirectory()) {
    if (!stale) return false;
    try {
      await rmdir(lockFile);
      return true;
    } catch {
      throw notALock(lockFile, 'is a folder with files in it');
    }
  }
  if (!info.isFile()) throw notALock(lockFile, 'is not a file');
  let owner;
  try {
    owner = (await lockSchema()).safeParse(JSON.parse(await readFile(lockFile, 'utf8')));
  } catch {
    owner = undefined;
  }
  if (!owner?.success) {
    // Being written this very moment by a build that just created it.
    if (Date.now() - info.mtimeMs < 2_000) return false;
    // Empty: a build killed between creating its lock and writing it. There is nothing to lose.
    if (info.size === 0) {
      await unlink(lockFile).catch(() => undefined);
      return true;
    }
    throw notALock(lockFile, 'is not a lock Syndic wrote');
  }
  // A PID can be reused (containers start every run at a low one): staleness decides then.
  const dead = stale || (owner.data.host === hostname() && !isRunning(owner.data.pid));
  if (!dead) return false;
  await unlink(lockFile).catch(() => undefined);
  return true;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function notALock(lockFile: string, what: string): SyndicError {
  return new SyndicError('UNSAFE_OUTPUT', `${what}; Syndic keeps its build lock under this name`, { file: lockFile, hint: 'rename or remove it; Syndic deletes only what it made' });
}

function unusable(lockFile: string, error: unknown): SyndicError {
  const code = (error as NodeJS.ErrnoException).code ?? 'an error';
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the filesystem is read-only' : code === 'ENOSPC' ? 'the disk is full' : code;
  return new SyndicError('WRITE_FAILED', `cannot create the build lock (${reason})`, { file: lockFile, hint: 'check that the user running Syndic may write in the folder that holds the output folder' });
}
