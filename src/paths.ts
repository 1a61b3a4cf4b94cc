// Every path Syndic reads or writes, resolved in one place from the options, and the one
// check that an output folder cannot swallow the project: a swap of `--out .` would have
// deleted the articles.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SyndicError } from './errors.js';

/** What readers were given, across builds (retractions/published-memory.ts); a source, committed beside syndic.yaml. */
export const PUBLISHED_FILE = 'syndic.published.json';
/** Syndic's record, inside the output folder, of the files it wrote there (output/manifest.ts). */
export const MANIFEST = '.syndic-manifest';

export interface PathOptions {
  /** Project folder. Default: the current directory. */
  root?: string | undefined;
  /** Default: `<root>/articles`. */
  articlesDir?: string | undefined;
  /** Default: `<root>/syndic.yaml`. */
  settingsFile?: string | undefined;
  /** Default: `<root>/dist`. */
  outDir?: string | undefined;
  /** Default: `<root>/.syndic-cache/build.json`; previews keep a cache of their own. */
  cacheFile?: string | undefined;
}

/** Absolute paths of the project's sources and of everything Syndic owns. */
export interface ProjectPaths {
  root: string;
  articlesDir: string;
  settingsFile: string;
  /** Files a user adds to the site as they are (static/); a source like the articles. */
  staticDir: string;
  outDir: string;
  /** `.syndic-cache/` beside the settings' default place: the cache and the preview build. */
  cacheDir: string;
  cacheFile: string;
  /** What a build that changed nothing returned, and the stamps of what it read (incremental/quiet.ts). */
  quietFile: string;
  /** Where `serve` builds: inside the cache folder, so it may be an output folder. */
  previewDir: string;
  /** `syndic.published.json` at the root: the committed memory of published ids and retractions. */
  publishedFile: string;
  /** Beside the output folder: builds of one folder take turns. */
  lockFile: string;
  /** The new tree, written before the swap. */
  staging: string;
  /** The old tree, between the two renames of the swap. */
  retired: string;
}

export const CACHE_DIR = '.syndic-cache';

export function projectPaths(options: PathOptions = {}): ProjectPaths {
  const root = path.resolve(options.root ?? '.');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const cacheDir = path.join(root, CACHE_DIR);
  const cacheFile = options.cacheFile === undefined ? path.join(cacheDir, 'build.json') : path.resolve(root, options.cacheFile);
  return {
    root,
    articlesDir: path.resolve(root, options.articlesDir ?? 'articles'),
    settingsFile: path.resolve(root, options.settingsFile ?? 'syndic.yaml'),
    staticDir: path.join(root, 'static'),
    outDir,
    cacheDir,
    cacheFile,
    quietFile: `${cacheFile.replace(/\.json$/, '')}.quiet.json`,
    previewDir: path.join(cacheDir, 'preview'),
    publishedFile: path.join(root, PUBLISHED_FILE),
    ...swapPaths(outDir),
  };
}

/** The paths beside an output folder that Syndic owns: its lock and the two staging folders. */
export function swapPaths(outDir: string): Pick<ProjectPaths, 'lockFile' | 'staging' | 'retired'> {
  return { lockFile: `${outDir}.lock`, staging: `${outDir}.syndic-new`, retired: `${outDir}.syndic-old` };
}

/** How `file` should be named in a message: relative to the project when it is inside it. */
export function shown(paths: Pick<ProjectPaths, 'root'>, file: string): string {
  const relative = path.relative(paths.root, file);
  if (relative === '') return '.';
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The problems that forbid building into `outDir`, before anything is written: an output
 * folder that is, holds or sits inside the project's sources or the cache; one that is a
 * file or a symbolic link. Syndic replaces the output folder as a whole, so it must own it.
 */
export function outputProblems(paths: ProjectPaths): SyndicError[] {
  const out = real(paths.outDir);
  const name = shown(paths, paths.outDir);
  const refuse = (message: string, hint: string): SyndicError => new SyndicError('UNSAFE_OUTPUT', message, { file: name, field: '--out', hint });
  const elsewhere = 'pass --out with a folder of its own, such as --out dist or --out ../public';
  const root = real(paths.root);
  if (out === root || isInside(out, root)) return [refuse(`holds the whole project (${shown(paths, paths.root)}); every build replaces its output folder, which would delete the articles`, elsewhere)];
  const preview = real(paths.previewDir);
  const sources: Array<[string, string]> = [
    [paths.articlesDir, 'the articles folder'],
    [paths.settingsFile, 'the settings file'],
    [paths.publishedFile, 'the memory of published entries'],
    ...(exists(paths.staticDir) ? [[paths.staticDir, 'the static/ folder'] as [string, string]] : []),
  ];
  const problems: SyndicError[] = [];
  for (const [source, what] of sources) {
    const file = real(source);
    if (out === file || isInside(out, file) || isInside(file, out)) {
      problems.push(refuse(`overlaps ${what} (${shown(paths, source)}); every build replaces its output folder, which would delete or publish it`, elsewhere));
    }
  }
  const cache = real(paths.cacheDir);
  const previewOk = out === preview || isInside(preview, out);
  if (!previewOk && (out === cache || isInside(out, cache) || isInside(cache, out))) {
    problems.push(refuse(`overlaps the build cache (${shown(paths, paths.cacheDir)}), which only Syndic writes`, elsewhere));
  }
  if (problems.length > 0) return problems;
  const kind = kindOf(paths.outDir);
  if (kind === 'link') {
    let target = '';
    try {
      target = realpathSync(paths.outDir);
    } catch {
      target = 'a missing target';
    }
    problems.push(
      refuse(`is a symbolic link (to ${target}); swapping the new site in would write beside the link's target, outside what Syndic owns`, `pass --out ${target}, or build into a folder of its own and point the link at it yourself`),
    );
  } else if (kind === 'other') problems.push(refuse('is a file, not a folder', `move the file away, or pass --out with another folder`));
  for (const [file, role] of [
    [paths.staging, 'the new site is staged'],
    [paths.retired, 'the old site waits during the swap'],
  ] as const) {
    const found = kindOf(file);
    if (found !== undefined && found !== 'dir') {
      problems.push(new SyndicError('UNSAFE_OUTPUT', `is where ${role}, but it is not a folder Syndic made`, { file: shown(paths, file), hint: 'rename or remove it; Syndic deletes only what it made' }));
    }
  }
  return problems;
}

/** True when `inner` is strictly below `outer`. */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** The real path of `file`, following links in the part of it that exists. */
export function real(file: string): string {
  const missing: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing.reverse());
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function kindOf(file: string): 'dir' | 'link' | 'other' | undefined {
  try {
    const info = lstatSync(file);
    return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : 'other';
  } catch {
    return undefined;
  }
}

function exists(file: string): boolean {
  return kindOf(file) !== undefined;
}
