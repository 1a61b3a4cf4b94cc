// `syndic init [DIR]`: a working project (a commented syndic.yaml, an example draft, a
// .gitignore), never over anything that is there, then the next commands to type.
import { constants } from 'node:fs';
import { appendFile, copyFile, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, type Command, type Io } from '../io.js';
import { SyndicError } from '../../errors.js';
import { badUsage, parseCommand, parseNow } from '../options.js';
import { printProblems, problemsOf, statusOf } from '../report.js';
import { packageRoot } from '../../version.js';
import { CACHE_DIR, swapPaths } from '../../paths.js';

const HELP = `Usage
  $ syndic init [DIR] --url URL [options]

Creates a Syndic project in DIR (default: .): syndic.yaml with every setting
(the required ones set, the rest commented out with their defaults), articles/
with one example draft, and a .gitignore for what builds leave behind (lines
are appended to an existing one). Never overwrites a file. It pins the host
and year of every article id into syndic.yaml, so moving the site never
changes an id.

Options
  --root DIR         The same as DIR
  --url URL          Where the site will be served from (required)
  --title TEXT       Site title (default: the folder's name)
  --description TEXT One sentence about the site (default: the title)
  --language TAG     BCP 47 language of the articles (default: en)
  --author NAME      Default author (default: the title)
  --timezone ZONE    IANA time zone of dates without one (default: UTC)
  --podcast          A podcast: writes the podcast settings, its guid and a cover
  --email ADDRESS    The podcast owner's email (required with --podcast)
  -h, --help         Show this help

Examples
  $ syndic init site --url https://news.example.org/ --language fr --timezone Europe/Paris
  $ syndic init --url https://radio.example.org/ --podcast --email studio@example.org

Exit status
  0 created    1 syndic.yaml exists, or a file cannot be written    64 bad usage
`;

const OPTIONS = {
  root: { type: 'string' },
  url: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  language: { type: 'string' },
  author: { type: 'string' },
  timezone: { type: 'string' },
  podcast: { type: 'boolean' },
  email: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// src/cli/commands/, lib/cli/commands/ and the bundle's lib/bin/ sit at different depths.
const PACKAGE = fileURLToPath(packageRoot());
const SCHEMA_FILE = path.join(PACKAGE, 'lib', 'syndic.schema.json');
const COVER_FILE = path.join(PACKAGE, 'assets', 'podcast-cover.png');
const COVER = 'media/podcast-cover.png';
/** What builds leave next to the sources; the staging folders and the lock are named after dist/. */
// What Syndic keeps beside dist/, as paths.ts names it.
const BESIDE = swapPaths('dist');
export const IGNORED = [`${CACHE_DIR}/`, BESIDE.lockFile, `${BESIDE.staging}/`, `${BESIDE.retired}/`];

const EXAMPLE_BODY = `This is a draft: \`draft: true\` keeps it out of every feed and page. See it with
\`syndic serve --watch --drafts\`, then delete the \`draft: true\` line to publish it
with the next \`syndic build\`.

Write the article in Markdown below the frontmatter. The frontmatter also takes a
\`summary\`, \`tags\`, an \`image\` and more: README.md, "Articles", lists them all.
`;

export const command: Command = {
  name: 'init',
  summary: 'Start a project: a commented syndic.yaml, articles/ with a draft, .gitignore',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'init', help: HELP, positionals: { min: 0, max: 1, what: '' } }, io);
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const [given] = parsed.positionals;
    if (given !== undefined && values.root !== undefined && path.resolve(given) !== path.resolve(values.root)) {
      return badUsage(io, 'init', `DIR "${given}" and --root "${values.root}" name two folders; give one of them`);
    }
    const dir = given ?? values.root ?? '.';
    if (values.url === undefined) return badUsage(io, 'init', 'missing --url: the address the site will be served from, which every article id is pinned to, e.g. --url https://news.example.org/');
    if (values.podcast && values.email === undefined) return badUsage(io, 'init', 'missing --email: Apple Podcasts and Podcast Index need an owner address, e.g. --email studio@example.org');
    if (!values.podcast && values.email !== undefined) return badUsage(io, 'init', '--email is the podcast owner\'s address; add --podcast, or leave it out');
    const now = parseNow(values.now) ?? new Date();
    if (now instanceof Error) return badUsage(io, 'init', now.message);
    try {
      return await initialise(dir, { ...values, url: values.url }, now, io);
    } catch (error) {
      if (!(error instanceof SyndicError)) throw error;
      printProblems(io, problemsOf(error));
      return statusOf(error);
    }
  },
};

