// syndic.published.json: what readers may still hold, kept across builds so that a deleted or
// retracted article becomes a tombstone (RFC 6721). It sits at the project root, outside the
// disposable .syndic-cache, and is meant to be committed: deleting the cache must not forget.
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { SyndicError } from '../errors.js';
import { LIMITS } from '../input/limits.js';
import { isEntryId } from '../schema.js';
import { readYaml } from '../input/yaml-source.js';

/** A live entry that is still among the newest `feedLimit` of some feed. */
export interface Remembered {
  id: string;
  /** Its article file, relative to the project root: a file still there is never a deletion. */
  source: string;
  /** Publication date, RFC 3339: how long it stays in a reader's window. */
  date: string;
  /** Folders of the feeds whose window holds it ('' for the site feed). */
  feeds: string[];
}

/** An article whose file was deleted while readers still held it. */
export interface RememberedDeletion {
  id: string;
  date: string;
  /** When a build first found it gone: the tombstone's `when`. */
  when: string;
  feeds: string[];
}

/** A retraction: its notice page outlives the article file; its tombstone, the windows. */
export interface RememberedRetraction {
  id: string;
  source: string;
  /** The page, relative to the output folder, which keeps its URL as a notice. */
  page: string;
  url: string;
  title: string;
  lang: string;
  date: string;
  when: string;
  reason: string;
  feeds: string[];
}

export interface PublishedMemory {
  /** The articles folder the memory was made from, relative to the root: another one deletes nothing. */
  articles?: string;
  entries: Remembered[];
  deleted: RememberedDeletion[];
  retracted: RememberedRetraction[];
}

export const NO_MEMORY: PublishedMemory = { entries: [], deleted: [], retracted: [] };

const ABOUT = 'Written by syndic build: the entries feed readers may still hold, and the retractions. Commit it; do not edit it. See README, "Corrections and retractions".';

