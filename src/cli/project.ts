// What `new` and `import` share: the project's settings, and writing an article that must not exist yet.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nextName } from '../authoring/article-text.js';
import { SyndicError } from '../errors.js';
import type { Site } from '../model.js';
import { loadLanguageRegistry } from '../input/language.js';
import { readSource } from '../load.js';
import { parseArticle, parseSettings } from '../parse.js';
import { projectPaths } from '../paths.js';

export interface Project {
  site: Site;
  /** The articles folder as the user can reach it from here, e.g. `site/articles`. */
  articlesDir: string;
}

/** Reads and validates the settings; throws every problem in them at once. */
export async function openProject(values: { root?: string | undefined; articles?: string | undefined; config?: string | undefined; timezone?: string | undefined }): Promise<Project> {
  const paths = projectPaths({ root: values.root, articlesDir: values.articles, settingsFile: values.config });
  // Messages name files as the user reached them: `site/articles`, or the absolute path given.
  const root = values.root ?? '.';
  const within = (given: string | undefined, fallback: string, resolved: string): string =>
    path.isAbsolute(given ?? fallback) ? resolved : path.isAbsolute(root) ? resolved : path.relative(process.cwd(), resolved) || '.';
  const settingsFile = within(values.config, 'syndic.yaml', paths.settingsFile);
  let file;
  try {
    // Strict UTF-8, as a build reads it: a Latin-1 syndic.yaml is refused, not read with U+FFFD.
    file = await readSource(paths.settingsFile, settingsFile);
  } catch (error) {
    if (error instanceof SyndicError) throw error;
    throw new SyndicError('UNREADABLE', 'cannot be read', { file: settingsFile, hint: 'run this in the folder that holds syndic.yaml, or pass --root DIR' });
  }
  await loadLanguageRegistry();
  const parsed = parseSettings({ path: settingsFile, stem: path.basename(settingsFile), text: file.text }, values.timezone === undefined ? {} : { timezone: values.timezone });
  if (!parsed.ok) throw new SyndicError('INVALID_SETTINGS', 'the settings are invalid', { problems: parsed.problems });
  return { site: parsed.value, articlesDir: within(values.articles, 'articles', paths.articlesDir) };
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

/**
 * The error for a name that is taken, naming the next free one (`x-2.md`); `retry` says how
 * to get it, e.g. `syndic new "Le brief 2"`.
 */
export function takenName(articlesDir: string, name: string, retry: (free: string) => string): SyndicError {
  const free = nextName(name, (candidate) => existsSync(path.join(articlesDir, candidate)));
  return new SyndicError('EXISTS', `already exists; Syndic never overwrites an article. The next free name is ${path.join(articlesDir, free)}`, {
    file: path.join(articlesDir, name),
    hint: retry(free),
  });
}

/** The articles already in the folder, by NFC title and instant: an import of one of them is skipped. */
export async function existingArticles(articlesDir: string, site: Site): Promise<{ byArticle: Map<string, string> }> {
  const byArticle = new Map<string, string>();
  const names = await readdir(articlesDir).catch(() => []);
  for (const name of names.filter((entry) => entry.endsWith('.md')).sort()) {
    const file = path.join(articlesDir, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const parsed = parseArticle({ path: file, stem: name.slice(0, -3), text }, site);
    if (parsed.ok) byArticle.set(`${parsed.value.title.normalize('NFC')}\0${parsed.value.date.getTime()}`, file);
  }
  return { byArticle };
}

// Generated output, dependencies and Hugo's section lists are not posts.
const NOT_POSTS = new Set(['node_modules', '_site', 'public', 'resources', 'dist', '_includes', '_layouts', '_data']);

/** Markdown posts below `dir`, as sorted `/`-separated relative paths; undefined when `dir` cannot be read. */
export async function postsIn(dir: string): Promise<string[] | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  return entries
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/.test(entry.name) && entry.name !== '_index.md' && !/^(readme|license|changelog)\./i.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.split('/').some((part) => NOT_POSTS.has(part) || part.startsWith('.')))
    .sort();
}
