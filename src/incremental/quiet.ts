// The quiet cron tick: when a stat of every input finds each as the last build left it, that
// build's result stands and nothing else runs. At 10,000 articles in 230 groups a no-change
// build that reads the cache and fingerprints every document took 3.0 s; this check takes a
// tenth of that, most of it process start. It is the cache deciding that everything may be
// reused, all at once: what it compares is what a build reads, so anything else runs the
// whole build. A record is never removed: a build that fails leaves the inputs it failed on
// (another stamp), and one that writes swaps dist/ and rewrites the cache (other stamps), so
// an outdated record cannot match.
//
// What a build reads, and how each is compared here:
// - the settings file, by its text's hash (it is small);
// - each article file, by the stamp load() vouches for it by (size, mtime, inode), and ctime;
// - each local media file the last build looked at, and every file of static/, by stamp;
// - each folder of the output folder, its manifest, the build cache and syndic.published.json,
//   by stamp (a file deleted from dist/ by hand is made again);
// - the clock: the record holds until the next instant at which an article is due, or leaves
//   the news sitemap's window, would change an output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildResult } from '../api.js';
import { fromData, toData, type ProblemData } from '../errors.js';
import { hashText, signed, verified } from '../hash.js';
import { readRegularFile } from '../regular-file.js';
import { NEWS_WINDOW_MS } from '../emit/news-window.js';
import type { ArticleMeta } from '../model.js';
import type { MediaProbes } from '../media/probe.js';
import { MANIFEST, type ProjectPaths } from '../paths.js';

/** What a build that changed nothing would return, and the inputs it holds for. */
interface QuietRecord {
  quiet: 1;
  inputs: string;
  outputs: string;
  /** The record holds for a build whose `now` is in [from, until). */
  from: number;
  until: number | null;
  media: string[];
  /** The output folder and every folder below it. */
  folders: string[];
  result: Omit<BuildResult, 'warnings' | 'notices' | 'changed' | 'changedFeeds' | 'notes'> & { warnings: ProblemData[]; notices: ProblemData[] };
}

/** The flags that decide whether a build fails or what it remembers, which the cache key leaves out. */
export type QuietFlags = Record<string, boolean>;

/** The stamp of every input a build reads, as of now (before the build reads them). */
export interface InputStamps {
  /** With each media location's stamp ('-' for none). */
  digest: (media: ReadonlyArray<readonly [string, string]>) => string;
}

/** A stat of every input; the media are those the last build looked at, or this one's once known. */
export function stampInputs(paths: ProjectPaths, key: string, flags: QuietFlags): InputStamps {
  const articles = listing(paths.articlesDir, (name) => name.endsWith('.md'));
  const statics = listing(paths.staticDir, () => true, true);
  const settings = bytesHash(paths.settingsFile);
  const head = JSON.stringify([key, flags, settings, articles, statics]);
  return { digest: (media) => hashText(`${head}\0${JSON.stringify(media)}`) };
}

/**
 * The output side, stamped after the build wrote: a file added to or removed from a folder
 * changes the folder's mtime, so a stat of each folder of dist/ notices a page deleted by
 * hand (made again by a build) in a tenth of the time a listing of every file takes.
 */
function stampOutputs(paths: ProjectPaths, folders: readonly string[]): string {
  const stamps = folders.map((folder) => stampOf(path.join(paths.outDir, folder)));
  // The manifest too: what it lists decides which files are the user's (a robots.txt of theirs).
  const owned = [MANIFEST, paths.cacheFile, paths.publishedFile, paths.staging, paths.retired].map((file) => stampOf(path.resolve(paths.outDir, file)));
  return hashText(JSON.stringify([stamps, owned]));
}

function foldersOf(outDir: string): string[] {
  return ['', ...listing(outDir, () => true, true, false).filter((row) => row.endsWith('\0d')).map((row) => row.slice(0, -2))];
}

/** The last build's result, when nothing it read has changed since and `now` is within its reach. */
export async function quietResult(paths: ProjectPaths, inputs: InputStamps, now: Date): Promise<BuildResult | undefined> {
  const record = await readRecord(paths.quietFile);
  if (!record) return undefined;
  const time = now.getTime();
  if (time < record.from || (record.until !== null && time >= record.until)) return undefined;
  const media = record.media.map((location) => [location, stampOf(path.join(paths.root, ...location.split('/')))] as const);
  if (record.inputs !== inputs.digest(media) || record.outputs !== stampOutputs(paths, record.folders)) return undefined;
  const { warnings, notices, ...rest } = record.result;
  return { ...rest, changed: [], changedFeeds: [], notes: [], warnings: warnings.map(fromData), notices: notices.map(fromData), quiet: true };
}

/**
 * After a build, what the next one needs to find nothing changed. `result` must be what a
 * build that changes nothing would return, so builds that told of something once (a deletion)
 * leave no record.
 */
