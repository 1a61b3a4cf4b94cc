// The pure core of a build: source texts in, site files out. No disk, no clock.
import type { BuildOptions, Generated } from './api.js';
import { validate, duplicates } from './validate.js';
import { failWith, SyndicError } from './errors.js';
import { emit, feedDocuments, listingsOf } from './emit/index.js';
import { indexItem } from './emit/pages.js';
import { movedOutputs } from './emit/moved.js';
import { retractionPage } from './emit/retraction-page.js';
import { withGone } from './emit/tombstones.js';
import { NO_MEMORY, type PublishedMemory } from './published-memory.js';
import { retractionPlan } from './retractions.js';
import { mediaCopies, podcastChannel, resolveMedia } from './media.js';
import type { Article, Entry, SourceFile } from './model.js';
import type { MediaProbes } from './probe.js';
import { checkSettings, parseArticle, STAND_IN_SITE } from './parse.js';
import { renderProblem } from './parse-job.js';
import { render } from './render.js';
import { archiveSpec, plans, select } from './select.js';

/**
 * The pure core: source texts in, site files out. Throws one SyndicError listing every
 * problem, including `earlier` ones found while loading, so one run shows them all.
 * `media` holds what probeMedia() found of the local files the input names; a local file
 * missing from it is reported as missing.
 */
export function generate(
  settingsFile: SourceFile,
  articleFiles: readonly SourceFile[],
  // Hook (retractions): `published` is syndic.published.json as read (retractions.ts).
  options: Pick<BuildOptions, 'baseUrl' | 'timezone' | 'keepGoing' | 'confirmDeletions'> & { media?: MediaProbes; published?: PublishedMemory; articlesFolder?: string },
  now: Date,
  earlier: readonly SyndicError[] = [],
): Generated {
  const settings = checkSettings(settingsFile, options);
  // Broken settings stop the build, but the articles are still checked so one run shows everything.
  const site = settings.ok ? settings.value : STAND_IN_SITE;
  const problems: SyndicError[] = [...earlier, ...(settings.ok ? [] : settings.problems)];
  const articles: Article[] = [];
  for (const file of articleFiles) {
    const parsed = parseArticle(file, site);
    const tooLarge = parsed.ok ? renderProblem(parsed.value, site) : undefined;
    if (tooLarge) problems.push(tooLarge);
    else if (parsed.ok) articles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  if (!settings.ok) failWith([...problems, ...duplicates(articles).problems]);
  const probes = options.media ?? new Map();
  const media = resolveMedia(articles, site, probes);
  const podcast = podcastChannel(site, probes);
  if (Array.isArray(podcast)) failWith([...problems, ...media.problems, ...podcast]);
  const checked = validate(articles.filter((article) => !media.rejected.has(article.source)), [...problems, ...media.problems], options.keepGoing, site.groups);

  const entries = checked.articles.map((article) => {
    const assets = media.assets.get(article.source);
    return { ...render(article, site, assets?.links), ...(assets === undefined ? {} : { assets }) };
  });
  const { published } = select(entries, now);
  // Hook (retractions): what readers hold that is no longer published.
  const memory = options.published ?? NO_MEMORY;
  const retraction = retractionPlan(published, memory, site, { now, present: new Set([...articleFiles.map((file) => file.path), ...earlier.flatMap((problem) => (problem.file === undefined ? [] : [problem.file]))]), articles: options.articlesFolder ?? memory.articles ?? 'articles', ...(options.confirmDeletions ? { confirmDeletions: true } : {}) });
  const feeds = plans(published, site);
  const same = (entry: Entry): Entry => entry;
  const listings = withGone(listingsOf(feeds, site, same, indexItem, now, podcast), retraction.gone);
  const archives = feeds.flatMap((feed) => feed.archives.map((_, k) => archiveSpec(feed, k + 1, site, same, now)));
  const outputs = emit(published, listings, site);
  const groups = listings.filter((listing) => listing.kind !== 'site').map(({ kind, name, feed }) => ({ kind: kind as 'tag' | 'author', name, dir: feed.dir, homeUrl: feed.homeUrl, title: feed.title }));
  return {
    outputs: [...outputs, ...movedOutputs(published, groups, new Map(outputs.map((output) => [output.path, output.contents])), site), ...archives.flatMap(feedDocuments), ...retraction.notices.map((notice) => retractionPage(notice, site))],
    copies: mediaCopies(published, site, probes),
    articles: articleFiles.length,
    published: published.length,
    warnings: checked.problems,
    notices: [...checked.notices, ...retraction.warnings],
    memory: retraction.memory,
  };
}


