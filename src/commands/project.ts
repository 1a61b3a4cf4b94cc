// What `new` and `import` share: the project's settings, and writing an article that must not exist yet.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SyndicError } from '../errors.js';
import type { Site } from '../model.js';
import { parseSettings } from '../parse.js';

export interface Project {
  site: Site;
  /** The articles folder as the user can reach it from here, e.g. `site/articles`. */
  articlesDir: string;
}

/** Reads and validates the settings; throws every problem in them at once. */
export async function openProject(values: { root?: string | undefined; articles?: string | undefined; config?: string | undefined; timezone?: string | undefined }): Promise<Project> {
  const root = values.root ?? '.';
  const within = (file: string): string => (path.isAbsolute(file) ? file : path.join(root, file));
  const settingsFile = within(values.config ?? 'syndic.yaml');
  let text: string;
  try {
    text = await readFile(settingsFile, 'utf8');
  } catch {
    throw new SyndicError('UNREADABLE', 'cannot be read', { file: settingsFile, hint: 'run this in the folder that holds syndic.yaml, or pass --root DIR' });
  }
  const parsed = parseSettings({ path: settingsFile, stem: path.basename(settingsFile), text }, values.timezone === undefined ? {} : { timezone: values.timezone });
  if (!parsed.ok) throw new SyndicError('INVALID_SETTINGS', 'the settings are invalid', { problems: parsed.problems });
  return { site: parsed.value, articlesDir: within(values.articles ?? 'articles') };
}

/** Creates `file` with `text`, never replacing what is there: the user's file wins. */
export async function createArticle(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, with no window between a check and the write.
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new SyndicError('EXISTS', 'already exists; Syndic never overwrites an article', { file, hint: 'edit that file, or choose another title or date' });
  }
}
