// The persistent build cache: what the last successful build read and wrote, so the next
// one can skip unchanged articles without reading them. Losing it only costs time.
import { signed, verified } from '../hash.js';
import { readRegularFile } from '../regular-file.js';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ArticleMeta, FileStamp, Rendering, Site } from '../model.js';

export interface CachedFile {
  stamp: FileStamp;
  /** sha1 of the file's text, so a touched-but-identical file is not parsed again. */
  hash: string;
  /** Everything but the Markdown, which is re-read when the article must be rendered. */
  article: ArticleMeta;
  /** Kept for the entries the feed carried, so a no-change build reads no article. */
  rendering?: Rendering;
  /** Hash of the media the page showed (sizes, dimensions): a replaced image re-renders the page. */
  assets?: string;
}

export interface BuildCache {
  /** Syndic's version, the paths and the CLI overrides: any change empties the cache. */
  key: string;
  /** Hash of the settings text; a change empties the cache too. */
  settings: string;
  /** The validated settings, so an unchanged syndic.yaml is not validated again. */
  site?: Site;
  files: Map<string, CachedFile>;
  /** Output path → sha1 of the bytes last written there. */
  outputs: Map<string, string>;
  /** Each document's first output path → the fingerprint of its inputs (documents.ts): equal ones are kept. */
  documents: Map<string, string>;
}

// The cache is read back only through this schema: a file cut short, edited by hand or written
// by another version is ignored as a whole, never half-trusted. Loose objects keep the fields a
// newer model adds; every value the outputs depend on is checked for its type.
const isoDate = z.string().refine((value) => /^[+-]?\d{4,6}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'is not a date');
const person = z.looseObject({ name: z.string(), email: z.string().optional(), url: z.string().optional() });
const mediaRef = z.looseObject({ location: z.string(), file: z.string(), line: z.number(), field: z.string() });
const count = z.number().int().nonnegative();
const stamp = z.object({ size: z.number().nonnegative(), mtimeMs: z.number(), ino: z.number().nonnegative() });
const article = z.looseObject({
  source: z.string(),
  id: z.string().min(1),
  slug: z.string().min(1),
  title: z.string(),
  date: isoDate,
  updated: isoDate,
  authors: z.array(person),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  lang: z.string(),
  draft: z.boolean(),
  image: mediaRef.extend({ alt: z.string().optional() }).optional(),
  enclosure: mediaRef.extend({ length: count.optional(), type: z.string().optional() }).optional(),
  episode: z
    .looseObject({
      duration: z.number().nonnegative().optional(),
      episode: count.optional(),
      season: count.optional(),
      episodeType: z.enum(['full', 'trailer', 'bonus']).optional(),
      transcript: mediaRef.optional(),
    })
    .optional(),
  lines: z.object({ id: count, slug: count, tags: count, author: count }),
});
const cachedFile = z.object({
  stamp,
  hash: z.string(),
  article,
  rendering: z.object({ html: z.string(), excerpt: z.string() }).optional(),
  assets: z.string().optional(),
});
const group = z.union([z.literal(false), z.looseObject({ feedLimit: count, minArticles: count })]);
const site = z.looseObject({
  title: z.string(),
  description: z.string(),
  url: z.string().refine((value) => URL.canParse(value)),
  language: z.string(),
  timezone: z.string(),
  authors: z.array(person),
  copyright: z.string().optional(),
  feedLimit: count,
  podcast: z
    .looseObject({
      owner: person.extend({ email: z.string() }),
      image: mediaRef,
      categories: z.array(z.tuple([z.string(), z.array(z.string())])),
      explicit: z.boolean(),
      type: z.enum(['episodic', 'serial']),
      locked: z.boolean(),
      author: z.string().optional(),
    })
    .optional(),
  groups: z.looseObject({ tag: group, author: group }),
  archive: z.boolean(),
  hubs: z.array(z.string()),
});
const cacheJson = z.object({
  key: z.string(),
  settings: z.string(),
  site: site.optional(),
  files: z.array(z.tuple([z.string(), cachedFile])).refine((files) => files.every(([name, entry]) => name === entry.article.source), 'names a file by another name'),
  outputs: z.array(z.tuple([z.string(), z.string()])),
  documents: z.array(z.tuple([z.string(), z.string()])),
});

type CacheJson = z.infer<typeof cacheJson>;

/** A cache read back, and, when it could not be used, the one line that says why. */
export interface ReadCache {
  cache: BuildCache;
  note?: string;
}

/** Change detection, not security: sha1 hashed 10,000 articles and pages in half sha256's time. */

export function emptyCache(key: string): BuildCache {
  return { key, settings: '', files: new Map(), outputs: new Map(), documents: new Map() };
}

/** The cache if it exists, is valid and was made with `key`; otherwise an empty one, and why. */
export async function readCache(file: string, key: string): Promise<ReadCache> {
  const shown = path.join(path.basename(path.dirname(file)), path.basename(file));
  let text: string;
  try {
    text = (await readRegularFile(file)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { cache: emptyCache(key) };
    const why = code === 'EISDIR' ? 'is a folder' : code === 'ENOTREG' ? 'is not a regular file' : code === 'ENOTDIR' ? `cannot be a file: ${path.dirname(shown)} is not a folder` : code === 'EACCES' ? 'is not readable' : `cannot be read (${code ?? String(error)})`;
    return { cache: emptyCache(key), note: `the build cache ${shown} ${why}; building without it` };
  }
  let json: CacheJson;
  try {
    const body = verified(text);
    if (body === undefined) throw new Error('checksum');
    const parsed = cacheJson.safeParse(JSON.parse(body));
    if (!parsed.success) throw parsed.error;
    json = parsed.data;
  } catch {
    return { cache: emptyCache(key), note: `the build cache ${shown} is damaged; ignored it and read every article` };
  }
  if (json.key !== key) return { cache: emptyCache(key) };
  const files = json.files as unknown as Array<[string, CachedFileJson]>;
  return {
    cache: {
      key,
      settings: json.settings,
      ...(json.site === undefined ? {} : { site: json.site as unknown as Site }),
      files: new Map(files.map(([name, entry]) => [name, { ...entry, article: { ...entry.article, date: new Date(entry.article.date), updated: new Date(entry.article.updated) } }])),
      outputs: new Map(json.outputs),
      documents: new Map(json.documents),
    },
  };
}

type CachedFileJson = Omit<CachedFile, 'article'> & { article: Omit<ArticleMeta, 'date' | 'updated'> & { date: string; updated: string } };

/**
 * Written beside and renamed into place, so a killed build never leaves half a cache. A cache
 * that cannot be written (a file named .syndic-cache, a full disk) only costs the next build
 * time: the reason comes back as a note, and nothing by those names is removed.
 */
export async function writeCache(file: string, cache: BuildCache): Promise<string | undefined> {
  const json: { key: string; settings: string; site?: Site; files: Array<[string, CachedFileJson]>; outputs: Array<[string, string]>; documents: Array<[string, string]> } = {
    key: cache.key,
    settings: cache.settings,
    ...(cache.site === undefined ? {} : { site: cache.site }),
    files: [...cache.files].map(([name, entry]) => [name, { ...entry, article: { ...entry.article, date: entry.article.date.toISOString(), updated: entry.article.updated.toISOString() } }]),
    outputs: [...cache.outputs],
    documents: [...cache.documents],
  };
  const temporary = `${file}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, signed(JSON.stringify(json)));
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const shown = path.join(path.basename(path.dirname(file)), path.basename(file));
    return `the build cache ${shown} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next build will read every article`;
  }
}
