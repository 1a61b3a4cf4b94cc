// The project's static/ folder (CNAME, favicon.ico, .well-known/, robots.txt…), copied into
// the output folder as it is. Its files win over generated ones: the user's file wins.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { SyndicError } from '../errors.js';
import { MANIFEST } from '../paths.js';
import type { FileCopy, Output } from '../model.js';

export const STATIC_DIR = 'static';

/** Every regular file below ROOT/static, as copies to the same relative path in the output folder. */
export async function staticFiles(root: string): Promise<FileCopy[]> {
  const dir = path.join(root, STATIC_DIR);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const copies = await Promise.all(
    files.map(async (from) => {
      const stats = await lstat(from);
      return { path: path.relative(dir, from).split(path.sep).join('/'), from, stamp: { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino } };
    }),
  );
  return copies.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Drops the generated files that a static file replaces, with a warning for each, so a
 * deliberate robots.txt or index.html is never silently lost either way.
 */
export function overriddenBy(all: readonly FileCopy[]): { copies: FileCopy[]; filter<T extends Output | FileCopy>(outputs: readonly T[]): T[]; notices: SyndicError[] } {
  // The manifest says what the next build may delete: a static copy of it would be rewritten
  // by every build (never "nothing changed") and could make Syndic delete the user's files.
  const reserved = all.filter((copy) => copy.path === MANIFEST);
  const copies = all.filter((copy) => copy.path !== MANIFEST);
  const paths = new Set(copies.map((copy) => copy.path));
  const notices: SyndicError[] = reserved.map(
    (copy) => new SyndicError('EXISTS', `is not copied: ${MANIFEST} is Syndic's record of the files it wrote`, { file: `${STATIC_DIR}/${copy.path}`, hint: `remove ${STATIC_DIR}/${MANIFEST}` }),
  );
  return {
    copies,
    notices,
    filter(outputs) {
      return outputs.filter((output) => {
        if (!paths.has(output.path)) return true;
        notices.push(
          new SyndicError('EXISTS', `replaces the file Syndic generates at ${output.path}`, {
            file: `${STATIC_DIR}/${output.path}`,
            hint: 'the static file wins; remove it from static/ to get the generated one back',
          }),
        );
        return false;
      });
    },
  };
}
