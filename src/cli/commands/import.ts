// `syndic import FILE…` (scraped articles) and `syndic import --from jekyll|hugo|eleventy DIR`
// (another generator's posts): Syndic articles out, never over an existing file.
import path from 'node:path';
import { EXIT, type Command, type Io } from '../io.js';
import { SyndicError } from '../../errors.js';
import { readSource } from '../../load.js';
import type { Site } from '../../model.js';
import { badUsage, parseCommand, PROJECT_OPTIONS } from '../options.js';
import { printProblems, problemsOf, statusOf } from '../report.js';

const HELP = `Usage
  $ syndic import FILE... [options]
  $ syndic import --from jekyll|hugo|eleventy DIR [options]

Turns scraped articles into Syndic articles: the "## " heading becomes the
title, the byline list under it the author(s) and the date (written the way
the site's language, or --lang, writes dates, e.g. 21/11/2024 for fr), the
rest the body. Each is written to ARTICLES/YYYY-MM-DD-<slug>.md and its path
printed.

With --from, reads every Markdown post under DIR (YAML or TOML frontmatter):
categories join tags, description or excerpt becomes summary, dates become
RFC 3339, the post's old address becomes its id (so readers do not see it
again), and fields Syndic has no place for are listed.

An article already there (same title and date) is skipped with a notice.
Never overwrites a file: a name taken by another article is reported with
the next free name. Files with problems are reported and skipped; the
others are still imported.

Options
  --root DIR         Project folder (default: .)
  --articles DIR     Articles folder (default: ROOT/articles)
  --config FILE      Site settings (default: ROOT/syndic.yaml)
  --from GENERATOR   Import a jekyll, hugo or eleventy folder
  --lang TAG         Language of the scraped text (default: the site's language)
  -h, --help         Show this help

Examples
  $ syndic import scraped/2024-11-21.txt
  $ syndic import scraped/*.txt --lang en
  $ syndic import --from jekyll ../old-blog
  $ syndic import --from hugo ../site/content/posts

Exit status
  0 all imported or already there    1 some files could not be imported    64 bad usage
`;

const OPTIONS = { ...PROJECT_OPTIONS, from: { type: 'string' }, lang: { type: 'string' } } as const;

export const command: Command = {
  name: 'import',
  summary: 'Import scraped articles, or a Jekyll, Hugo or Eleventy folder (--from)',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'import', help: HELP, positionals: { min: 1, max: Infinity, what: 'files to import: syndic import FILE... (or --from jekyll DIR)' } }, io);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const [{ GENERATORS }, { languageProblem }] = await Promise.all([import('../../authoring/import-from.js'), import('../../input/language.js')]);
    const from = values.from;
    if (from !== undefined && !(GENERATORS as readonly string[]).includes(from)) return badUsage(io, 'import', `--from ${JSON.stringify(from)} is not one of ${GENERATORS.join(', ')}`);
    if (from !== undefined && positionals.length !== 1) return badUsage(io, 'import', '--from takes one folder: syndic import --from jekyll DIR');
    const { openProject, existingArticles } = await import('../project.js');
    let project;
    try {
      project = await openProject(values);
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      printProblems(io, problemsOf(error));
      return statusOf(error);
    }
    const lang = values.lang ?? project.site.language;
    const bad = languageProblem(lang);
    if (bad) return badUsage(io, 'import', `--lang ${JSON.stringify(lang)} ${bad.message}; ${bad.hint}`);
    const existing = await existingArticles(project.articlesDir, project.site);
    const problems = from === undefined ? await importScraped(positionals, lang, project, existing, io) : await importFolder(positionals[0] ?? '.', from as 'jekyll', project, existing, io);
    printProblems(io, problems);
    if (problems.length > 0) io.stderr(`syndic: ${problems.length} problem${problems.length === 1 ? '' : 's'}; those files were not imported\n`);
    return problems.length > 0 ? EXIT.invalidInput : EXIT.ok;
  },
};

type Project = { site: Site; articlesDir: string };
type Existing = Awaited<ReturnType<typeof import('../project.js').existingArticles>>;

