// The one core of every build: published articles in, the site's files out, in batches. A
// full build's plan keeps nothing; the incremental plan (incremental/plan.ts) is backed by the
// build cache and keeps every document whose fingerprint is unchanged, so an incremental
// build is a full build with some files left as they are. No disk and no clock: the plan
// supplies the articles' Markdown.
import pMap from 'p-map';
import { articleDocument, feedLinks, siteDocuments, type Document, type DocumentContext } from './emit/documents.js';
import type { Article, ArticleMeta, Entry, FileCopy, Output, Rendering, Site } from './model.js';
import { mediaCopies } from './media/assets.js';
import type { Media } from './media/step.js';
import type { RetractionPlan } from './retractions/plan.js';
import { plans } from './select.js';
import { FEED_PATHS, pagePath, pageUrl } from './addresses/urls.js';

export interface GenerateInput {
  site: Site;
  /** Tombstones of articles no longer published, and the notices that keep retracted pages (retractions.ts). */
  retraction?: Pick<RetractionPlan, 'gone' | 'notices'>;
  /** Every published article, newest first (select()). */
  published: readonly ArticleMeta[];
  media: Media;
  now: Date;
  onProgress?: ((event: { phase: 'pages'; done: number; total: number }) => void) | undefined;
}

/** What the build already has: how generate() learns what it may keep and where the Markdown is. */
export interface Plan {
  /** Folded into every fingerprint: the settings and the versions the bytes depend on. */
  salt: string;
  /** A short string that changes whenever the article's text or media do. */
  inputs(meta: ArticleMeta): string;
  /** The article with its Markdown, to render it. */
  article(meta: ArticleMeta): Promise<Article>;
  /** A rendering an earlier build made that is still right, if the plan has one. */
  rendering(meta: ArticleMeta): Rendering | undefined;
  /** True when the document's files are on disk as a document of this fingerprint made them. */
  keeps(document: Document): boolean;
  /** The article's page is out: what the plan holds of it for that can go. */
  done(meta: ArticleMeta): void;
  /** True when a file of the user's takes the path (static/): its document's fingerprint is not remembered. */
  shadowed(file: string): boolean;
}

/** What a generation leaves besides its files, for the write stage and the next build. */
export interface Generation {
  /** Files left as they are: their documents' fingerprints did not change. */
  kept: Set<string>;
  /** Each document's first path → its fingerprint. */
  fingerprints: Map<string, string>;
  /** The renderings of what the subscription feeds carry, for the next build. */
  renderings: Map<string, Rendering>;
  /** Feed document path → its public URL (what --ping announces). */
  feedUrls: Map<string, string>;
}

// 20,000 renderings make a cache of ~120 MB that loads in well under a second; rendering them
// again takes ten times that. Beyond it (giant feeds) the cache would outgrow its use.
const RENDERINGS_KEPT = 20_000;
// Pages go out in batches and are dropped once staged, so 100,000 are never held at once.
const PAGE_BATCH = 500;
// Feeds and archive pages hold up to feedLimit full articles in three formats each.
const DOCUMENT_BATCH = 64;

/** A full build's plan over articles held in memory: nothing is kept, everything is made. */
export function fullPlan(articles: ReadonlyMap<string, Article>): Plan {
  return {
    salt: '',
    inputs: (meta) => meta.source,
    article: async (meta) => articles.get(meta.source) ?? Promise.reject(new Error(`generate: ${meta.source} is not in the plan`)),
    rendering: () => undefined,
    keeps: () => false,
    done: () => undefined,
    shadowed: () => false,
  };
}

