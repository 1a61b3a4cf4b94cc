// The incremental build's plan: generate() asks it what it may keep. It is backed by the build
// cache: the articles parsed in this run, the renderings kept for the feeds, and the
// fingerprint of every document the last build wrote.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Document } from '../emit/documents.js';
import { failWith } from '../errors.js';
import type { Plan } from '../generate.js';
import { readSource } from '../load.js';
import type { Media } from '../media/step.js';
import type { Article, ArticleMeta, Site } from '../model.js';
import type { ChangedSources } from './state.js';

export interface OnDisk {
  /** True when the file is in the output folder as the last build wrote it. */
  onDisk(file: string): boolean;
  /** True when a static/ file takes the path: its document's fingerprint is not remembered. */
  shadowed(file: string): boolean;
}

export function incrementalPlan(root: string, parsed: ChangedSources, media: Media, disk: OnDisk, salt: string): Plan {
  const { cache, files, fresh, site } = parsed;
  const changed = new Set(fresh.keys());
  const assetsChanged = (meta: ArticleMeta): boolean => files.get(meta.source)?.assets !== media.keys.get(meta.source);
  const inputs = new Map<string, string>();
  return {
    salt,
    inputs(meta) {
      let known = inputs.get(meta.source);
      // Every article of a build has its text's hash; one without could never be kept.
      if (known === undefined) inputs.set(meta.source, (known = `${meta.source}\0${files.get(meta.source)?.hash ?? randomUUID()}\0${media.keys.get(meta.source) ?? ''}`));
      return known;
    },
    article: async (meta) => fresh.get(meta.source) ?? (await reread(root, meta, site)),
    // A body links its files and articles by URLs that can change while it does not (a moved article).
    rendering: (meta) => (changed.has(meta.source) || assetsChanged(meta) ? undefined : files.get(meta.source)?.rendering),
    keeps: (document: Document) => !document.paths.some(disk.shadowed) && cache.documents.get(document.paths[0] as string) === document.fingerprint && document.paths.every(disk.onDisk),
    done: (meta) => void fresh.delete(meta.source),
    shadowed: disk.shadowed,
  };
}

/** An unchanged article that must be rendered again (a document that carries it changed): read and parse it. */
async function reread(root: string, meta: ArticleMeta, site: Site): Promise<Article> {
  const { parseArticle } = await import('../parse.js');
  const parsed = parseArticle(await readSource(path.resolve(root, meta.source), meta.source), site);
  if (!parsed.ok) failWith(parsed.problems);
  return parsed.value;
}
