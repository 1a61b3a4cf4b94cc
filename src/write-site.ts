// The write stage of a build: the batches generate() yields are staged as they come (and
// dropped), static/ files are copied over what they replace, and the new tree is swapped in.
// A failure anywhere (a render, a full disk) removes the staged tree: dist/ stays as it was.
import type { Generation } from './generate.js';
import type { OnDisk } from './incremental/plan.js';
import type { FileCopy, Output } from './model.js';
import type { ProjectPaths } from './paths.js';
import type { SyndicError } from './errors.js';
import { isCrawlerFile } from './emit/crawlers.js';
import { shown } from './paths.js';
import { overriddenBy, staticFiles } from './output/static.js';
import { leftToUser } from './output/user-files.js';
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
    const batches = generation({ onDisk: (file) => writer.existing.has(file) && writer.owned.has(file) && previous.has(file), shadowed: (file) => staticPaths.has(file) });
    await writer.add(overridden.copies);
    // A robots.txt or sitemap in the output folder that Syndic did not write is the user's: it stays.
    const notices: SyndicError[] = [];
    const theirsLeft = (batch: Array<Output | FileCopy>): Array<Output | FileCopy> => {
      const crawled = batch.filter((file): file is Output => 'contents' in file && isCrawlerFile(file.path));
      if (crawled.length === 0) return batch;
      const left = leftToUser(crawled, writer.existing, writer.owned, shown(paths, paths.outDir));
      notices.push(...left.notices);
      const written = new Set(left.outputs);
      return batch.filter((file) => !crawled.includes(file as Output) || written.has(file as Output));
    };
    let next = await batches.next();
    for (; !next.done; next = await batches.next()) await writer.add(overridden.filter(theirsLeft(next.value)));
    const result = await writer.commit(new Set([...next.value.kept].filter((kept) => !staticPaths.has(kept))));
    // overridden.notices grows as its filter meets generated files that static/ replaces.
    return { ...result, generation: next.value, notices: [...overridden.notices, ...notices] };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
