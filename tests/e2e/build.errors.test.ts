// Every kind of bad input at once: one report naming file, line, field and a fix; exit 1; dist/ untouched.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = `${(await stat(file)).mtimeMs} ${await readFile(file, 'utf8')}`;
  }
  return files;
}

describe('a build with every kind of bad input', () => {
  it('reports all of it at once, exits 1 and leaves the last good dist/ exactly as it was', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-errors-'));
    await cp(path.join(FIXTURES, 'seed-site/input'), root, { recursive: true });
    const bin = path.join(ROOT, 'bin/syndic.js');
    await run(process.execPath, [bin, 'build', '--root', root]);
    const before = await snapshot(path.join(root, 'dist'));

    await rm(path.join(root, 'articles'), { recursive: true });
    await cp(path.join(FIXTURES, 'bad-everything'), root, { recursive: true });
    await symlink(path.join(root, 'outside.md'), path.join(root, 'articles', 'linked.md'));

    const failure = await run(process.execPath, [bin, 'build', '--root', root]).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    const lines = (failure?.stderr ?? '').split('\n').filter((line) => line && !line.startsWith('  hint:'));
    expect(lines).toEqual([
      expect.stringMatching(/^articles\/latin1\.md:2: is not UTF-8 text$/),
      expect.stringMatching(/^articles\/linked\.md: is a symbolic link to .*outside\.md, outside the articles folder$/),
      'syndic.yaml:3: url: is not an absolute http(s) URL',
      'syndic.yaml:5: timezone: is not an IANA time zone',
      'articles/empty-date.md:3: date: "" is not a date',
      'articles/escaping-slug.md:4: slug: may use only lower-case letters, digits, "-" and "_", so it cannot leave the output folder',
      'articles/impossible-date.md:3: date: "2024-02-30" is not a date',
      expect.stringMatching(/^articles\/invalid-yaml\.md:\d+:\d+: this line opens a value with " that is never closed$/),
      'articles/missing-title.md:1: title: is required: add a line `title: "…"`',
      'articles/updated-before-date.md:4: updated: 2024-11-01 is earlier than date 2024-11-21',
      'articles/dup-b.md:4: slug: the page articles/2024/11/21/same.html is already used by articles/dup-a.md',
      'syndic: 11 problems stop the build; the output folder was left as it was',
    ]);
    expect(failure?.stderr).toContain('  hint: ');
    expect(failure?.stderr).not.toContain('    at ');
    expect(await snapshot(path.join(root, 'dist'))).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['.syndic-cache', 'articles', 'dist', 'outside.md', 'syndic.published.json', 'syndic.yaml']);
  });
});
