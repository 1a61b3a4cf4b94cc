// The persistent build cache: what the last successful build read and wrote, so the next
// one can skip unchanged articles without reading them. Losing it only costs time.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleMeta, FileStamp, Rendering, Site } from './model.js';

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
  /** Archive page folder → fingerprint of its members and links, so unchanged pages are not rendered again. */
  archives: Map<string, string>;
  /** Folders of the tag and author groups that had feeds: article pages link to those only. */
  groups: Set<string>;
}

interface CacheJson {
  key: string;
  settings: string;
  site?: Site;
  files: Array<[string, Omit<CachedFile, 'article'> & { article: Omit<ArticleMeta, 'date' | 'updated'> & { date: string; updated: string } }]>;
  outputs: Array<[string, string]>;
  archives?: Array<[string, string]>;
  groups?: string[];
}

/** Change detection, not security: sha1 hashed 10,000 articles and pages in half sha256's time. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

const FORMAT = 2;

export function cacheKey(version: string, paths: string, overrides: object): string {
  // FORMAT changes when what the cache holds does (articles gained `page` with permalinks).
  return hashText(JSON.stringify([FORMAT, version, paths, overrides]));
}

export function emptyCache(key: string): BuildCache {
  return { key, settings: '', files: new Map(), outputs: new Map(), archives: new Map(), groups: new Set() };
}

/** The cache if it exists, parses and was made with `key`; otherwise an empty one. */
export async function readCache(file: string, key: string): Promise<BuildCache> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as CacheJson;
    if (json.key !== key) return emptyCache(key);
    return {
      key,
      settings: json.settings,
      ...(json.site === undefined ? {} : { site: json.site }),
      files: new Map(json.files.map(([name, entry]) => [name, { ...entry, article: { ...entry.article, date: new Date(entry.article.date), updated: new Date(entry.article.updated) } }])),
      outputs: new Map(json.outputs),
      archives: new Map(json.archives ?? []),
      groups: new Set(json.groups ?? []),
    };
  } catch {
    return emptyCache(key);
  }
}

/** Written beside and renamed into place, so a killed build never leaves half a cache. */
export async function writeCache(file: string, cache: BuildCache): Promise<void> {
  const json: CacheJson = {
    key: cache.key,
    settings: cache.settings,
    ...(cache.site === undefined ? {} : { site: cache.site }),
    files: [...cache.files].map(([name, entry]) => [name, { ...entry, article: { ...entry.article, date: entry.article.date.toISOString(), updated: entry.article.updated.toISOString() } }]),
    outputs: [...cache.outputs],
    archives: [...cache.archives],
    groups: [...cache.groups],
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(json));
  await rename(`${file}.tmp`, file);
}
