import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../src/errors.js';
import { MANIFEST } from '../src/paths.js';
import { write } from '../src/write.js';

async function tempOut(): Promise<{ parent: string; out: string }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'syndic-write-'));
  return { parent, out: path.join(parent, 'dist') };
}

describe('write', () => {
  it('creates the output folder with every file', async () => {
    const { out } = await tempOut();
    const result = await write(out, [
      { path: 'rss.xml', contents: '<rss/>' },
      { path: 'articles/a.html', contents: 'A' },
    ]);
    expect(result.changed).toEqual(['articles/a.html', 'rss.xml']);
    expect(await readFile(path.join(out, 'articles/a.html'), 'utf8')).toBe('A');
  });

  it('touches nothing when nothing changed: same inode, same mtime', async () => {
    const { out } = await tempOut();
    const outputs = [{ path: 'rss.xml', contents: '<rss/>' }];
    await write(out, outputs);
    const before = await stat(path.join(out, 'rss.xml'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await write(out, outputs)).changed).toEqual([]);
    const after = await stat(path.join(out, 'rss.xml'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('keeps unchanged files as they were when others change', async () => {
    const { out } = await tempOut();
    await write(out, [
      { path: 'rss.xml', contents: 'same' },
      { path: 'atom.xml', contents: 'old' },
    ]);
    const before = await stat(path.join(out, 'rss.xml'));
    expect((await write(out, [{ path: 'rss.xml', contents: 'same' }, { path: 'atom.xml', contents: 'new' }])).changed).toEqual(['atom.xml']);
    expect((await stat(path.join(out, 'rss.xml'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('removes pages of articles that are gone but keeps files the user put there', async () => {
    const { out } = await tempOut();
    await write(out, [{ path: 'articles/gone.html', contents: 'x' }, { path: 'index.html', contents: 'i' }]);
    await writeFile(path.join(out, 'CNAME'), 'news.example\n');
    await mkdir(path.join(out, 'img'));
    await writeFile(path.join(out, 'img', 'logo.png'), 'png');
    expect((await write(out, [{ path: 'index.html', contents: 'i2' }])).changed).toEqual(['articles/gone.html', 'index.html']);
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['.syndic-manifest', 'CNAME', 'img', 'img/logo.png', 'index.html']);
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('news.example\n');
  });

  it('leaves no staging folders behind', async () => {
    const { parent, out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    await write(out, [{ path: 'rss.xml', contents: '2' }]);
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('puts the old tree back if a run died between the two renames', async () => {
    const { parent, out } = await tempOut();
    await mkdir(path.join(parent, 'dist.syndic-old'));
    await writeFile(path.join(parent, 'dist.syndic-old', 'rss.xml'), 'old');
    await writeFile(path.join(parent, 'dist.syndic-old', MANIFEST), '{"syndic":1,"files":["rss.xml"]}');
    await mkdir(path.join(parent, 'dist.syndic-new'));
    await writeFile(path.join(parent, 'dist.syndic-new', MANIFEST), '{"syndic":1,"files":[]}');
    expect((await write(out, [{ path: 'rss.xml', contents: 'old' }])).changed).toEqual([]);
    expect(await readdir(parent)).toEqual(['dist']);
  });
});

describe('write: file copies', () => {
  it('copies a source file, compares bytes without a cache, and trusts the stamp with one', async () => {
    const { parent, out } = await tempOut();
    const from = path.join(parent, 'ep1.mp3');
    await writeFile(from, 'mp3 bytes');
    const copy = async () => ({ path: 'media/ep1.mp3', from, stamp: await stampOf(from) });
    const first = await write(out, [await copy()]);
    expect(first.changed).toEqual(['media/ep1.mp3']);
    expect(await readFile(path.join(out, 'media/ep1.mp3'), 'utf8')).toBe('mp3 bytes');
    // No cache: the bytes are the same, so nothing is written.
    expect((await write(out, [await copy()])).changed).toEqual([]);
    // Same length, other bytes: a byte comparison notices.
    await writeFile(from, 'MP3 bytes');
    expect((await write(out, [await copy()])).changed).toEqual(['media/ep1.mp3']);
    // With the last build's hashes, an unchanged stamp needs no read at all.
    const result = await write(out, [await copy()], { previous: first.hashes });
    expect(result.changed).toEqual(['media/ep1.mp3']);
    expect((await write(out, [await copy()], { previous: result.hashes })).changed).toEqual([]);
    expect(await readFile(path.join(out, 'media/ep1.mp3'), 'utf8')).toBe('MP3 bytes');
  });
});

async function stampOf(file: string): Promise<{ size: number; mtimeMs: number; ino: number }> {
  const info = await stat(file);
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
}

describe('write: only what Syndic wrote is Syndic’s', () => {
  it('keeps the links, empty folders and files the user put anywhere in the output folder', async () => {
    const { out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }, { path: 'tags/gone/rss.xml', contents: 'g' }]);
    await symlink('rss.xml', path.join(out, 'latest.xml'));
    await mkdir(path.join(out, 'uploads', 'empty'), { recursive: true });
    await writeFile(path.join(out, 'tags', 'notes.txt'), 'mine');
    expect((await write(out, [{ path: 'rss.xml', contents: '2' }])).changed).toEqual(['rss.xml', 'tags/gone/rss.xml']);
    expect((await readdir(out, { recursive: true })).sort()).toEqual([MANIFEST, 'latest.xml', 'rss.xml', 'tags', 'tags/notes.txt', 'uploads', 'uploads/empty']);
    expect(await readlink(path.join(out, 'latest.xml'))).toBe('rss.xml');
  });

  it('deletes nothing it cannot prove it wrote: a folder without a manifest keeps its old pages', async () => {
    const { out } = await tempOut();
    // As Syndic 0.2 left it: its feeds and pages, no manifest.
    await mkdir(path.join(out, 'articles'), { recursive: true });
    await writeFile(path.join(out, 'articles', 'old.html'), 'old');
    await writeFile(path.join(out, 'rss.xml'), '0');
    expect((await write(out, [{ path: 'rss.xml', contents: '1' }])).changed).toEqual(['rss.xml']);
    expect(await readFile(path.join(out, 'articles', 'old.html'), 'utf8')).toBe('old');
    expect(JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8'))).toEqual({ syndic: 1, files: ['rss.xml'] });
  });

  it('never takes over a folder it did not build: every build would replace it whole', async () => {
    const { out } = await tempOut();
    await mkdir(path.join(out, 'photos'), { recursive: true });
    await writeFile(path.join(out, 'photos', 'a.jpg'), 'jpg');
    const error = (await write(out, [{ path: 'rss.xml', contents: '1' }]).catch((e: unknown) => e)) as SyndicError;
    expect(error.code).toBe('UNSAFE_OUTPUT');
    expect(error.format()).toMatch(/dist: holds files but no \.syndic-manifest, so Syndic did not build it.*\n  hint: pass --out with a new or empty folder; to build into this one anyway, mark it first: echo/);
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['photos', 'photos/a.jpg']);
    // Marked as the hint says, it is built into, and the photos stay.
    await writeFile(path.join(out, MANIFEST), '{"syndic":1,"files":[]}');
    expect((await write(out, [{ path: 'rss.xml', contents: '1' }])).changed).toEqual(['rss.xml']);
    expect(await readFile(path.join(out, 'photos', 'a.jpg'), 'utf8')).toBe('jpg');
  });

  it.each([
    ['a folder of yours named dist.syndic-new', async (parent: string) => (await mkdir(path.join(parent, 'dist.syndic-new')), writeFile(path.join(parent, 'dist.syndic-new', 'draft.txt'), 'mine'))],
    ['a file named dist.syndic-old', (parent: string) => writeFile(path.join(parent, 'dist.syndic-old'), 'mine')],
  ])('%s is never deleted: the write stops with the name to change', async (_label, setup) => {
    const { parent, out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    await setup(parent);
    const error = (await write(out, [{ path: 'rss.xml', contents: '2' }]).catch((e: unknown) => e)) as SyndicError;
    expect(error.code).toBe('UNSAFE_OUTPUT');
    expect(error.format()).toMatch(/dist\.syndic-(new|old): has the name of a staging folder, but Syndic did not make it/);
    expect(await readFile(path.join(out, 'rss.xml'), 'utf8')).toBe('1');
    expect((await readdir(parent)).sort()).toHaveLength(2);
  });

  it('an empty dist.syndic-new (a run killed between its mkdir and its mark) is removed: it holds nothing to lose', async () => {
    const { parent, out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    await mkdir(path.join(parent, 'dist.syndic-new'));
    expect((await write(out, [{ path: 'rss.xml', contents: '2' }])).changed).toEqual(['rss.xml']);
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('a write the filesystem refuses removes the staged tree and leaves the output folder as it was', async () => {
    const { parent, out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    const error = (await write(out, [{ path: 'rss.xml', contents: '2' }, { path: `articles/${'x'.repeat(300)}.html`, contents: 'p' }]).catch((e: unknown) => e)) as SyndicError;
    expect(error).toBeInstanceOf(SyndicError);
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.message).toBe('cannot write (a file name is too long for the filesystem); the output folder was left as it was');
    expect(await readdir(parent)).toEqual(['dist']);
    expect(await readFile(path.join(out, 'rss.xml'), 'utf8')).toBe('1');
  });

  it('a FIFO in the output folder stops the write before anything is staged: a swap could not carry it', async () => {
    const { parent, out } = await tempOut();
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    execFileSync('mkfifo', [path.join(out, 'pipe')]);
    const error = (await write(out, [{ path: 'rss.xml', contents: '2' }]).catch((e: unknown) => e)) as SyndicError;
    expect(error.code).toBe('UNSAFE_OUTPUT');
    expect((await readdir(parent)).sort()).toEqual(['dist']);
  });
});
