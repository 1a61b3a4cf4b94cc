// `syndic new "Title"`: a draft article with its frontmatter filled in, never over an existing file.
import path from 'node:path';
import { EXIT, type Command } from '../io.js';
import { SyndicError } from '../../errors.js';
import { badUsage, parseCommand, parseNow, PROJECT_OPTIONS } from '../options.js';
import { printProblems, problemsOf, statusOf } from '../report.js';

const HELP = `Usage
  $ syndic new "Title" [options]

Writes ARTICLES/YYYY-MM-DD-<slug>.md with the title, today's date in the
site's timezone, the site's author and language, and draft: true, then
prints its path. Never overwrites a file.

Options
  --root DIR         Project folder (default: .)
  --articles DIR     Articles folder (default: ROOT/articles)
  --config FILE      Site settings (default: ROOT/syndic.yaml)
  --now DATETIME     Date it as of this RFC 3339 instant instead of today
  -h, --help         Show this help

Examples
  $ syndic new "Titre de l'article"
  $ $EDITOR "$(syndic new 'Élections : les résultats')"

Exit status
  0 written    1 the file exists (the next free name is printed) or the
  settings are invalid    64 bad usage
`;

const OPTIONS = { ...PROJECT_OPTIONS, now: { type: 'string' } } as const;

export const command: Command = {
  name: 'new',
  summary: 'Start a draft: articles/YYYY-MM-DD-<slug>.md with its frontmatter filled in',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'new', help: HELP, positionals: { min: 1, max: 1, what: 'title: syndic new "Title"' } }, io);
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const title = (parsed.positionals[0] ?? '').trim();
    const now = parseNow(values.now) ?? new Date();
    if (now instanceof Error) return badUsage(io, 'new', now.message);
    const [{ openProject, createArticle, takenName }, { articleFileName, articleText }, { calendarDay }] = await Promise.all([
      import('../project.js'),
      import('../../authoring/article-text.js'),
      import('../../input/dates.js'),
    ]);
    try {
      const { site, articlesDir } = await openProject(values);
      const date = calendarDay(now, site.timezone);
      const name = articleFileName(date, title);
      if (!name) return badUsage(io, 'new', `no file name can be made from the title ${JSON.stringify(title)}; give it some letters or digits`);
      const file = path.join(articlesDir, name);
      try {
        await createArticle(file, articleText({ title, date, authors: site.authors, lang: site.language, draft: true }, ''));
      } catch (error) {
        if (!(error instanceof SyndicError) || error.code !== 'EXISTS') throw error;
        // "Le brief 2" slugs to le-brief-2, the free name: the hint is a command that works.
        const suffix = (free: string): string => /-(\d+)\.md$/.exec(free)?.[1] ?? '2';
        throw takenName(articlesDir, name, (free) => `edit that file, or run: syndic new ${JSON.stringify(`${title} ${suffix(free)}`)}`);
      }
      io.stdout(`${file}\n`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      printProblems(io, problemsOf(error));
      return statusOf(error);
    }
  },
};
