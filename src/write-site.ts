// The write stage of a build: the batches generate() yields are staged as they come (and
// dropped), static/ files are copied over what they replace, and the new tree is swapped in.
// A failure anywhere (a render, a full disk) removes the staged tree: dist/ stays as it was.
import type { Generation } from './generate.js';
import type { OnDisk } from './incremental/plan.js';
import type { FileCopy, Output } from './model.js';
import type { ProjectPaths } from './paths.js';
import type { SyndicError } from './errors.js';
import { overriddenBy, staticFiles } from './static.js';
import { openWriter, type WriteResult } from './write.js';

export type Batches = AsyncGenerator<Array<Output | FileCopy>, Generation>;

/**
 * Writes what `generation` yields into the output folder. It is called with what is on disk,
 * so the plan can keep files; what it keeps stays as the last build wrote it.
 */
export async function writeSite(paths: ProjectPaths, previous: ReadonlyMap<string, string>, generation: (disk: OnDisk) => Batches): Promise<WriteResult & { generation: Generation; notices: SyndicError[] }> {
  const writer = await openWriter(paths.outDir, { previous });
  try {
    const overridden = overriddenBy(await staticFiles(paths.root));
    const staticPaths = new Set(overridden.copies.map((copy) => copy.path));
    const batches = generation({ onDisk: (file) => writer.existing.has(file) && previous.has(file), shadowed: (file) => staticPaths.has(file) });
    await writer.add(overridden.copies);
    let next = await batches.next();
    for (; !next.done; next = await batches.next()) await writer.add(overridden.filter(next.value));
    const result = await writer.commit(new Set([...next.value.kept].filter((kept) => !staticPaths.has(kept))));
    return { ...result, generation: next.value, notices: overridden.notices };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