interface Answers {
  url: string;
  title?: string | undefined;
  description?: string | undefined;
  language?: string | undefined;
  author?: string | undefined;
  timezone?: string | undefined;
  podcast?: boolean | undefined;
  email?: string | undefined;
}

async function initialise(dir: string, answers: Answers, now: Date, io: Io): Promise<number> {
  const root = path.resolve(dir);
  const shown = (name: string): string => (dir === '.' ? name : path.join(dir, name));
  const settingsFile = path.join(root, 'syndic.yaml');
  if (await exists(settingsFile)) {
    throw new SyndicError('EXISTS', 'already exists; init never overwrites a file', { file: shown('syndic.yaml'), hint: 'this is already a Syndic project: edit syndic.yaml, or run syndic init in a new folder' });
  }
  const [{ settingsText }, { parseSettings }, { calendarDay }, { articleText, articleFileName }, { podcastGuid }, { FEED_PATHS }, { isTimeZone }] = await Promise.all([
    import('../../authoring/settings-text.js'),
    import('../../parse.js'),
    import('../../input/dates.js'),
    import('../../authoring/article-text.js'),
    import('../../emit/podcast.js'),
    import('../../addresses/urls.js'),
    import('../../schema.js'),
  ]);
  const title = answers.title ?? path.basename(root);
  const defaulted = (['title', 'description', 'author'] as const).filter((key) => answers[key] === undefined);
  const author = answers.author ?? title;
  const timezone = answers.timezone ?? 'UTC';
  const url = answers.url;
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  const values = {
    title,
    description: answers.description ?? title,
    url,
    language: answers.language ?? 'en',
    ...(answers.timezone === undefined ? {} : { timezone }),
    author,
    ...(answers.podcast
      ? // The guid of the feed's address today, written once: a later move keeps the show's identity.
        { podcast: { owner: { name: author, email: answers.email }, image: COVER, categories: ['News'], explicit: false, guid: host ? podcastGuid(new URL(FEED_PATHS.rss, url.endsWith('/') ? url : `${url}/`).href) : '' } }
      : {}),
    id: { authority: `${host},${calendarDay(now, isTimeZone(timezone) ? timezone : 'UTC').slice(0, 4)}` },
  };
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as import('../../authoring/settings-text.js').JsonSchema;
  const schemaPath = path.relative(root, SCHEMA_FILE).split(path.sep).join('/');
  const text = settingsText(schema, values, schemaPath);
  // Checked as a build would read it, before anything is written; a bad flag names itself.
  const checked = parseSettings({ path: 'syndic.yaml', stem: 'syndic', text });
  if (!checked.ok) {
    // A bad --url also makes a bad id authority; say it once.
    for (const problem of checked.problems.filter((p) => p.field !== 'id.authority' || host !== '')) io.stderr(`syndic init: ${flagOf(problem.field)} ${problem.message}${problem.hint ? `\n  hint: ${problem.hint}` : ''}\n`);
    return EXIT.usage;
  }

  const told: string[] = [];
  await guarded(shown('.'), () => makeFolder(path.join(root, 'articles')));
  await guarded(shown('syndic.yaml'), () => writeFile(settingsFile, text, { flag: 'wx' }));
  told.push(`created ${shown('syndic.yaml')}`);
  const articles = await readdir(path.join(root, 'articles'));
  if (articles.some((name) => name.endsWith('.md'))) {
    told.push(`kept ${shown('articles/')}: it already holds articles, so no example was added`);
  } else {
    const date = calendarDay(now, checked.value.timezone);
    const name = articleFileName(date, 'Welcome to Syndic') ?? 'welcome.md';
    await guarded(shown(`articles/${name}`), () => writeFile(path.join(root, 'articles', name), articleText({ title: 'Welcome to Syndic', date, lang: 'en', draft: true }, EXAMPLE_BODY), { flag: 'wx' }));
    told.push(`created ${shown(`articles/${name}`)}, an example draft`);
  }
  if (answers.podcast) {
    let created = true;
    await guarded(shown(COVER), async () => {
      await makeFolder(path.join(root, 'media'));
      await copyFile(COVER_FILE, path.join(root, COVER), constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        created = false;
      });
    });
    told.push(created ? `created ${shown(COVER)}, a plain 1400×1400 cover: replace it with the show's own` : `kept ${shown(COVER)}, which was already there`);
  }
  told.push(await gitignore(root, shown('.gitignore')));
  if (defaulted.length > 0) {
    const names = defaulted.length === 1 ? defaulted[0] : `${defaulted.slice(0, -1).join(', ')} and ${defaulted.at(-1) ?? ''}`;
    told.push(`${names} ${defaulted.length === 1 ? 'is' : 'are'} set to ${JSON.stringify(title)}: change ${defaulted.length === 1 ? 'it' : 'them'} in ${shown('syndic.yaml')}`);
  }

  const bin = binary(root);
  const next = [
    ...(dir === '.' ? [] : [`  cd ${dir}`]),
    `  ${bin} serve --watch --drafts     # preview at http://127.0.0.1:8080/, the draft included`,
    `  ${bin} new "Your first headline"  # another draft, dated today`,
    `  ${bin} build                      # dist/, for your web host, once a draft is published`,
  ];
  io.stdout(`${told.join('\n')}\n\nNext:\n${next.join('\n')}\n`);
  return EXIT.ok;
}

