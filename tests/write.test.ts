import { mkdtemp, readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwned } from '../src/urls.js';
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
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['CNAME', 'img', 'img/logo.png', 'index.html']);
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
    await mkdir(path.join(parent, 'dist.syndic-new'));
    expect((await write(out, [{ path: 'rss.xml', contents: 'old' }])).changed).toEqual([]);
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('owns only the files it writes', () => {
    expect(['rss.xml', 'atom.xml', 'feed.json', 'index.html', 'articles/x.html'].every(isOwned)).toBe(true);
    expect(['CNAME', 'robots.txt', 'img/a.png'].some(isOwned)).toBe(false);
  });
});
