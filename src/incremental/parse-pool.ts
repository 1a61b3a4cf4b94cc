// Parsing the changed articles of a build, in this process or, for large batches, on worker
// processes (tinypool). Kept apart from parse-job.ts so a build that parses nothing never loads
// the parser.
import { existsSync } from 'node:fs';
import type { BuildOptions } from '../build.js';
import type { Site, SourceFile } from '../model.js';
import type { ParseResult } from './parse-job.js';

// Below this many changed articles, starting worker processes costs more than it saves.
const PARALLEL_MIN = 1_000;
const WORKER_BATCH = 250;

/**
 * Parses changed articles, on `jobs` worker processes for large batches.
 * Off by default: on this project's 2-core machine, parsing and rendering 4,000 articles
 * took 3.0 s in-process, 3.2-3.7 s on two worker processes and 3.1 s on two worker threads,
 * because one process already keeps the second core busy with V8's parallel GC and
 * compilation. Larger machines may gain; measure with `npm run bench` before raising --jobs.
 */
export async function parseInPool(files: readonly SourceFile[], site: Site, jobs: number, onProgress: BuildOptions['onProgress']): Promise<ParseResult[]> {
  const total = files.length;
  // A no-change build parses nothing: loading the parser and renderer for it cost start-up time.
  if (total === 0) return [];
  const workerFile = new URL('./parse-worker.js', import.meta.url);
  // Under a TypeScript test runner there is no compiled worker; do the work here.
  if (files.length > 0) await (await import('../input/language.js')).loadLanguageRegistry();
  if (jobs < 2 || files.length < PARALLEL_MIN || !existsSync(workerFile)) {
    const { parseJob } = await import('./parse-job.js');
    return files.map((file, index) => {
      const result = parseJob(file, site);
      onProgress?.({ phase: 'parse', done: index + 1, total });
      return result;
    });
  }
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerFile.href, runtime: 'child_process', serialization: 'advanced', minThreads: jobs, maxThreads: jobs });
  try {
    const batches: SourceFile[][] = [];
    for (let start = 0; start < files.length; start += WORKER_BATCH) batches.push(files.slice(start, start + WORKER_BATCH));
    let done = 0;
    const parseBatch = async (batch: SourceFile[]): Promise<ParseResult[]> => {
      const results = (await pool.run({ files: batch, site })) as ParseResult[];
      onProgress?.({ phase: 'parse', done: (done += batch.length), total });
      return results;
    };
    return (await Promise.all(batches.map(parseBatch))).flat();
  } finally {
    await pool.destroy();
  }
}
