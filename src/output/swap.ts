// The swap of a staged tree into place, and the recovery of a run killed in the middle of
// one. Only folders carrying Syndic's mark (manifest.ts) are ever renamed or deleted.
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { SyndicError } from '../errors.js';
import { readManifest, writeManifest } from './manifest.js';
import { MANIFEST, swapPaths } from '../paths.js';

export async function swap(staging: string, outDir: string): Promise<void> {
  const { retired } = swapPaths(outDir);
  const hadOld = await kindOf(outDir);
  if (hadOld) {
    // The old tree must carry the marker too, or a run killed right after this rename
    // would leave a folder the next run may not delete. Its files were all carried over.
    if (!(await readManifest(outDir))) await writeManifest(outDir, []);
    await rename(outDir, retired);
  }
  await rename(staging, outDir);
  if (hadOld) await removeMarked(retired);
}

/**
 * A run killed mid-build leaves its staged tree, or between the two renames of `swap`, the old
 * tree aside: put the old tree back and remove the rest. Only folders carrying Syndic's marker
 * are touched; anything else by those names is the user's and stops the build.
 */
export async function recover(outDir: string): Promise<void> {
  const { staging, retired } = swapPaths(outDir);
  for (const dir of [retired, staging]) {
    const kind = await kindOf(dir);
    if (kind !== undefined && (kind !== 'dir' || !((await readManifest(dir)) || (await justMade(dir))))) {
      throw new SyndicError('UNSAFE_OUTPUT', 'has the name of a staging folder, but Syndic did not make it (it has no .syndic-manifest)', {
        file: dir,
        hint: 'rename or remove it; Syndic deletes only what it made',
      });
    }
  }
  if ((await kindOf(retired)) && !(await kindOf(outDir))) await rename(retired, outDir);
  await removeMarked(retired);
  await removeMarked(staging);
}

/**
 * Deletes a folder of Syndic's with its mark last, so a run killed halfway through leaves a
 * folder the next run still knows as Syndic's.
 */
export async function removeMarked(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(entries.filter((entry) => entry !== MANIFEST).map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
  await rm(dir, { recursive: true, force: true });
}

/** A staging folder killed between its mkdir and its marker: nothing in it but the marker being written. */
async function justMade(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => ['?']);
  return entries.every((entry) => entry === `${MANIFEST}.tmp`);
}

export async function kindOf(file: string): Promise<'dir' | 'other' | undefined> {
  return lstat(file).then(
    (info) => (info.isDirectory() ? 'dir' : 'other'),
    () => undefined,
  );
}
