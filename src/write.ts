// Stage 6: put the outputs on disk so that readers only ever see a complete old or a
// complete new site. The new tree is staged beside the old one and swapped in by rename.
import { constants } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, writeFile, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { hashText } from './cache.js';
import type { FileCopy, Output } from './model.js';
import { isOwned } from './urls.js';

export interface WriteResult {
  /** Output paths whose bytes changed (added, modified or removed). */
  changed: string[];
  /** sha1 of every owned file now in the output folder, for the build cache. */
  hashes: Map<string, string>;
}

export interface WriteOptions {
  /** Hashes of what the last build wrote: equal hashes need no read to compare. */
  previous?: ReadonlyMap<string, string>;
}


// Comparing and writing one file at a time left the disk idle; 32 at once is 5-8x faster.
const IO_CONCURRENCY = 32;

export async function write(outDir: string, outputs: ReadonlyArray<Output | FileCopy>, options: WriteOptions & { keep?: ReadonlySet<string> } = {}): Promise<WriteResult> {
  const writer = await openWriter(outDir, options);
  await writer.add(outputs);
  return writer.commit(options.keep);
}

export interface Writer {
  /** Every file in the output folder when the writer opened, as `/`-separated relative paths. */
  readonly existing: ReadonlySet<string>;
  /** Compares these outputs with the current tree and stages the ones that differ. */
  add(outputs: ReadonlyArray<Output | FileCopy>): Promise<void>;
  /**
   * Swaps the staged tree in, or touches nothing when nothing differs. `keep` names owned
   * files that stay as they are without being passed to `add` (unchanged pages).
   */
  commit(keep?: ReadonlySet<string>): Promise<WriteResult>;
}

/**
 * A write in batches, so a build of 100,000 pages never holds them all in memory: each
 * batch is compared and staged as it comes, and only `commit` swaps the new tree in.
 */
export async function openWriter(outDir: string, options: WriteOptions = {}): Promise<Writer> {
  const previous = options.previous ?? new Map<string, string>();
  await recover(outDir);
  const existing = await listOutputs(outDir);
  const staging = `${outDir}.syndic-new`;
  await rm(staging, { recursive: true, force: true });
  const hashes = new Map<string, string>();
  const written = new Set<string>();
  const unchanged = new Set<string>();
  let staged = false;

  const isSame = async (output: Output | FileCopy, hash: string): Promise<boolean> => {
    if (!existing.has(output.path)) return false;
    const before = previous.get(output.path);
    if (before !== undefined) return before === hash;
    const file = path.join(outDir, output.path);
    return 'contents' in output ? (await readFile(file, 'utf8')) === output.contents : sameBytes(file, output.from);
  };

  return {
    existing,

    async add(outputs) {
      await pMap(
        outputs,
        async (output) => {
          const relative = output.path;
          if (hashes.has(relative)) throw new Error(`write: ${relative} was given twice`);
          const hash = 'contents' in output ? hashText(output.contents) : copyHash(output);
          hashes.set(relative, hash);
          if (await isSame(output, hash)) {
            unchanged.add(relative);
            return;
          }
          if (!staged) {
            staged = true;
            await mkdir(staging, { recursive: true });
          }
          await mkdir(path.dirname(path.join(staging, relative)), { recursive: true });
          // A copy goes from disk to disk (a reflink where the filesystem can): a podcast's
          // episodes are never held in memory.
          if ('contents' in output) await writeFile(path.join(staging, relative), output.contents);
          else await copyFile(output.from, path.join(staging, relative), constants.COPYFILE_FICLONE);
          written.add(relative);
        },
        { concurrency: IO_CONCURRENCY },
      );
    },

    async commit(keep = new Set<string>()) {
      for (const relative of keep) {
        if (hashes.has(relative)) throw new Error(`write: ${relative} was both written and kept`);
        const hash = previous.get(relative);
        if (!existing.has(relative) || hash === undefined) throw new Error(`write: asked to keep ${relative}, which the last build did not write`);
        hashes.set(relative, hash);
        unchanged.add(relative);
      }
      const removed = [...existing].filter((relative) => isOwned(relative) && !hashes.has(relative));
      const changed = [...written, ...removed].sort();
      // Nothing to do: touch nothing, so mtimes, ETags and readers' conditional GETs stay valid.
      if (changed.length === 0) {
        await rm(staging, { recursive: true, force: true });
        return { changed, hashes };
      }
      await mkdir(staging, { recursive: true });
      // A file written this run (a static/ file over an old copy of itself) is not carried over it.
      const carried = [...existing].filter((relative) => !written.has(relative) && (unchanged.has(relative) || !isOwned(relative)));
      await pMap(carried, (relative) => preserve(path.join(outDir, relative), path.join(staging, relative)), { concurrency: IO_CONCURRENCY });
      await swap(staging, outDir);
      return { changed, hashes };
    },
  };
}

/**
 * What the cache remembers of a copy: its source's stamp, as make does. Hashing the bytes of
 * every episode on every build would cost more than the rest of the build.
 */
function copyHash({ stamp }: FileCopy): string {
  return hashText(`copy\0${stamp.size}\0${stamp.mtimeMs}\0${stamp.ino}`);
}

/** Byte comparison in chunks, for builds without a cache. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([open(a, 'r'), open(b, 'r')]);
  try {
    if ((await first.stat()).size !== (await second.stat()).size) return false;
    const left = Buffer.alloc(1 << 16);
    const right = Buffer.alloc(1 << 16);
    for (;;) {
      const [{ bytesRead }, other] = await Promise.all([first.read(left, 0, left.length), second.read(right, 0, right.length)]);
      if (bytesRead !== other.bytesRead || !left.subarray(0, bytesRead).equals(right.subarray(0, bytesRead))) return false;
      if (bytesRead === 0) return true;
    }
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}

/** Hard links keep the old inode and mtime; a copy is the fallback across odd filesystems. */
async function preserve(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

async function swap(staging: string, outDir: string): Promise<void> {
  const retired = `${outDir}.syndic-old`;
  await rm(retired, { recursive: true, force: true });
  const hadOld = await exists(outDir);
  if (hadOld) await rename(outDir, retired);
  await rename(staging, outDir);
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

/** A run killed between the two renames of `swap` leaves the old tree aside; put it back. */
async function recover(outDir: string): Promise<void> {
  const retired = `${outDir}.syndic-old`;
  if (!(await exists(outDir)) && (await exists(retired))) await rename(retired, outDir);
  await rm(retired, { recursive: true, force: true });
  await rm(`${outDir}.syndic-new`, { recursive: true, force: true });
}

/** Every file below the output folder, as `/`-separated relative paths. */
async function listOutputs(dir: string): Promise<Set<string>> {
  if (!(await exists(dir))) return new Set();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(
    entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
