import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT, HELP, main, version } from '../src/cli.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SITE = path.join(ROOT, 'tests/fixtures/seed-site/input');

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
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
    [['build', 'extra'], EXIT.usage],
    [['build', '--colour'], EXIT.usage],
    [['build', '--now', 'tomorrow'], EXIT.usage],
  ])('%j exits %i', async (argv, code) => {
    expect((await cli(argv)).code).toBe(code);
  });

  it('pins the help text', async () => {
    expect((await cli(['--help'])).stdout).toBe(HELP);
    await expect(HELP).toMatchFileSnapshot('fixtures/cli/help.txt');
  });

  it('prints the package version', async () => {
    expect((await cli(['--version'])).stdout).toBe(`${version()}\n`);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('builds, then reports that nothing changed', async () => {
    const root = await siteCopy();
    expect(await cli(['build', '--root', root])).toEqual({ code: 0, stdout: 'built: 1 of 1 article published, 26 files changed\n', stderr: '' });
    expect(await cli(['build', '--root', root])).toEqual({ code: 0, stdout: 'nothing changed (1 of 1 article published)\n', stderr: '' });
  });

  it('honours --out, --base-url and --now', async () => {
    const root = await siteCopy();
    const out = path.join(root, 'public');
    expect((await cli(['build', '--root', root, '--out', out, '--base-url', 'http://mirror.example/news', '--now', '2024-11-20T12:00:00Z'])).stdout).toBe(
      'built: 0 of 1 article published, 5 files changed\n',
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

describe('the installed binary', () => {
  it('builds the fixture site and exits 0', async () => {
    const root = await siteCopy();
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin/syndic.js'), 'build', '--root', root]);
    expect(stdout).toBe('built: 1 of 1 article published, 26 files changed\n');
    expect((await readdir(path.join(root, 'dist'))).sort()).toEqual(['articles', 'atom.xml', 'authors', 'feed.json', 'feeds.opml', 'index.html', 'rss.xml', 'tags']);
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
