// Stage 6: put the outputs on disk so that readers only ever see a complete old or a
// complete new site. The new tree is staged beside the old one and swapped in by rename.
// Syndic deletes only what it can prove it wrote (manifest.ts); everything else in the
// output folder (files, links, empty folders) is carried into the new tree.
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { hashText } from './hash.js';
import { filteredCopy } from './media/filter.js';
import { SyndicError } from './errors.js';
import { readManifest, writeManifest } from './output/manifest.js';
import { kindOf, recover, removeMarked, swap } from './output/swap.js';
import type { FileCopy, Output } from './model.js';
import { MANIFEST, swapPaths } from './paths.js';

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
  try {
    await writer.add(outputs);
    return await writer.commit(options.keep);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export interface Writer {
  /** Every regular file in the output folder when the writer opened, as `/`-separated relative paths. */
  readonly existing: ReadonlySet<string>;
  /** What the manifest says the last build wrote: the files Syndic may replace or remove. */
  readonly owned: ReadonlySet<string>;
  /** Compares these outputs with the current tree and stages the ones that differ. */
  add(outputs: ReadonlyArray<Output | FileCopy>): Promise<void>;
  /**
   * Swaps the staged tree in, or touches nothing when nothing differs. `keep` names owned
   * files that stay as they are without being passed to `add` (unchanged pages).
   */
  commit(keep?: ReadonlySet<string>): Promise<WriteResult>;
  /** Removes the staged tree after a failure; the output folder is as it was. */
  abort(): Promise<void>;
}

/** What the output folder holds besides Syndic's files, carried into each new tree. */
interface Tree {
  files: Set<string>;
  links: Set<string>;
  dirs: Set<string>;
}

/**
 * A write in batches, so a build of 100,000 pages never holds them all in memory: each
 * batch is compared and staged as it comes, and only `commit` swaps the new tree in.
 */
export async function openWriter(outDir: string, options: WriteOptions = {}): Promise<Writer> {
  const { staging } = swapPaths(outDir);
  await recover(outDir);
  const tree = await listTree(outDir);
  const manifest = await readManifest(outDir);
  // Every build replaces the whole folder: one Syndic never built (`--out /var/www`, `--out
  // ~/Documents`) is not taken over. A Syndic 0.2 output, from before manifests, has rss.xml.
  if (!manifest && tree.files.size + tree.links.size + tree.dirs.size > 0 && !tree.files.has('rss.xml')) {
    throw new SyndicError('UNSAFE_OUTPUT', `holds files but no ${MANIFEST}, so Syndic did not build it, and every build replaces the whole folder`, {
      file: outDir,
      hint: `pass --out with a new or empty folder; to build into this one anyway, mark it first: echo '{"syndic":1,"files":[]}' > ${path.join(outDir, MANIFEST)}`,
    });
  }
  // Files a build before manifests wrote stay until deleted by hand: nothing proves them Syndic's.
  const owned = manifest ?? new Set<string>();
  const existing = tree.files;
  const previous = options.previous ?? new Map<string, string>();
  const hashes = new Map<string, string>();
  const written = new Set<string>();
  const unchanged = new Set<string>();
  let staged: Promise<void> | undefined;
  // The marker goes in first: a staging folder without it is never Syndic's to delete.
  const stage = (): Promise<void> => (staged ??= mkdir(staging).then(() => writeManifest(staging, [])));

  const isSame = async (output: Output | FileCopy, hash: string): Promise<boolean> => {
    if (!existing.has(output.path)) return false;
    // The cache vouches only for files the manifest says Syndic wrote.
    const before = owned.has(output.path) ? previous.get(output.path) : undefined;
    if (before !== undefined) return before === hash;
    const file = path.join(outDir, output.path);
    if ('contents' in output) return (await readFile(file, 'utf8')) === output.contents;
    return output.filter ? (await readFile(file)).equals(await filteredCopy(output.from, output.filter)) : sameBytes(file, output.from);
  };

  return {
    existing,
    owned,

    async add(outputs) {
      await pMap(
        outputs,
        async (output) => {
          const relative = output.path;
          if (hashes.has(relative)) throw new Error(`write: ${relative} was given twice`);
          const hash = 'contents' in output ? hashText(output.contents) : copyHash(output);
          hashes.set(relative, hash);
          if (await isSame(output, hash).catch((error: unknown) => failed(error, path.join(outDir, relative), 'read'))) {
            unchanged.add(relative);
            return;
          }
          const target = path.join(staging, relative);
          try {
            await stage();
            await mkdir(path.dirname(target), { recursive: true });
            // A copy goes from disk to disk (a reflink where the filesystem can): a podcast's
            // episodes are never held in memory.
            if ('contents' in output) await writeFile(target, output.contents);
            else if (output.filter) await writeFile(target, await filteredCopy(output.from, output.filter));
            else await copyFile(output.from, target, constants.COPYFILE_FICLONE);
          } catch (error) {
            failed(error, 'contents' in output ? target : output.from, 'contents' in output ? 'write' : 'copy');
          }
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
      const removed = [...owned].filter((relative) => existing.has(relative) && !hashes.has(relative));
      const changed = [...written, ...removed].sort();
      const listed = [...hashes.keys()];
      if (changed.length === 0) {
        await removeMarked(staging);
        // Nothing to do: touch nothing, so mtimes, ETags and readers' conditional GETs stay valid.
        // Only a missing or outdated manifest is put right, in place.
        if ((await kindOf(outDir)) === 'dir' && (!sameSet(owned, listed) || !(await readManifest(outDir)))) await writeManifest(outDir, listed).catch((error: unknown) => failed(error, path.join(outDir, MANIFEST), 'write'));
        return { changed, hashes };
      }
      try {
        await stage();
        const gone = new Set(removed);
        const carried = [...existing].filter((relative) => !written.has(relative) && !gone.has(relative));
        // Folders come along with what they hold; an empty one only if it was empty before
        // (the user's), so a folder whose last page was removed goes with it.
        const parents = new Set([...tree.files, ...tree.links, ...tree.dirs].map((entry) => path.posix.dirname(entry)));
        const empty = [...tree.dirs].filter((dir) => !parents.has(dir));
        for (const relative of empty) await mkdir(path.join(staging, relative), { recursive: true });
        await pMap(carried, (relative) => preserve(path.join(outDir, relative), path.join(staging, relative)), { concurrency: IO_CONCURRENCY });
        await pMap([...tree.links].filter((relative) => !hashes.has(relative)), async (relative) => {
          await mkdir(path.dirname(path.join(staging, relative)), { recursive: true });
          await symlink(await readlink(path.join(outDir, relative)), path.join(staging, relative));
        });
        await writeManifest(staging, listed);
      } catch (error) {
        if (error instanceof SyndicError) throw error;
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
          throw new SyndicError('UNSAFE_OUTPUT', 'holds a file, folder or link of yours where Syndic writes one of its files', {
            file: (error as NodeJS.ErrnoException).path ?? outDir,
            hint: 'move your file elsewhere in the output folder, or rename it',
          });
        }
        failed(error, staging, 'write');
      }
      await swap(staging, outDir).catch((error: unknown) => failed(error, outDir, 'replace'));
      return { changed, hashes };
    },

    async abort() {
      if (staged) await removeMarked(staging).catch(() => undefined);
    },
  };
}

/** A write the disk refused, as a problem a person can act on; never a stack trace. */
function failed(error: unknown, file: string, action: 'read' | 'write' | 'copy' | 'replace'): never {
  if (error instanceof SyndicError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, [string, string]> = {
    ENOSPC: ['the disk is full', 'free some space, then build again'],
    EDQUOT: ['the disk quota is used up', 'free some space, then build again'],
    EACCES: ['permission denied', 'check that the user running Syndic may read the project and write beside the output folder'],
    EPERM: ['permission denied', 'check that the user running Syndic may read the project and write beside the output folder'],
    EROFS: ['the filesystem is read-only', 'build into a writable folder with --out DIR'],
    ENAMETOOLONG: ['a file name is too long for the filesystem', 'shorten the slug, tag or author name that makes it'],
    EIO: ['the disk reported an input/output error', 'check the disk, then build again'],
  };
  if (code === undefined || !(code in reasons)) throw error;
  const [reason, hint] = reasons[code] as [string, string];
  throw new SyndicError('WRITE_FAILED', `cannot ${action} (${reason}); the output folder was left as it was`, { file: (error as NodeJS.ErrnoException).path ?? file, hint });
}

/**
 * What the cache remembers of a copy: its source's stamp, as make does. Hashing the bytes of
 * every episode on every build would cost more than the rest of the build.
 */
function copyHash({ stamp, filter }: FileCopy): string {
  return hashText(`copy\0${stamp.size}\0${stamp.mtimeMs}\0${stamp.ino}${filter ? `\0${JSON.stringify(filter)}` : ''}`);
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
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    await copyFile(from, to);
  }
}

/** Every entry below the output folder, as `/`-separated relative paths, by kind. */
async function listTree(dir: string): Promise<Tree> {
  const tree: Tree = { files: new Set(), links: new Set(), dirs: new Set() };
  if (!(await kindOf(dir))) return tree;
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    failed(error, dir, 'read');
  }
  for (const entry of entries) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative === MANIFEST || relative === `${MANIFEST}.tmp`) continue;
    if (entry.isFile()) tree.files.add(relative);
    else if (entry.isSymbolicLink()) tree.links.add(relative);
    else if (entry.isDirectory()) tree.dirs.add(relative);
    else {
      throw new SyndicError('UNSAFE_OUTPUT', 'is a FIFO, socket or device; a swap can carry only files, folders and links', {
        file: path.join(dir, relative),
        hint: 'move it out of the output folder',
      });
    }
  }
  return tree;
}

function sameSet(set: ReadonlySet<string>, list: readonly string[]): boolean {
  return set.size === list.length && list.every((item) => set.has(item));
}
