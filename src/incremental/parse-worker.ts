// Entry point of a worker process: parses a batch of articles. See parse-pool.ts, parseInPool().
import type { Site, SourceFile } from '../model.js';
import { loadLanguageRegistry } from '../input/language.js';
import { parseJob, type ParseResult } from './parse-job.js';

export default async function parseBatch({ files, site }: { files: SourceFile[]; site: Site }): Promise<ParseResult[]> {
  await loadLanguageRegistry();
  return files.map((file) => parseJob(file, site));
}
