// Entry point of a worker process: prepares a batch of articles. See build.ts, prepareAll().
import type { Site, SourceFile } from '../model.js';
import { loadLanguageRegistry } from '../language.js';
import { prepare, type Prepared } from '../parse-job.js';

export default async function prepareBatch({ files, site }: { files: SourceFile[]; site: Site }): Promise<Prepared[]> {
  await loadLanguageRegistry();
  return files.map((file) => prepare(file, site));
}
