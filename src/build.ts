// The whole pipeline in one place: load → parse → render → select → emit → write.
import path from 'node:path';
import { failWith, SyndicError } from './errors.js';
import { emit } from './emit/index.js';
import { load } from './load.js';
import type { Article, Output, Site, SourceFile } from './model.js';
import { parseArticle, parseSettings } from './parse.js';
import { render } from './render.js';
import { select } from './select.js';
import { write } from './write.js';

export interface BuildOptions {
  /** Project folder. Default: the current directory. */
  root?: string;
  /** Default: `<root>/articles`. */
  articlesDir?: string;
  /** Default: `<root>/dist`. */
  outDir?: string;
  /** Default: `<root>/syndic.yaml`. */
  settingsFile?: string;
  /** Overrides `url` from the settings. */
  baseUrl?: string;
  /** Overrides `timezone` from the settings. */
  timezone?: string;
  /** "The present" for scheduled articles. Default: the real clock, read once here. */
  now?: Date;
}

export interface BuildResult {
  /** Every file of the site, as written. */
  outputs: Output[];
  /** Output paths added, modified or removed by this run; empty when nothing changed. */
  changed: string[];
  /** Articles read, and of those, published (not drafts, not scheduled for later). */
  articles: number;
  published: number;
}

export interface Generated {
  outputs: Output[];
  articles: number;
  published: number;
}

/**
 * The pure core: source texts in, site files out. Throws one SyndicError listing every
 * problem, including `earlier` ones found while loading, so one run shows them all.
 */
export function generate(
  settingsFile: SourceFile,
  articleFiles: readonly SourceFile[],
  options: Pick<BuildOptions, 'baseUrl' | 'timezone'>,
  now: Date,
  earlier: readonly SyndicError[] = [],
): Generated {
  const settings = parseSettings(settingsFile, {
    ...(options.baseUrl === undefined ? {} : { url: options.baseUrl }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  if (!settings.ok) failWith([...earlier, ...settings.problems]);
  const site = settings.value;

  const problems: SyndicError[] = [...earlier];
  const articles: Article[] = [];
  for (const file of articleFiles) {
    const parsed = parseArticle(file, site);
    if (parsed.ok) articles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  problems.push(...duplicates(articles));
  if (problems.length > 0) failWith(problems);

  const entries = articles.map((article) => render(article, site));
  const { published, feed } = select(entries, site, now);
  return { outputs: emit(published, feed, site), articles: articles.length, published: published.length };
}

/** Two articles with one id would merge in readers; two with one slug would overwrite a page. */
function duplicates(articles: readonly Article[]): SyndicError[] {
  const problems: SyndicError[] = [];
  for (const field of ['id', 'slug'] as const) {
    const seen = new Map<string, Article>();
    for (const article of articles) {
      const key = field === 'slug' ? article.slug.normalize('NFC') : article[field];
      const first = seen.get(key);
      if (first) {
        problems.push(
          new SyndicError('DUPLICATE', `${JSON.stringify(article[field])} is already used by ${first.source}`, {
            file: article.source,
            line: article.lines[field],
            field,
            hint: `give one of them its own \`${field}:\` in the frontmatter`,
          }),
        );
      } else seen.set(key, article);
    }
  }
  return problems;
}

/** Builds the site on disk. Nothing in `outDir` changes unless the whole build succeeds. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? '.');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const loaded = await load({
    root,
    articlesDir: path.resolve(root, options.articlesDir ?? 'articles'),
    settingsFile: path.resolve(root, options.settingsFile ?? 'syndic.yaml'),
  });
  if (!loaded.settings) failWith(loaded.problems);
  const generated = generate(loaded.settings, loaded.articles, options, options.now ?? new Date(), loaded.problems);
  const { changed } = await write(outDir, generated.outputs);
  return { ...generated, changed };
}
