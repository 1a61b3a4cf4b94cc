// `syndic import FILE…`: scraped articles in, Syndic articles out, never over an existing file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, type Command } from '../cli.js';
import { SyndicError } from '../errors.js';
import { parseCommand, PROJECT_OPTIONS } from './options.js';
import { printProblems, problemsOf, statusOf } from './report.js';

const HELP = `Usage
  $ syndic import FILE... [options]

Turns scraped articles into Syndic articles: the "## " heading becomes the
title, the byline list under it the author(s) and the date (written the way
the site's language writes dates, e.g. 21/11/2024 for fr), the rest the body.
Each is written to ARTICLES/YYYY-MM-DD-<slug>.md and its path printed.
Never overwrites a file. Files with problems are reported and skipped;
the others are still imported.

Options
  --root DIR         Project folder (default: .)
  --articles DIR     Articles folder (default: ROOT/articles)
  --config FILE      Site settings (default: ROOT/syndic.yaml)
  -h, --help         Show this help

Examples
  $ syndic import scraped/2024-11-21.txt
  $ syndic import scraped/*.txt --root site

Exit status
  0 all imported    1 some files could not be imported    64 bad usage
`;

export const command: Command = {
  name: 'import',
  summary: 'Turn scraped articles (## title, byline, date) into Syndic articles',
  async run(args, io) {
    const parsed = await parseCommand(args, PROJECT_OPTIONS, { name: 'import', help: HELP, positionals: { min: 1, max: Infinity, what: 'files to import: syndic import FILE...' } }, io);
    if (typeof parsed === 'number') return parsed;
    const [{ openProject, createArticle }, { articleFileName, articleText }, { importArticle }] = await Promise.all([
      import('./project.js'),
      import('../article-text.js'),
      import('../import.js'),
    ]);
    let project;
    try {
      project = await openProject(parsed.values);
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      printProblems(io, problemsOf(error));
      return statusOf(error);
    }
    const { site, articlesDir } = project;
    const problems: SyndicError[] = [];
    // One at a time and in the order given, so the printed paths follow the arguments.
    for (const source of parsed.positionals) {
      try {
        const imported = importArticle(await readSource(source), source, site.language);
        if (!imported.ok) {
          problems.push(...imported.problems);
          continue;
        }
        const { title, date, authors, body } = imported.value;
        const name = articleFileName(date, title);
        if (!name) throw new SyndicError('INVALID_ARTICLE', 'no file name can be made from the title', { file: source, hint: 'give the headline some letters or digits' });
        const file = path.join(articlesDir, name);
        await createArticle(file, articleText({ title, date, authors: authors.map((author) => ({ name: author })), lang: site.language }, body));
        io.stdout(`${file}\n`);
      } catch (error) {
        if (!(error instanceof SyndicError)) throw error;
        problems.push(error);
      }
    }
    printProblems(io, problems);
    if (problems.length > 0) io.stderr(`syndic: ${problems.length} problem${problems.length === 1 ? '' : 's'}; those files were not imported\n`);
    return problems.length > 0 ? EXIT.invalidInput : EXIT.ok;
  },
};

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new SyndicError('UNREADABLE', 'cannot be read', { file, hint: 'check the path of the file to import' });
  }
}