export async function rememberQuiet(
  paths: ProjectPaths,
  inputs: InputStamps,
  // `owned`: the files Syndic owns after the build, which the next one leaves as they are.
  // `probes`: the media as this build found them, by the stamps it read them at.
  record: { now: Date; articles: readonly ArticleMeta[]; published: readonly ArticleMeta[]; probes: MediaProbes; owned: number; result: BuildResult },
): Promise<void> {
  const folders = foldersOf(paths.outDir);
  // Stamped now, but only as the probe found it: a file replaced while the build ran gets a stamp no stat matches.
  const media = [...record.probes]
    .map(([location, probe]) => {
      if (typeof probe === 'string') return [location, '-'] as const;
      const now = stampOf(probe.from);
      return [location, now.startsWith(`${probe.stamp.size}:${probe.stamp.mtimeMs}:${probe.stamp.ino}:`) ? now : 'replaced'] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const { warnings, notices, changed: _changed, changedFeeds: _feeds, notes: _notes, quiet: _quiet, ...rest } = record.result;
  const data: QuietRecord = {
    quiet: 1,
    inputs: inputs.digest(media),
    media: media.map(([location]) => location),
    outputs: stampOutputs(paths, folders),
    folders,
    from: record.now.getTime(),
    until: horizon(record.articles, record.published, record.now),
    result: { ...rest, unchanged: record.owned, warnings: warnings.map(toData), notices: notices.map(toData) },
  };
  // A record is an optimisation: one that cannot be written leaves the next build to do the work.
  const temporary = `${paths.quietFile}.tmp`;
  await writeFile(temporary, signed(JSON.stringify(data)))
    .then(() => rename(temporary, paths.quietFile))
    .catch(() => rm(temporary, { force: true }).catch(() => undefined));
}

/**
 * The first instant after `now` at which the same inputs give other outputs: an article
 * dated later is published then (select), and one in the news sitemap's two days leaves it.
 */
export function horizon(articles: readonly Pick<ArticleMeta, 'date'>[], published: readonly Pick<ArticleMeta, 'date'>[], now: Date): number | null {
  const time = now.getTime();
  let until = Number.POSITIVE_INFINITY;
  for (const { date } of articles) if (date.getTime() > time) until = Math.min(until, date.getTime());
  for (const { date } of published) if (date.getTime() >= time - NEWS_WINDOW_MS) until = Math.min(until, date.getTime() + NEWS_WINDOW_MS);
  return Number.isFinite(until) ? Math.max(until, time + 1) : null;
}

async function readRecord(file: string): Promise<QuietRecord | undefined> {
  try {
    // Signed like the cache: a record cut short or edited by hand is only ignored.
    const body = verified((await readRegularFile(file)).toString('utf8'));
    const data = body === undefined ? undefined : (JSON.parse(body) as Partial<QuietRecord>);
    return data?.quiet === 1 && typeof data.inputs === 'string' && typeof data.outputs === 'string' && Array.isArray(data.media) && Array.isArray(data.folders) && isResult(data.result) ? (data as QuietRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** What quietResult() returns from a record, checked by hand: zod would load on every quiet tick. */
function isResult(value: unknown): value is QuietRecord['result'] {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  const problems = (list: unknown): boolean => Array.isArray(list) && list.every((item) => typeof item === 'object' && item !== null && typeof (item as ProblemData).code === 'string' && typeof (item as ProblemData).message === 'string');
  return ['unchanged', 'articles', 'published'].every((key) => Number.isInteger(result[key])) && problems(result.warnings) && problems(result.notices) && Array.isArray(result.hubs) && result.hubs.every((hub) => typeof hub === 'string');
}

/** Names below `dir` with their stamps, sorted; statSync in a loop is the fastest way (load.ts). */
function listing(dir: string, wanted: (name: string) => boolean, recursive = false, stamped = true): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive });
  } catch {
    return ['-'];
  }
  const rows: string[] = [];
  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const kind = entry.isFile() ? 'f' : entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : 'o';
    // parentPath starts with dir: slicing is a third of path.relative's cost at 10,000 entries.
    rows.push(`${file.slice(dir.length + 1)}\0${kind}${stamped && kind !== 'd' ? stampOf(file) : ''}`);
  }
  return rows.sort();
}

/**
 * What load() and the media probe vouch for a file by, and its ctime: a chmod that makes a
 * file unreadable changes only that, and a whole build would find out.
 */
function stampOf(file: string): string {
  try {
    const info = statSync(file);
    return `${info.size}:${info.mtimeMs}:${info.ino}:${info.ctimeMs}`;
  } catch {
    return '-';
  }
}

function bytesHash(file: string): string {
  try {
    // A FIFO or a folder in its place would block or fail the read: load() reports it.
    if (!statSync(file).isFile()) return 'not a file';
    return createHash('sha1').update(readFileSync(file)).digest('base64url');
  } catch {
    return '-';
  }
}