const instant = z.string().max(40).refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)), 'is not an RFC 3339 instant in UTC');
const id = z.string().max(LIMITS.address).refine(isEntryId, 'is not a tag:, urn:, http: or https: id');
// Relative, `/`-separated, no `..` or empty segment: nothing named here can leave its folder.
const relative = z.string().max(LIMITS.address).refine((value) => value !== '' && value.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\') && !part.includes('\0')), 'is not a relative path inside the project');
const feedDir = z.string().max(LIMITS.address).refine((value) => value === '' || (value.endsWith('/') && relative.safeParse(value.slice(0, -1)).success), "is not a feed folder ('' or tags/…/)");
const feeds = z.array(feedDir).max(LIMITS.tags + LIMITS.authors + 1);
// Folders whose pages Syndic writes for other things: a notice there would replace one.
const RESERVED = new Set(['tags', 'authors', 'media', 'archive', 'page']);
const page = relative.refine((value) => value.endsWith('.html') && value !== 'index.html' && !RESERVED.has(value.split('/')[0] ?? ''), 'is not an article page (a .html path outside index.html, tags/, authors/, media/ and archive/)');
const text = (max: number) => z.string().min(1).max(max);

const memorySchema = z.strictObject({
  about: z.string().max(1000).optional(),
  version: z.literal(1, { error: 'must be 1: this file was written by another version of Syndic' }),
  articles: z.string().max(LIMITS.address).optional(),
  entries: z.array(z.strictObject({ id, source: relative, date: instant, feeds })),
  deleted: z.array(z.strictObject({ id, date: instant, when: instant, feeds })),
  retracted: z.array(
    z.strictObject({ id, source: relative, page, url: z.url({ protocol: /^https?$/ }).max(LIMITS.address), title: text(LIMITS.title), lang: text(100), date: instant, when: instant, reason: text(LIMITS.prose), feeds }),
  ),
});

// A broken file is one problem with many lines; the first few say what is wrong.
const SHOWN = 10;

/**
 * Reads the memory. A missing file is a first build. A broken one stops the build: ignoring
 * it would forget the retractions, and the build would then overwrite it without them.
 */
export async function readPublished(file: string, shown: string): Promise<PublishedMemory> {
  const refuse = (message: string, details: { line?: number; field?: string } = {}): SyndicError =>
    new SyndicError('INVALID_PUBLISHED', message, { file: shown, ...details, hint: `restore it from version control (git checkout -- ${shown}); delete it only to forget every published id and retraction` });
  const size = await stat(file).then((info) => (info.isFile() ? info.size : -1), (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : -1));
  if (size === undefined) return NO_MEMORY;
  if (size === -1) throw refuse('is not a readable file');
  if (size > LIMITS.publishedBytes) throw refuse(`is larger than ${LIMITS.publishedBytes / 1024 / 1024} MiB (${Math.ceil(size / 1024 / 1024)} MiB); Syndic writes only what readers may still hold`);
  const bytes = await readFile(file);
  const textOf = new TextDecoder('utf-8', { fatal: true });
  let body: string;
  try {
    body = textOf.decode(bytes);
  } catch {
    throw refuse('is not UTF-8 text');
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const at = /position (\d+)/.exec(String((error as Error).message))?.[1];
    // Without a position the text ended too early: its last line is where.
    const line = (at === undefined ? body.trimEnd() : body.slice(0, Number(at))).split('\n').length;
    throw refuse('is not valid JSON', { line });
  }
  const parsed = memorySchema.safeParse(data);
  if (!parsed.success) {
    // Lines only for a file small enough to read twice; a field path says where in any case.
    const source = body.length <= 1024 * 1024 ? readYaml(body, shown, 1, 'INVALID_PUBLISHED') : undefined;
    const problems = parsed.error.issues.slice(0, SHOWN).map((issue) => refuse(sentence(issue), { field: issue.path.join('.') || '(the whole file)', ...(source && source.problems.length === 0 ? { line: source.lineOf(issue.path) } : {}) }));
    const more = parsed.error.issues.length - problems.length;
    throw new SyndicError('BUILD_FAILED', `${shown} is unusable${more > 0 ? ` (${more} more problems not shown)` : ''}`, { problems });
  }
  const { about: _about, version: _version, ...memory } = parsed.data;
  return memory.articles === undefined ? { entries: memory.entries, deleted: memory.deleted, retracted: memory.retracted } : { articles: memory.articles, entries: memory.entries, deleted: memory.deleted, retracted: memory.retracted };
}

/** zod's wording is for programmers: say what the field must be. */
function sentence(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has fields Syndic does not write: ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return issue.code === 'too_small' ? 'must not be empty' : 'is too long';
  return issue.message;
}

/** Deterministic bytes: lists sorted by id, keys in one order, one entry per line for readable diffs. */
export function serialisePublished(memory: PublishedMemory): string {
  const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const list = (items: readonly object[]): string => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
  const entries = byId(memory.entries).map(({ id, source, date, feeds }) => ({ id, source, date, feeds: [...feeds].sort() }));
  const deleted = byId(memory.deleted).map(({ id, date, when, feeds }) => ({ id, date, when, feeds: [...feeds].sort() }));
  const retracted = byId(memory.retracted).map(({ id, source, page, url, title, lang, date, when, reason, feeds }) => ({ id, source, page, url, title, lang, date, when, reason, feeds: [...feeds].sort() }));
  const head = [`  "about": ${JSON.stringify(ABOUT)}`, '  "version": 1', ...(memory.articles === undefined ? [] : [`  "articles": ${JSON.stringify(memory.articles)}`])];
  return `{\n${[...head, `  "entries": ${list(entries)}`, `  "deleted": ${list(deleted)}`, `  "retracted": ${list(retracted)}`].join(',\n')}\n}\n`;
}

/**
 * Written beside and renamed into place, so a killed build leaves the old file or the new one,
 * never half of one; left alone when its bytes would not change (no commit noise).
 */
export async function writePublished(file: string, shown: string, memory: PublishedMemory): Promise<boolean> {
  const bytes = serialisePublished(memory);
  const before = await readFile(file, 'utf8').catch(() => undefined);
  if (before === bytes) return false;
  const temporary = `${file}.syndic-tmp`;
  try {
    // 'wx' after removing a stale one: a link planted by that name is never followed.
    await unlink(temporary).catch(() => undefined);
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, file);
    return true;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new SyndicError('WRITE_FAILED', `could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); the site was built, but the next build may not know what this one published`, { file: shown, hint: 'make the project folder writable and build again' });
  }
}
