// A damaged build cache costs time, never output: whatever is in .syndic-cache/build.json,
// the build publishes what a build without the cache publishes, and says in one line why
// it did not use it.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { hashText } from '../../src/hash.js';
import { writeCorpus } from '../../bench/corpus.js';

const NOW = new Date('2026-01-01T00:00:00Z');

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

let base = '';
let clean: Record<string, string> = {};
let cacheText = '';

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'syndic-cache-base-'));
  await writeCorpus(base, 6, { feedLimit: 3 });
  await build({ root: base, now: NOW });
  clean = await tree(path.join(base, 'dist'));
  cacheText = await readFile(path.join(base, '.syndic-cache', 'build.json'), 'utf8');
});

/** A copy of the built project with `damage` done to its cache, built again. */
async function rebuiltWith(damage: (cacheDir: string) => Promise<void>): Promise<{ outputs: Record<string, string>; notes: string[]; root: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-cache-'));
  await cp(base, root, { recursive: true });
  await damage(path.join(root, '.syndic-cache'));
  const result = await build({ root, now: NOW });
  return { outputs: await tree(path.join(root, 'dist')), notes: result.notes, root };
}

/** The cache's JSON with a change, signed again as Syndic signs it, so only the schema can catch it. */
function resigned(change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(cacheText.slice(cacheText.indexOf('\n') + 1)) as Record<string, unknown>;
  change(json);
  const body = JSON.stringify(json);
  return `${hashText(body)}\n${body}`;
}

/** Every [parent, key] in a JSON value, so a property can aim at any of them. */
function slots(value: unknown, into: Array<[Record<string, unknown> | unknown[], string | number]> = []): Array<[Record<string, unknown> | unknown[], string | number]> {
  if (Array.isArray(value)) value.forEach((item, index) => (into.push([value, index]), slots(item, into)));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) into.push([value as Record<string, unknown>, key]), slots(item, into);
  return into;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

describe('a damaged build cache', () => {
  it.each([
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON', () => '{not json'],
    ['empty', () => ''],
    ['a date edited by hand (the checksum no longer matches)', (text: string) => text.replace(/"date":"\d{4}/, '"date":"2999')],
    ['a date that is not one, signed again', () => resigned((json) => ((json.files as Array<[string, { article: { date: string } }]>)[0]![1].article.date = 'not a date'))],
    ['a date as a number, signed again', () => resigned((json) => ((json.files as Array<[string, { article: { date: unknown } }]>)[0]![1].article.date = 5))],
    ['files as an object, signed again', () => resigned((json) => (json.files = {}))],
    ['a site of null, signed again', () => resigned((json) => (json.site = null))],
  ])('%s: is ignored, said so in one line, and the outputs are those of a clean build', async (_label, corrupt) => {
    const { outputs, notes } = await rebuiltWith((dir) => writeFile(path.join(dir, 'build.json'), corrupt(cacheText)));
    expect(outputs).toEqual(clean);
    expect(notes).toEqual(['the build cache .syndic-cache/build.json is damaged; ignored it and read every article']);
  });

  it('any value replaced by one of another type changes no output', { timeout: 120_000 }, async () => {
    const count = slots(JSON.parse(cacheText.slice(cacheText.indexOf('\n') + 1))).length;
    await fc.assert(
      fc.asyncProperty(fc.nat(count - 1), fc.constantFrom<unknown>(null, 0, -1, 'x', '', true, [], {}), async (slot, replacement) => {
        const text = resigned((json) => {
          const [parent, key] = slots(json)[slot] ?? [];
          if (!parent || key === undefined) return;
          const before = (parent as Record<string, unknown>)[key];
          if (typeOf(before) !== typeOf(replacement)) (parent as Record<string, unknown>)[key] = replacement;
        });
        const { outputs, root } = await rebuiltWith((dir) => writeFile(path.join(dir, 'build.json'), text));
        await rm(root, { recursive: true, force: true });
        expect(outputs).toEqual(clean);
      }),
      { numRuns: 40, seed: 1010 },
    );
  });

  it('a file named .syndic-cache: built without the cache, said so, and the file is left alone', async () => {
    const { outputs, notes, root } = await rebuiltWith(async (dir) => {
      await rm(dir, { recursive: true });
      await writeFile(dir, 'mine\n');
    });
    expect(outputs).toEqual(clean);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^the build cache \.syndic-cache\/build\.json cannot be a file: \.syndic-cache is not a folder/);
    expect(await readFile(path.join(root, '.syndic-cache'), 'utf8')).toBe('mine\n');
    // And the next run says the same, instead of failing.
    expect((await build({ root, now: NOW })).notes).toEqual(notes);
  });

  it('build.json as a folder: built without the cache, said so, and the folder is left alone', async () => {
    const { outputs, notes, root } = await rebuiltWith(async (dir) => {
      await rm(path.join(dir, 'build.json'));
      await mkdir(path.join(dir, 'build.json'));
      await writeFile(path.join(dir, 'build.json', 'keep'), 'x');
    });
    expect(outputs).toEqual(clean);
    expect(notes).toEqual(['the build cache .syndic-cache/build.json is a folder; building without it']);
    expect(await readdir(path.join(root, '.syndic-cache', 'build.json'))).toEqual(['keep']);
  });

  it('a damaged cache is replaced by a good one: the next build is quiet again', async () => {
    const { root } = await rebuiltWith((dir) => writeFile(path.join(dir, 'build.json'), '{'));
    const next = await build({ root, now: NOW });
    expect([next.notes, next.changed]).toEqual([[], []]);
  });
});