/** Appends the lines builds need that the file lacks; a user's own lines stay as they are. */
async function gitignore(root: string, shown: string): Promise<string> {
  const file = path.join(root, '.gitignore');
  const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new SyndicError('UNREADABLE', 'cannot be read', { file: shown });
  });
  const listed = new Set((before ?? '').split(/\r?\n/).map((line) => line.trim().replace(/^\//, '').replace(/\/$/, '')));
  const missing = IGNORED.filter((line) => !listed.has(line.replace(/\/$/, '')));
  if (missing.length === 0) return `kept ${shown}: it already lists what builds leave behind`;
  const lead = before === undefined || before === '' || before.endsWith('\n') ? '' : '\n';
  const text = `${lead}${before === undefined ? '' : '\n'}# Written by syndic build and serve\n${missing.join('\n')}\n`;
  await guarded(shown, () => (before === undefined ? writeFile(file, text, { flag: 'wx' }) : appendFile(file, text)));
  return before === undefined ? `created ${shown}` : `added ${missing.join(', ')} to ${shown}`;
}

/** How to run this very Syndic from the new project: the installed binary, never npx (1.4 s a run). */
function binary(root: string): string {
  const parts = PACKAGE.split(path.sep).filter(Boolean);
  const at = parts.lastIndexOf('node_modules');
  const absolute = (list: string[]): string => path.join(path.parse(PACKAGE).root, ...list);
  const relative = (file: string): string => {
    const shown = path.relative(root, file).split(path.sep).join('/');
    return shown.startsWith('.') || shown.startsWith('/') ? shown : `./${shown}`;
  };
  return at === -1 ? `node ${relative(path.join(PACKAGE, 'bin', 'syndic.js'))}` : relative(path.join(absolute(parts.slice(0, at + 1)), '.bin', 'syndic'));
}

function flagOf(field: string | undefined): string {
  const flags: Record<string, string> = { title: '--title', description: '--description', url: '--url', language: '--language', author: '--author', timezone: '--timezone', 'podcast.owner.email': '--email', 'id.authority': '--url' };
  return (field !== undefined && Object.hasOwn(flags, field) ? flags[field] : undefined) ?? field ?? 'syndic.yaml:';
}

/**
 * mkdir -p, one level at a time: Node 20's `mkdir(…, { recursive: true })` never returns
 * for a path under /proc (it retries ENOENT for ever).
 */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeFolder(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** lstat, so a dangling link named syndic.yaml counts as there too. */
async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}

/** A file that cannot be written is the user's problem to fix, reported as such, not a crash. */
async function guarded(shown: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new SyndicError('EXISTS', 'already exists; init never overwrites a file', { file: shown });
    throw new SyndicError('UNREADABLE', `cannot be written (${code ?? 'error'})`, { file: shown, hint: 'check that the folder is yours and writable' });
  }
}