/** Writes one imported article, unless the same one (NFC title and instant) is there already. */
async function place(io: Io, project: Project, existing: Existing, source: string, name: string, title: string, date: Date, text: string): Promise<void> {
  const { createArticle, takenName } = await import('../project.js');
  const same = existing.byArticle.get(`${title.normalize('NFC')}\0${date.getTime()}`);
  if (same) {
    io.stderr(`notice: ${source}: already imported as ${same}; skipped\n`);
    return;
  }
  const file = path.join(project.articlesDir, name);
  try {
    await createArticle(file, text);
  } catch (error) {
    if (!(error instanceof SyndicError) || error.code !== 'EXISTS') throw error;
    throw takenName(project.articlesDir, name, (free) => `${source} is a different article with the same file name: save it as ${path.join(project.articlesDir, free)}, or retitle one of them`);
  }
  existing.byArticle.set(`${title.normalize('NFC')}\0${date.getTime()}`, file);
  io.stdout(`${file}\n`);
}

async function importScraped(files: readonly string[], lang: string, project: Project, existing: Existing, io: Io): Promise<SyndicError[]> {
  const [{ articleFileName, articleText }, { importArticle }, { parseDate }] = await Promise.all([import('../../authoring/article-text.js'), import('../../authoring/import.js'), import('../../input/dates.js')]);
  const problems: SyndicError[] = [];
  // One at a time and in the order given, so the printed paths follow the arguments.
  for (const source of files) {
    try {
      const imported = importArticle(await readText(source), source, lang);
      if (!imported.ok) {
        problems.push(...imported.problems);
        continue;
      }
      const { title, date, authors, body } = imported.value;
      const name = articleFileName(date, title);
      if (!name) throw new SyndicError('INVALID_ARTICLE', 'no file name can be made from the title', { file: source, hint: 'give the headline some letters or digits' });
      const instant = parseDate(date, project.site.timezone) ?? new Date(Number.NaN);
      await place(io, project, existing, source, name, title, instant, articleText({ title, date, authors: authors.map((author) => ({ name: author })), lang }, body));
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      problems.push(error);
    }
  }
  return problems;
}

async function importFolder(dir: string, generator: 'jekyll' | 'hugo' | 'eleventy', project: Project, existing: Existing, io: Io): Promise<SyndicError[]> {
  const [{ convertPost }, { articleFileName, articleText }, { postsIn }] = await Promise.all([import('../../authoring/import-from.js'), import('../../authoring/article-text.js'), import('../project.js')]);
  const problems: SyndicError[] = [];
  const posts = await postsIn(dir);
  if (posts === undefined) return [new SyndicError('UNREADABLE', 'is not a folder that can be read', { file: dir, hint: `pass the ${generator} site's folder (or its posts folder)` })];
  for (const relative of posts) {
    const shown = path.join(dir, relative);
    try {
      const converted = convertPost(await readText(shown), relative, generator, project.site);
      if (!converted.ok) {
        problems.push(...converted.problems.map((problem) => new SyndicError(problem.code, problem.message, { file: shown, ...(problem.line === undefined ? {} : { line: problem.line }), ...(problem.hint === undefined ? {} : { hint: problem.hint }) })));
        continue;
      }
      const { frontmatter, body, day, date, unmapped } = converted.value;
      const name = articleFileName(day, frontmatter.slug ?? frontmatter.title);
      if (!name) throw new SyndicError('INVALID_ARTICLE', 'no file name can be made from the title', { file: shown, hint: 'give the title some letters or digits, or add a slug:' });
      await place(io, project, existing, shown, name, frontmatter.title, date, articleText(frontmatter, body));
      if (unmapped.length > 0) io.stderr(`notice: ${shown}: not carried over: ${unmapped.join(', ')}\n`);
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      problems.push(error);
    }
  }
  return problems;
}

/** The file as strict UTF-8, through the reader the build uses: a Latin-1 post is refused at its line, not imported with U+FFFD in it. */
async function readText(file: string): Promise<string> {
  try {
    return (await readSource(file, file)).text;
  } catch (error) {
    if (error instanceof SyndicError) throw error;
    throw new SyndicError('UNREADABLE', 'cannot be read', { file, hint: 'check the path of the file to import' });
  }
}
