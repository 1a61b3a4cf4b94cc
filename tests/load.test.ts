import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../src/load.js';

async function project(files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-load-'));
  await mkdir(path.join(root, 'articles'));
  for (const [name, contents] of Object.entries(files)) await writeFile(path.join(root, name), contents);
  return root;
}

const paths = (root: string) => ({ root, articlesDir: path.join(root, 'articles'), settingsFile: path.join(root, 'syndic.yaml') });

describe('load', () => {
  it('reads the settings and every .md article in name order', async () => {
    const root = await project({ 'syndic.yaml': 'title: x\n', 'articles/b.md': 'B', 'articles/a.md': 'A', 'articles/notes.txt': 'skip' });
    const loaded = await load(paths(root));
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings?.path).toBe('syndic.yaml');
    expect(loaded.articles.map((a) => [a.path, a.stem, 'text' in a ? a.text : undefined])).toEqual([
      ['articles/a.md', 'a', 'A'],
      ['articles/b.md', 'b', 'B'],
    ]);
  });

  it('does not read a file whose size, mtime and inode match the known stamp', async () => {
    const root = await project({ 'syndic.yaml': 'title: x\n', 'articles/a.md': 'A', 'articles/b.md': 'B' });
    const first = await load(paths(root));
    const stamps = new Map(first.articles.map((a) => [a.path, a.stamp ?? { size: 0, mtimeMs: 0, ino: 0 }]));
    await writeFile(path.join(root, 'articles/b.md'), 'B2');
    const second = await load(paths(root), stamps);
    expect(second.articles.map((a) => [a.path, 'text' in a ? a.text : 'not read'])).toEqual([
      ['articles/a.md', 'not read'],
      ['articles/b.md', 'B2'],
    ]);
  });

  it('reports a file that is not UTF-8, with its line', async () => {
    const root = await project({ 'syndic.yaml': '', 'articles/latin1.md': Buffer.from('---\ntitle: Cor\xe9e\n---\n', 'latin1') });
    const [problem] = (await load(paths(root))).problems;
    expect(problem?.format()).toBe('articles/latin1.md:2: is not UTF-8 text\n  hint: save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)');
  });

  it('refuses a symbolic link that points outside the articles folder', async () => {
    const root = await project({ 'syndic.yaml': '', 'secret.md': 'x' });
    await symlink(path.join(root, 'secret.md'), path.join(root, 'articles', 'leak.md'));
    const loaded = await load(paths(root));
    expect(loaded.articles).toEqual([]);
    expect(loaded.problems[0]?.format()).toMatch(/^articles\/leak\.md: is a symbolic link to .*secret\.md, outside the articles folder/);
  });

  it('follows a symbolic link that stays inside the articles folder', async () => {
    const root = await project({ 'syndic.yaml': '', 'articles/real.md': 'R' });
    await symlink('real.md', path.join(root, 'articles', 'alias.md'));
    expect((await load(paths(root))).articles.map((a) => a.stem)).toEqual(['alias', 'real']);
  });

  it('reports missing settings and a missing articles folder together', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-load-'));
    const loaded = await load(paths(root));
    expect(loaded.problems.map((p) => p.format().split('\n')[0])).toEqual(['syndic.yaml: does not exist', 'articles: does not exist']);
  });
});

describe('load: only regular files are read', () => {
  it('reports a FIFO, a folder named x.md and a FIFO for settings, and never waits on them', async () => {
    const root = await project({ 'articles/a.md': 'A' });
    execFileSync('mkfifo', [path.join(root, 'articles', 'pipe.md'), path.join(root, 'syndic.yaml')]);
    await mkdir(path.join(root, 'articles', 'folder.md'));
    const loaded = await load(paths(root));
    expect(loaded.settings).toBeUndefined();
    expect(loaded.articles.map((a) => a.path)).toEqual(['articles/a.md']);
    expect(loaded.problems.map((p) => p.format().split('\n')[0])).toEqual([
      'syndic.yaml: is not a regular file (a FIFO, socket or device); Syndic reads only files',
      'articles/folder.md: is a folder, not a file',
      'articles/pipe.md: is not a regular file (a FIFO, socket or device); Syndic reads only files',
    ]);
  });
});
