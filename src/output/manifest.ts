// What Syndic can prove it wrote. Every output folder and staging folder Syndic makes holds
// `.syndic-manifest`, the list of files the build wrote there: the next build removes
// only those, and a staging-named folder without it is someone else's and is never deleted.
// The manifest lives inside the tree it describes, so the swap moves both at once.
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MANIFEST } from '../paths.js';
import { readRegularFile } from '../regular-file.js';

const manifestSchema = z.strictObject({
  /** Format version, so a later Syndic can tell an old manifest. */
  syndic: z.literal(1),
  /** Output paths, `/`-separated and relative to the folder, in sorted order. */
  files: z.array(z.string().refine((file) => file !== '' && !file.startsWith('/') && !file.split('/').some((part) => part === '..' || part === '.' || part === ''))),
});

/** The files the manifest in `dir` lists; undefined when there is none or it is not Syndic's. */
export async function readManifest(dir: string): Promise<Set<string> | undefined> {
  let text: string;
  try {
    text = (await readRegularFile(path.join(dir, MANIFEST))).toString('utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? new Set(parsed.data.files) : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed, so a killed build never leaves half a manifest. */
export async function writeManifest(dir: string, files: Iterable<string>): Promise<void> {
  const text = `${JSON.stringify({ syndic: 1, files: [...files].sort() })}\n`;
  const file = path.join(dir, MANIFEST);
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}