/** The site's files, in batches to stage one at a time; returns what the plan and cache need next. */
export async function* generate(input: GenerateInput, plan: Plan): AsyncGenerator<Array<Output | FileCopy>, Generation> {
  const { site, published, media, now } = input;
  const feeds = plans([...published], site);
  const context: DocumentContext = { site, now, feeds, podcast: media.podcast, inputs: plan.inputs, salt: plan.salt, gone: input.retraction?.gone ?? new Map(), notices: input.retraction?.notices ?? [] };
  const kept = new Set<string>();
  const fingerprints = new Map<string, string>();
  const entries = new Map<string, Entry>();
  let renderer: typeof import('./render.js') | undefined;
  const entryOf = async (meta: ArticleMeta): Promise<Entry> => {
    const known = entries.get(meta.source);
    if (known) return known;
    const assets = media.assets.get(meta.source);
    const rendering = plan.rendering(meta);
    // Loaded on first use: a build that keeps every document never loads Markdown or sanitiser.
    const entry = rendering ? { ...meta, url: pageUrl(meta, site), ...rendering } : (renderer ??= await import('./render.js')).render(await plan.article(meta), site, assets?.links);
    return assets === undefined ? entry : { ...entry, assets };
  };
  /** Makes the documents that cannot be kept; `remember` keeps their entries for later documents. */
  const made = async (documents: readonly Document[], remember: boolean): Promise<Output[]> => {
    const due = documents.filter((document) => {
      if (!document.paths.some(plan.shadowed)) fingerprints.set(document.paths[0] as string, document.fingerprint);
      if (!plan.keeps(document)) return true;
      for (const file of document.paths) kept.add(file);
      return false;
    });
    const needed = [...new Set(due.flatMap((document) => document.needs))].filter((meta) => !entries.has(meta.source));
    const rendered = new Map((await pMap(needed, entryOf, { concurrency: 32 })).map((entry) => [entry.source, entry]));
    // An article sits on the site's archive and on those of its tags and authors: rendering it
    // once instead of on each page made a cold 3,000-article build with archives 2x faster.
    if (remember) for (const [source, entry] of rendered) if (entries.size < RENDERINGS_KEPT) entries.set(source, entry);
    const lookup = (meta: ArticleMeta): Entry => entries.get(meta.source) ?? (rendered.get(meta.source) as Entry);
    return due.flatMap((document) => document.make(lookup));
  };

  const pages = published.map(pagePath);
  yield mediaCopies(published, site, media.probes);
  const documents = siteDocuments(context, pages);
  for (let start = 0; start < documents.length; start += DOCUMENT_BATCH) yield await made(documents.slice(start, start + DOCUMENT_BATCH), true);
  const links = feedLinks(context);
  const pageDocuments = published.map((meta, k) => articleDocument(context, meta, pages[k] as string, links));
  // Progress counts the pages that are made, as a person waits for them.
  const due = pageDocuments.filter((document) => !plan.keeps(document));
  const dueSet = new Set(due);
  yield await made(pageDocuments.filter((document) => !dueSet.has(document)), false);
  for (let start = 0; start < due.length; start += PAGE_BATCH) {
    const batch = due.slice(start, start + PAGE_BATCH);
    yield await made(batch, false);
    for (const document of batch) for (const meta of document.needs) plan.done(meta);
    input.onProgress?.({ phase: 'pages', done: Math.min(start + PAGE_BATCH, due.length), total: due.length });
  }

  // Renderings are kept only for what the feeds carry, so the cache does not grow with the archive.
  const carried = [...new Set(feeds.flatMap((feed) => feed.carried))];
  const renderings = new Map<string, Rendering>();
  if (carried.length <= RENDERINGS_KEPT) {
    for (const meta of carried) {
      const entry = entries.get(meta.source);
      const rendering = entry ? { html: entry.html, excerpt: entry.excerpt } : plan.rendering(meta);
      if (rendering) renderings.set(meta.source, rendering);
    }
  }
  const feedUrls = new Map(feeds.flatMap((feed) => feedUrlsOf(feed.dir, site)));
  return { kept, fingerprints, renderings, feedUrls };
}

function feedUrlsOf(dir: string, site: Site): Array<[string, string]> {
  return Object.values(FEED_PATHS).map((file) => [dir + file, new URL(dir + file, site.url).href]);
}
