// Entry point of a worker process: prepares a batch of articles. See build.ts, prepareAll().
import type { Site, SourceFile } from './model.js';
import { prepare, type Prepared } from './prepare.js';

export default function prepareBatch({ files, site }: { files: SourceFile[]; site: Site }): Prepared[] {
  return files.map((file) => prepare(file, site));
}
