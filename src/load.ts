// Stage 1: read the settings and the article files. The only stage besides `write` that touches the disk.
import { readFile, readdir, realpath, lstat } from 'node:fs/promises';
import path from 'node:path';
import { SyndicError } from './errors.js';
import type { SourceFile } from './model.js';

export interface Loaded {
  settings: SourceFile | undefined;
  articles: SourceFile[];
  problems: SyndicError[];
}

export interface LoadPaths {
  root: string;
  articlesDir: string;
  settingsFile: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function load(paths: LoadPaths): Promise<Loaded> {
  const problems: SyndicError[] = [];
  const display = (file: string): string => path.relative(paths.root, file) || file;

  const settings = await readSource(paths.settingsFile, display(paths.settingsFile)).catch((error: unknown) => {
    problems.push(unreadable(error, display(paths.settingsFile), 'create syndic.yaml with title, description, url, language and author (see README)'));
    return undefined;
  });

  let names: string[] = [];
  try {
    names = (await readdir(paths.articlesDir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    problems.push(unreadable(error, display(paths.articlesDir), 'pass --articles DIR or create an articles/ folder'));
  }
  const articlesReal = names.length > 0 ? await realpath(paths.articlesDir) : '';
  const articles: SourceFile[] = [];
  for (const name of names) {
    const file = path.join(paths.articlesDir, name);
    try {
      if ((await lstat(file)).isSymbolicLink()) {
        const target = await realpath(file);
        if (!target.startsWith(articlesReal + path.sep)) {
          throw new SyndicError('UNREADABLE', `is a symbolic link to ${target}, outside the articles folder`, {
            file: display(file),
            hint: 'copy the file into the articles folder instead of linking to it',
          });
        }
      }
      articles.push(await readSource(file, display(file)));
    } catch (error) {
      problems.push(unreadable(error, display(file), 'check the file exists and is readable'));
    }
  }
  return { settings, articles, problems };
}

async function readSource(file: string, shown: string): Promise<SourceFile> {
  const bytes = await readFile(file);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
    throw new SyndicError('UNREADABLE', 'is not UTF-8 text', { file: shown, line, hint: 'save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)' });
  }
  return { path: shown, stem: path.basename(file).replace(/\.md$/, ''), text };
}

function unreadable(error: unknown, shown: string, hint: string): SyndicError {
  if (error instanceof SyndicError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : `cannot be read (${String(error)})`;
  return new SyndicError('UNREADABLE', reason, { file: shown, hint });
}
