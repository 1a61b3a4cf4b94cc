// Stage 1: read the settings and the article files. The only stage besides `write` that touches the disk.
import { realpathSync, statSync, type Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { SyndicError } from './errors.js';
import { readRegularFile } from './regular-file.js';
import type { FileStamp, KnownFile, SourceFile } from './model.js';

export interface Loaded {
  settings: SourceFile | undefined;
  /** In file-name order: read files, and files whose stamp matched `known` (not read). */
  articles: Array<SourceFile | KnownFile>;
  problems: SyndicError[];
}

export interface LoadPaths {
  root: string;
  articlesDir: string;
  settingsFile: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the settings and every article, except those whose size, mtime and inode match
 * `known` (the build cache): those are only listed, as make and git do.
 */
export async function load(paths: LoadPaths, known: ReadonlyMap<string, FileStamp> = new Map()): Promise<Loaded> {
  const problems: SyndicError[] = [];
  const display = (file: string): string => path.relative(paths.root, file) || file;

  const settings = await readSource(paths.settingsFile, display(paths.settingsFile)).catch((error: unknown) => {
    problems.push(unreadable(error, display(paths.settingsFile), 'create syndic.yaml with title, description, url, language and author (see README)'));
    return undefined;
  });

  let listing: Dirent[] = [];
  try {
    listing = (await readdir(paths.articlesDir, { withFileTypes: true })).filter((entry) => entry.name.endsWith('.md')).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    problems.push(unreadable(error, display(paths.articlesDir), 'pass --articles DIR or create an articles/ folder'));
  }
  const articlesReal = listing.length > 0 ? await realpath(paths.articlesDir) : '';
  // statSync in a loop: 3,000 stamps in 25 ms, against 115 ms through promises, and a
  // no-change build is mostly this.
  const stamped = listing.map((entry): KnownFile | SyndicError => {
    const file = path.join(paths.articlesDir, entry.name);
    const shown = display(file);
    try {
      if (entry.isSymbolicLink()) {
        const target = realpathSync(file);
        if (!target.startsWith(articlesReal + path.sep)) {
          throw new SyndicError('UNREADABLE', `is a symbolic link to ${target}, outside the articles folder`, {
            file: shown,
            hint: 'copy the file into the articles folder instead of linking to it',
          });
        }
      }
      const info = statSync(file);
      if (!info.isFile()) throw notAFile(info.isDirectory(), shown);
      return { path: shown, stem: stemOf(file), stamp: { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } };
    } catch (error) {
      return unreadable(error, shown, 'check the file exists and is readable');
    }
  });
  const isKnown = ({ path: shown, stamp }: KnownFile): boolean => {
    const before = known.get(shown);
    return before !== undefined && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs && before.ino === stamp.ino;
  };
  // Reading one file at a time left the disk idle: 0.8 s for 3,000 articles, 0.1 s with 32 at once.
  const read = await pMap(
    stamped,
    async (item): Promise<SourceFile | KnownFile | SyndicError> => {
      if (item instanceof SyndicError || isKnown(item)) return item;
      try {
        return { ...(await readSource(path.join(paths.articlesDir, `${item.stem}.md`), item.path)), stamp: item.stamp };
      } catch (error) {
        return unreadable(error, item.path, 'check the file exists and is readable');
      }
    },
    { concurrency: 32 },
  );
  const articles = read.filter((item): item is SourceFile | KnownFile => !(item instanceof SyndicError));
  problems.push(...read.filter((item): item is SyndicError => item instanceof SyndicError));
  return { settings, articles, problems };
}

/** One file as strict UTF-8 text; `shown` is the path used in messages. */
export async function readSource(file: string, shown: string): Promise<SourceFile> {
  const bytes = await readRegularFile(file).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'EISDIR' || code === 'ENOTREG' ? notAFile(code === 'EISDIR', shown) : error;
  });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
    throw new SyndicError('UNREADABLE', 'is not UTF-8 text', { file: shown, line, hint: 'save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)' });
  }
  return { path: shown, stem: stemOf(file), text };
}

function stemOf(file: string): string {
  return path.basename(file).replace(/\.md$/, '');
}

/** Only regular files are read: a FIFO named x.md would block the build forever. */
function notAFile(isFolder: boolean, shown: string): SyndicError {
  return new SyndicError('UNREADABLE', isFolder ? 'is a folder, not a file' : 'is not a regular file (a FIFO, socket or device); Syndic reads only files', {
    file: shown,
    hint: 'replace it with a plain text file, or move it out of the project',
  });
}

function unreadable(error: unknown, shown: string, hint: string): SyndicError {
  if (error instanceof SyndicError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)' : code === 'ENAMETOOLONG' ? 'has a name too long for the filesystem' : `cannot be read (${code ?? String(error)})`;
  return new SyndicError('UNREADABLE', reason, { file: shown, hint });
}
