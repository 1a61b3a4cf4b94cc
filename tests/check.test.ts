import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { check } from '../src/check.js';
import { SyndicError } from '../src/errors.js';
import { SETTINGS_YAML } from './support/factories.js';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

async function project(...parts: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-check-'));
  await cp(path.join(FIXTURES, ...parts), root, { recursive: true });
  return root;
}

describe('check', () => {
  it('finds nothing wrong with a good project, and writes nothing', async () => {
    const root = await project('seed-site/input');
    expect(await check({ root })).toEqual({ articles: 1, problems: [], warnings: [] });
    expect((await readdir(root)).sort()).toEqual(['articles', 'syndic.yaml']);
  });

  it('reports exactly the problems a build stops on, in the same order, without writing', async () => {
    const root = await project('bad-everything');
    await symlink(path.join(root, 'outside.md'), path.join(root, 'articles', 'linked.md'));
    const { problems, articles } = await check({ root });
    expect(articles).toBe(8); // as a build counts them: the two unreadable files are problems, not articles
    expect((await readdir(root)).sort()).toEqual(['articles', 'outside.md', 'syndic.yaml']);
    const failure = await build({ root, cache: false }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SyndicError);
    expect(problems.map((problem) => problem.format())).toEqual((failure as SyndicError).problems.map((problem) => problem.format()));
    expect(problems).toHaveLength(11);
  });

  it('reports the same problems as a build when only articles are bad', async () => {
    const root = await project('seed-site/input');
    await cp(path.join(FIXTURES, 'bad-articles'), path.join(root, 'articles'), { recursive: true });
    await cp(path.join(FIXTURES, 'duplicates/articles'), path.join(root, 'articles'), { recursive: true });
    const { problems } = await check({ root });
    const failure = (await build({ root }).catch((error: unknown) => error)) as SyndicError;
    expect(problems.map((problem) => problem.format())).toEqual(failure.problems.map((problem) => problem.format()));
    expect(problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(['INVALID_ARTICLE', 'DUPLICATE']));
  });

  it('applies the base-url and timezone overrides as a build does', async () => {
    const root = await project('seed-site/input');
    const { problems } = await check({ root, timezone: 'Mars/Olympus' });
    expect(problems.map((problem) => [problem.code, problem.message])).toEqual([['USAGE', '--timezone is not an IANA time zone']]);
  });

  it('reports a missing local image exactly as a build does, and writes nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-check-'));
    await mkdir(path.join(root, 'articles'));
    await writeFile(path.join(root, 'syndic.yaml'), SETTINGS_YAML);
    await writeFile(path.join(root, 'articles/2024-11-21-a.md'), '---\ntitle: A\ndate: 2024-11-21\nimage: images/missing.png\n---\nBody.\n');
    const { problems } = await check({ root });
    expect(problems.map((p) => p.field)).toEqual(['image']);
    const error = await build({ root, now: new Date('2025-01-01T00:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyndicError);
    expect(problems.map((p) => p.format())).toEqual((error as SyndicError).problems.map((p) => p.format()));
    expect((await readdir(root)).sort()).toEqual(['articles', 'syndic.yaml']);
  });

  it('names a missing root or settings file', async () => {
    const root = await project('seed-site/input');
    expect((await check({ root: path.join(root, 'nope') })).problems.map((problem) => problem.format())).toEqual([
      `${path.join(root, 'nope')}: is not a folder\n  hint: pass --root DIR, the folder that holds syndic.yaml and articles/`,
    ]);
    await rm(path.join(root, 'syndic.yaml'));
    expect((await check({ root })).problems.map((problem) => problem.message)).toEqual(['does not exist']);
  });
});
