// Where a build may write: never over the project's sources, never through a link, never a
// name the filesystem cannot hold; and media named two ways are one file.
import { cp, mkdir, mkdtemp, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { check } from '../../src/check.js';
import { SyndicError } from '../../src/errors.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NOW = new Date('2026-01-01T00:00:00Z');

async function seed(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-paths-'));
  await cp(path.join(FIXTURES, 'seed-site/input'), root, { recursive: true });
  return root;
}

/** Every entry under `dir` with its bytes or link target, to prove nothing moved. */
async function everything(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = entry.isFile() ? await readFile(file, 'utf8') : entry.isDirectory() ? 'dir' : 'other';
  }
  return found;
}

async function refusal(options: Parameters<typeof build>[0]): Promise<string[]> {
  const error = await build(options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SyndicError);
  return (error as SyndicError).problems.map((problem) => problem.format());
}

describe('an output folder that overlaps the project', () => {
  it.each([
    ['.', /^\.: --out: holds the whole project \(\.\)/],
    ['..', /--out: holds the whole project/],
    ['articles', /^articles: --out: overlaps the articles folder \(articles\)/],
    ['articles/site', /^articles\/site: --out: overlaps the articles folder/],
    ['syndic.yaml', /^syndic\.yaml: --out: overlaps the settings file/],
    ['.syndic-cache', /^\.syndic-cache: --out: overlaps the build cache/],
    ['static/site', /^static\/site: --out: overlaps the static\/ folder/],
  ])('--out %s is refused before anything is written', async (out, message) => {
    const root = await seed();
    await build({ root, now: NOW });
    await mkdir(path.join(root, 'static'));
    await writeFile(path.join(root, 'static', 'robots.txt'), 'User-agent: *\n');
    const before = await everything(root);
    const problems = await refusal({ root, outDir: out, now: NOW });
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain('hint: pass --out with a folder of its own');
    expect(await everything(root)).toEqual(before);
  });

  it('refuses an articles folder inside the output folder, even through a link', async () => {
    const root = await seed();
    await mkdir(path.join(root, 'site'));
    await rename(path.join(root, 'articles'), path.join(root, 'site', 'articles'));
    await symlink(path.join(root, 'site', 'articles'), path.join(root, 'articles'));
    expect((await refusal({ root, outDir: 'site', now: NOW }))[0]).toMatch(/^site: --out: overlaps the articles folder/);
  });

  it('allows the preview folder inside the cache, which Syndic owns', async () => {
    const root = await seed();
    const result = await build({ root, outDir: '.syndic-cache/preview', now: NOW });
    expect(result.changed).toContain('rss.xml');
  });
});

describe('an output folder Syndic cannot own', () => {
  it('a file named dist is refused, and left alone', async () => {
    const root = await seed();
    await writeFile(path.join(root, 'dist'), 'mine\n');
    expect(await refusal({ root, now: NOW })).toEqual(['dist: --out: is a file, not a folder\n  hint: move the file away, or pass --out with another folder']);
    expect(await readFile(path.join(root, 'dist'), 'utf8')).toBe('mine\n');
  });

  it('a dist symlink is refused with the real folder to pass instead', async () => {
    const root = await seed();
    await mkdir(path.join(root, 'releases', 'v1'), { recursive: true });
    await symlink(path.join('releases', 'v1'), path.join(root, 'dist'));
    const [problem = ''] = await refusal({ root, now: NOW });
    expect(problem).toMatch(/^dist: --out: is a symbolic link \(to .*releases\/v1\)/);
    expect(problem).toMatch(/hint: pass --out .*releases\/v1, or build into a folder of its own/);
    expect(await readdir(path.join(root, 'releases', 'v1'))).toEqual([]);
  });

  it('check reports it too', async () => {
    const root = await seed();
    await writeFile(path.join(root, 'dist'), 'mine\n');
    expect((await check({ root })).problems.map((problem) => problem.code)).toEqual(['UNSAFE_OUTPUT']);
  });
});

describe('media inside the output folder', () => {
  it('is the article’s problem: the copy would come from the tree the build replaces', async () => {
    const root = await seed();
    await build({ root, now: NOW });
    await cp(path.join(FIXTURES, 'podcast/input/images/studio.png'), path.join(root, 'dist', 'studio.png'));
    const [name = ''] = await readdir(path.join(root, 'articles'));
    const file = path.join(root, 'articles', name);
    await writeFile(file, (await readFile(file, 'utf8')).replace('lang: fr\n', 'lang: fr\nimage: dist/studio.png\n'));
    const [problem = ''] = await refusal({ root, now: NOW });
    expect(problem).toMatch(/^articles\/.*\.md:\d+: image: "dist\/studio\.png" is inside the output folder/);
    expect((await check({ root })).problems.map((p) => p.field)).toEqual(['image']);
  });
});

describe('names the filesystem cannot hold', () => {
  it.each([
    ['tags', 'tags:\n', `tags:\n  - "${'Très long '.repeat(30)}"\n`, /^articles\/.*\.md:\d+: tags\.0: is longer than 100 characters/],
    ['author', 'author: Peter van Halteren\n', `author: "${'Peter '.repeat(50)}"\n`, /: author: must be a name, .*each name at most 100 characters/],
    ['slug', 'lang: fr\n', `lang: fr\nslug: ${'a'.repeat(251)}\n`, /: slug: is longer than \d+ characters/],
  ])('a %s over 255 bytes is refused by build and check with its field and the limit', async (_field, from, to, message) => {
    const root = await seed();
    const [name = ''] = await readdir(path.join(root, 'articles'));
    const file = path.join(root, 'articles', name);
    await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
    expect((await refusal({ root, now: NOW })).join('\n')).toMatch(new RegExp(message.source, 'm'));
    expect((await check({ root })).problems.map((p) => p.format()).join('\n')).toMatch(new RegExp(message.source, 'm'));
    expect(await readdir(root)).not.toContain('dist');
  });
});

describe('a media path with a dot segment', () => {
  it('is the same file as without it: the next build changes nothing', async () => {
    const root = await seed();
    await cp(path.join(FIXTURES, 'podcast/input/images'), path.join(root, 'images'), { recursive: true });
    const [name = ''] = await readdir(path.join(root, 'articles'));
    const file = path.join(root, 'articles', name);
    await writeFile(file, (await readFile(file, 'utf8')).replace('lang: fr\n', 'lang: fr\nimage: ./images/./studio.png\n'));
    const first = await build({ root, now: NOW });
    expect(first.changed).toContain('media/images/studio.png');
    expect((await build({ root, now: NOW })).changed).toEqual([]);
    expect((await build({ root, now: NOW, cache: false })).changed).toEqual([]);
  });
});
