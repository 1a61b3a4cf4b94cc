// The rebuild loop of `syndic build --watch` and `syndic serve --watch`: build once, then
// again whenever the articles, the settings or the project's media change.
import path from 'node:path';
import { watch as chokidar } from 'chokidar';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { projectPaths } from '../paths.js';

/** What one build of the loop gave: a result, or the error that left the last good site in place. */
export type BuildOutcome = { ok: true; result: BuildResult } | { ok: false; error: unknown };

export interface WatchOptions extends BuildOptions {
  /** Quiet time after the last change before rebuilding, so a burst (a save, a `git pull`) builds once. Default 100 ms, at least 50. */
  debounceMs?: number;
}

// chokidar reports at most one `change` per file every 50 ms and drops the rest (no trailing
// event). Waiting longer than that before a build starts reading means a dropped change always
// happened before the read, so no edit is lost.
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

export interface Watcher {
  /** Resolves after the current build, if any, and stops watching. */
  close(): Promise<void>;
}

/** The files whose change can change the site, as absolute paths. */
export function watchedPaths(options: BuildOptions): string[] {
  const { root, articlesDir, settingsFile } = projectPaths(options);
  // Local images and enclosures may be anywhere in the project (see media.ts).
  return [articlesDir, settingsFile, root];
}

/**
 * What a build itself writes, and folders no article points into: watching them would
 * rebuild after every build.
 */
export function unwatched(options: BuildOptions): (file: string) => boolean {
  const paths = projectPaths(options);
  const skipped = [paths.outDir, paths.staging, paths.retired, paths.lockFile, paths.cacheDir, ...['node_modules', '.git'].map((name) => path.join(paths.root, name))];
  return (file) => skipped.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`));
}

/**
 * Builds now, then after every burst of changes, one build at a time; `onBuild` hears each
 * outcome. A failed build throws nothing: the output folder keeps the last good site.
 */
export async function watch(options: WatchOptions, onBuild: (outcome: BuildOutcome) => void): Promise<Watcher> {
  const { debounceMs: asked = 100, ...buildOptions } = options;
  const debounceMs = Math.max(asked, CHOKIDAR_CHANGE_THROTTLE_MS + 10);
  let running: Promise<void> | undefined;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const run = (): Promise<void> => {
    running = build(buildOptions)
      .then(
        (result): BuildOutcome => ({ ok: true, result }),
        (error: unknown): BuildOutcome => ({ ok: false, error }),
      )
      .then((outcome) => {
        running = undefined;
        if (!closed) onBuild(outcome);
        // Changes made during the build get a build of their own.
        if (pending && !closed) {
          pending = false;
          void run();
        }
      });
    return running;
  };

  const changed = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) pending = true;
      else void run();
    }, debounceMs);
  };

  const watcher = chokidar(watchedPaths(options), { ignoreInitial: true, ignored: unwatched(options) });
  watcher.on('all', changed);
  // A folder that cannot be watched is reported like a failed build; the loop goes on.
  watcher.on('error', (error: unknown) => onBuild({ ok: false, error }));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  await run();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
