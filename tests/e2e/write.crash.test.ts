// SIGKILL at random moments: the output folder must always be a complete old or complete new site.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { assertWellFormedXml, validateAtom, validateJsonFeed } from '../support/validators.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/syndic.js');
const SITES = ['https://old.syndic.example/', 'https://new.syndic.example/'];

function runBuild(root: string, baseUrl: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--base-url', baseUrl], { stdio: 'ignore' });
  if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })));
}

async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(path.relative(dir, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

describe('killed builds', () => {
  it('leave a complete, valid old or new dist/ at every instant', { timeout: 240_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-crash-'));
    await writeCorpus(root, 1_000);
    const dist = path.join(root, 'dist');
    const hashes = new Map<string, string>();
    let duration = 0;
    for (const site of SITES) {
      const { code, ms } = await runBuild(root, site);
      expect(code).toBe(0);
      hashes.set(await treeHash(dist), site);
      duration = Math.max(duration, ms);
    }
    // Now dist/ is the "new" site; each run below tries to switch it to the other one.
    const delays = fc.sample(fc.integer({ min: 0, max: duration + 200 }), { numRuns: 14, seed: 4242 });
    let current = SITES[1] ?? '';
    for (const [run, delay] of delays.entries()) {
      const target = SITES[run % 2] ?? '';
      const result = await runBuild(root, target, delay);
      // A killed run's lock would expire after 30 s; age it instead of waiting.
      if (await exists(`${dist}.lock`)) await utimes(`${dist}.lock`, new Date(0), new Date(0));
      expect(await exists(dist), `run ${run} killed after ${delay} ms left no dist/`).toBe(true);
      const survivor = hashes.get(await treeHash(dist));
      expect(survivor, `run ${run} killed after ${delay} ms (exit ${result.code ?? result.signal}) left a mixed dist/`).toBeDefined();
      expect([current, target]).toContain(survivor);
      current = survivor ?? current;
      await assertWellFormedXml(await readFile(path.join(dist, 'rss.xml'), 'utf8'));
      expect(await validateAtom(await readFile(path.join(dist, 'atom.xml'), 'utf8'))).toEqual([]);
      expect(validateJsonFeed(JSON.parse(await readFile(path.join(dist, 'feed.json'), 'utf8')))).toEqual([]);
    }
    // The next normal run cleans up whatever a killed run left beside dist/.
    expect((await runBuild(root, SITES[0] ?? '')).code).toBe(0);
    expect((await readdir(root)).sort()).toEqual(['.syndic-cache', 'articles', 'dist', 'syndic.published.json', 'syndic.yaml']);
  });
});
