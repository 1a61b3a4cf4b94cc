import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS, EXIT, HELP, main, version, type Io } from '../../src/cli/cli.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = path.join(ROOT, 'tests/fixtures/seed-site/input');

async function cli(argv: string[], io: Partial<Io> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...io, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A terminal whose clock says every command took half a second. */
function terminal(env: Record<string, string> = {}): Partial<Io> {
  let ticks = 0;
  return { isTTY: { stdout: true, stderr: true }, env, clock: () => (ticks++ === 0 ? 1000 : 1500) };
}

async function siteCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-cli-'));
  await cp(SITE, root, { recursive: true });
  return root;
}

describe('main', () => {
  it.each([
    [['--help'], EXIT.ok],
    [['-h'], EXIT.ok],
    [['--version'], EXIT.ok],
    [[], EXIT.usage],
    [['publish'], EXIT.usage],
    [['-V'], EXIT.ok],
    [['help'], EXIT.ok],
    [['help', 'build'], EXIT.ok],
    [['help', 'biuld'], EXIT.usage],
    [['--quite', 'build'], EXIT.usage],
    [['--json', 'new', 'Title'], EXIT.usage],
    [['-q', 'import', 'x.txt'], EXIT.usage],
    [['new', 'Title', '--json'], EXIT.usage],
    [['build', '--drafts'], EXIT.usage],
    [['build', '--future', '--out', 'dist'], EXIT.usage],
    [['build', '--future', '--out', 'dist/preview/'], EXIT.usage],
    [['build', '--drafts', '--out', '/tmp/syndic-never', '--ping'], EXIT.usage],
    [['build', 'extra'], EXIT.usage],
    [['build', '--help'], EXIT.ok],
    [['check', '--colour'], EXIT.usage],
    [['new'], EXIT.usage],
    [['new', 'a', 'b'], EXIT.usage],
    [['new', 'Title', '--now', 'today'], EXIT.usage],
    [['import'], EXIT.usage],
    [['build', '--colour'], EXIT.usage],
    [['build', '--now', 'tomorrow'], EXIT.usage],
  ])('%j exits %i', async (argv, code) => {
    expect((await cli(argv)).code).toBe(code);
  });

  it('pins the help text', async () => {
    expect((await cli(['--help'])).stdout).toBe(HELP);
    await expect(HELP).toMatchFileSnapshot('../fixtures/cli/help.txt');
  });

  it('lists every command with its one-line summary, serve included, each loaded under its own name', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(HELP).toContain(`  ${command.name.padEnd(10)}${command.summary}`);
    }
    expect(HELP).toContain('  serve     Build a preview with its own folder and cache, and serve it on localhost');
    expect(HELP).toContain('(--watch: rebuild on every change)');
  });

  it.each(COMMANDS.map((command) => command.name))('pins the help of "syndic %s --help": usage, options, examples', async (name) => {
    const { code, stdout } = await cli([name, '--help']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Usage\n {2}\$ syndic /);
    expect(stdout).toContain('\nOptions\n  --root DIR ');
    expect(stdout).toContain('\nExamples\n');
    await expect(stdout).toMatchFileSnapshot(`../fixtures/cli/${name}-help.txt`);
  });

  it('names the command in usage errors, with balanced quotes', async () => {
    const { code, stdout, stderr } = await cli(['check', '--colour']);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: '' });
    expect(stderr).toBe('syndic check: unknown option "--colour"\nRun "syndic check --help" for usage.\n');
    expect((await cli(['build', '--root'])).stderr).toBe('syndic build: option "--root" needs a value\nRun "syndic build --help" for usage.\n');
    expect((await cli(['build', '--quiet=yes'])).stderr).toContain('option "--quiet" takes no value');
  });

  it('suggests the command or flag that was meant', async () => {
    expect((await cli(['biuld'])).stderr).toBe('syndic: unknown command "biuld"; did you mean "build"?\nRun "syndic --help" for usage.\n');
    expect((await cli(['build', '--quite'])).stderr).toContain('unknown option "--quite"; did you mean "--quiet"?');
    expect((await cli(['--quite', 'build'])).stderr).toContain('unknown option "--quite" before the command; did you mean "--quiet"?');
    expect((await cli(['publish'])).stderr).toBe('syndic: unknown command "publish"\nRun "syndic --help" for usage.\n');
  });

  it('takes the global flags before the command as after it', async () => {
    const root = await siteCopy();
    expect(await cli(['--root', root, 'build'])).toEqual({ code: 0, stdout: 'built: 1 of 1 article published, 33 files changed\n', stderr: '' });
    expect(await cli(['-q', '--root', root, 'build'], terminal())).toEqual({ code: 0, stdout: 'nothing changed (1 of 1 article published)\n', stderr: '' });
    expect(await cli([`--root=${root}`, '--quiet', 'check'], terminal())).toEqual({ code: 0, stdout: 'checked: 1 article and the settings, no problems\n', stderr: '' });
    expect(JSON.parse((await cli(['--json', 'build', '--root', root])).stdout)).toMatchObject({ command: 'build', ok: true });
    const coloured = await cli(['--root', root, 'build'], terminal());
    expect(coloured.stdout).toContain('\u001b[');
    for (const argv of [['--no-color', '--root', root, 'build'], ['--root', root, 'build', '--no-color']]) {
      expect((await cli(argv, terminal())).stdout).toBe('✔ Nothing changed in 0.50 s: 1 of 1 article published · 0 feeds written · 0 files changed · 33 unchanged · 0 warnings\n');
    }
  });

  it('answers help [command] and -V', async () => {
    expect((await cli(['help'])).stdout).toBe(HELP);
    expect((await cli(['help', 'serve'])).stdout).toBe((await cli(['serve', '--help'])).stdout);
    expect((await cli(['--help', 'build'])).stdout).toBe((await cli(['build', '--help'])).stdout);
    expect((await cli(['-V'])).stdout).toBe(`${version()}\n`);
  });

  it('builds drafts and scheduled articles only into another folder, as a preview', async () => {
    const root = await siteCopy();
    await writeFile(path.join(root, 'articles/2024-11-22-brouillon.md'), '---\ntitle: Brouillon\ndate: 2024-11-22\ndraft: true\n---\nPas encore.\n');
    const refused = await cli(['build', '--root', root, '--drafts']);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('--drafts never writes into dist/');
    expect((await cli(['build', '--root', root, '--drafts', '--out', 'preview', '--ping'])).stderr).toContain('--drafts cannot be used with --ping');
    expect(await cli(['build', '--root', root, '--drafts', '--out', 'preview'])).toEqual({ code: 0, stdout: 'built (preview with drafts): 2 of 2 articles published, 39 files changed\n', stderr: '' });
    await expect(readFile(path.join(root, 'preview/articles/brouillon.html'), 'utf8')).resolves.toContain('Brouillon');
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
    const json = JSON.parse((await cli(['build', '--root', root, '--future', '--out', 'later', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: true, preview: { drafts: false, future: true }, published: 1 });
    // The real build's cache is not the preview's: a real build after a preview is not cold.
    expect((await cli(['build', '--root', root])).stdout).toBe('built: 1 of 2 articles published, 33 files changed\n');
    const cache = await readFile(path.join(root, '.syndic-cache/build.json'));
    await writeFile(path.join(root, 'articles/2024-11-22-brouillon.md'), '---\ntitle: Brouillon revu\ndate: 2024-11-22\ndraft: true\n---\nPas encore.\n');
    expect((await cli(['build', '--root', root, '--drafts', '--out', 'preview'])).stdout).toMatch(/^built \(preview with drafts\)/);
    expect((await readFile(path.join(root, '.syndic-cache/build.json'))).equals(cache)).toBe(true);
  });

  it('prints the package version', async () => {
    expect((await cli(['--version'])).stdout).toBe(`${version()}\n`);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('builds, then reports that nothing changed', async () => {
    const root = await siteCopy();
    expect(await cli(['build', '--root', root])).toEqual({ code: 0, stdout: 'built: 1 of 1 article published, 33 files changed\n', stderr: '' });
    expect(await cli(['build', '--root', root])).toEqual({ code: 0, stdout: 'nothing changed (1 of 1 article published)\n', stderr: '' });
  });

  it('honours --out, --base-url and --now', async () => {
    const root = await siteCopy();
    const out = path.join(root, 'public');
    expect((await cli(['build', '--root', root, '--out', out, '--base-url', 'http://mirror.example/news', '--now', '2024-11-20T12:00:00Z'])).stdout).toBe(
      'built: 0 of 1 article published, 8 files changed\n',
    );
    expect(await readFile(path.join(out, 'rss.xml'), 'utf8')).toContain('<link>http://mirror.example/news/</link>');
  });

  it('reports a bad --timezone as a usage error naming the flag', async () => {
    const root = await siteCopy();
    const result = await cli(['build', '--root', root, '--timezone', 'Mars/Olympus']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('--timezone is not an IANA time zone');
  });
});

describe('build output', () => {
  it('tells a person at a terminal what was built, with time, without colour under NO_COLOR', async () => {
    const root = await siteCopy();
    expect(await cli(['build', '--root', root], terminal({ NO_COLOR: '1' }))).toEqual({
      code: 0,
      stdout: '✔ Built in 0.50 s: 1 of 1 article published · 18 feeds written · 33 files changed · 0 unchanged · 0 warnings\n',
      stderr: '',
    });
    expect((await cli(['build', '--root', root], terminal({ NO_COLOR: '1' }))).stdout).toBe(
      '✔ Nothing changed in 0.50 s: 1 of 1 article published · 0 feeds written · 0 files changed · 33 unchanged · 0 warnings\n',
    );
  });

  it('colours the summary on a terminal, and only there', async () => {
    const root = await siteCopy();
    expect((await cli(['build', '--root', root], terminal())).stdout).toContain('\u001b[32m✔\u001b[39m');
    expect((await cli(['build', '--root', root], { env: { FORCE_COLOR: '1' } })).stdout).toBe('nothing changed (1 of 1 article published)\n');
  });

  it('--quiet on a terminal prints the one plain line', async () => {
    const root = await siteCopy();
    expect(await cli(['build', '--root', root, '--quiet'], terminal())).toEqual({ code: 0, stdout: 'built: 1 of 1 article published, 33 files changed\n', stderr: '' });
  });

  it('--json prints a summary with stable keys', async () => {
    const root = await siteCopy();
    const { code, stdout, stderr } = await cli(['build', '--root', root, '--json'], terminal());
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['command', 'ok', 'status', 'articles', 'published', 'changed', 'feedsWritten', 'unchanged', 'warnings', 'problems', 'durationMs']);
    expect(summary).toMatchObject({ command: 'build', ok: true, status: 0, articles: 1, published: 1, feedsWritten: 18, unchanged: 0, warnings: [], problems: [], durationMs: 500 });
    expect(summary.changed).toEqual(expect.arrayContaining(['articles/2024/11/21/coree-du-nord-soldats-russie.html', 'atom.xml', 'feed.json', 'feeds.opml', 'index.html', 'rss.xml', 'tags/russie/rss.xml']));
    expect(summary.changed).toHaveLength(33);
  });

  it('--json on failure lists every problem as an object, and nothing on stderr', async () => {
    const root = await siteCopy();
    const { code, stdout, stderr } = await cli(['build', '--root', root, '--json', '--articles', path.join(ROOT, 'tests/fixtures/bad-articles')]);
    expect({ code, stderr }).toEqual({ code: EXIT.invalidInput, stderr: '' });
    const summary = JSON.parse(stdout) as { ok: boolean; status: number; problems: unknown[] };
    expect(summary).toMatchObject({ ok: false, status: 1 });
    expect(summary.problems).toContainEqual({
      code: 'INVALID_ARTICLE',
      file: expect.stringMatching(/no-title\.md$/) as unknown,
      line: 1,
      column: null,
      field: 'title',
      message: 'is required: add a line `title: "…"`',
      hint: null,
    });
    expect(summary.problems.every((problem) => Object.keys(problem as object).join() === 'code,file,line,column,field,message,hint')).toBe(true);
  });

  it('--json reports bad usage as JSON too', async () => {
    const { code, stdout } = await cli(['build', '--json', '--now', 'soon']);
    expect(code).toBe(EXIT.usage);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, status: 64, problems: [{ code: 'USAGE', message: expect.stringContaining('--now "soon"') as unknown }] });
  });
});

describe('the installed binary', () => {
  it('builds the fixture site and exits 0', async () => {
    const root = await siteCopy();
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin/syndic.js'), 'build', '--root', root]);
    expect(stdout).toBe('built: 1 of 1 article published, 33 files changed\n');
    expect((await readdir(path.join(root, 'dist'))).sort()).toEqual(['.syndic-manifest', 'articles', 'atom.xml', 'authors', 'feed.json', 'feed.xsl', 'feeds.opml', 'index.html', 'news-sitemap.xml', 'robots.txt', 'rss.xml', 'sitemap.xml', 'tags']);
  });

  it('exits 1 with file:line: field: message on bad input, without a stack', async () => {
    const root = await siteCopy();
    const error = await run(process.execPath, [path.join(ROOT, 'bin/syndic.js'), 'build', '--root', root, '--articles', path.join(ROOT, 'tests/fixtures/bad-articles')]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).not.toContain('    at ');
    expect(error?.stderr).toContain('title: is required');
  });
});
