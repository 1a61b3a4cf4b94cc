// generate() is the pure core; build() is the incremental path to disk. On the seed, hostile
// and podcast fixtures they must give the same tree: the same paths and the same bytes
// (the manifest aside, which only a write has). A project's static/ folder is copied by
// build() alone (src/output/static.ts); none of these fixtures has one.
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { generateSite } from '../src/pipeline.js';
import { loadLanguageRegistry } from '../src/input/language.js';
import { load } from '../src/load.js';
import { localLocations } from '../src/media/assets.js';
import { filteredCopy } from '../src/media/filter.js';
import type { ArticleMeta, SourceFile } from '../src/model.js';
import { checkSettings, parseArticle } from '../src/parse.js';
import { projectPaths } from '../src/paths.js';
import { probeMedia } from '../src/media/probe.js';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
const NOW = new Date('2025-01-01T00:00:00Z');

async function built(root: string): Promise<Map<string, Buffer>> {
  await build({ root, now: NOW, cache: false });
  const dist = path.join(root, 'dist');
  const names = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = names.map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return new Map(await Promise.all(files.filter((file) => file !== '.syndic-manifest').map(async (file) => [file, await readFile(path.join(dist, file))] as const)));
}

/** What generate() gives for the project, with media probed as a build probes it. */
async function generated(root: string): Promise<Map<string, Buffer>> {
  const loaded = await load(projectPaths({ root }));
  if (!loaded.settings) throw new Error('no settings');
  await loadLanguageRegistry();
  const files = loaded.articles.filter((file): file is SourceFile => 'text' in file);
  const settings = checkSettings(loaded.settings, {});
  if (!settings.ok) throw new Error('bad settings');
  const metas = files.flatMap((file): ArticleMeta[] => {
    const parsed = parseArticle(file, settings.value);
    return parsed.ok ? [parsed.value] : [];
  });
  const media = await probeMedia(root, localLocations(metas, settings.value));
  const site = await generateSite(loaded.settings, files, { media }, NOW);
  const copies = await Promise.all(site.copies.map(async (copy) => [copy.path, copy.filter ? await filteredCopy(copy.from, copy.filter) : await readFile(copy.from)] as const));
  return new Map([...site.outputs.map((output) => [output.path, Buffer.from(output.contents)] as const), ...copies]);
}

describe('generate() and build()', () => {
  it.each(['seed-site/input', 'hostile', 'podcast/input'])('give the same tree for %s', async (fixture) => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-same-'));
    await cp(path.join(FIXTURES, fixture), root, { recursive: true });
    const [fromBuild, fromGenerate] = [await built(root), await generated(root)];
    expect(fromBuild.size).toBeGreaterThan(10);
    expect([...fromGenerate.keys()].sort()).toEqual([...fromBuild.keys()].sort());
    for (const [file, bytes] of fromBuild) expect({ file, text: fromGenerate.get(file)?.toString('latin1') }).toEqual({ file, text: bytes.toString('latin1') });
  });
});
