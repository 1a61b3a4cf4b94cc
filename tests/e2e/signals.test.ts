// Ctrl-C and SIGTERM stop a real build at once (no handler delays them, see src/lock.ts),
// dist/ stays byte for byte as it was, and the next build recovers: it takes over the dead
// build's lock at once, removes its staged tree and writes the new site.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/syndic.js');

/** Paths, bytes and link targets of everything under `dir`. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).map((entry) => ({ entry, file: path.join(entry.parentPath, entry.name) }));
  for (const { entry, file } of entries.sort((a, b) => (a.file < b.file ? -1 : 1))) {
    hash.update(path.relative(dir, file)).update('\0');
    if (entry.isFile()) hash.update(await readFile(file));
    else if (entry.isSymbolicLink()) hash.update(`link:${await readlink(file)}`);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** When to send the signal: a fixed time after the start, or as soon as the new tree is being staged. */
type When = { afterMs: number } | { staging: string };

function build(root: string, args: string[], signal?: { name: NodeJS.Signals; when: When }): Promise<{ code: number | null; signal: NodeJS.Signals | null; stopMs: number }> {
  const child = spawn(process.execPath, [BIN, 'build', '--quiet', '--root', root, ...args], { stdio: 'ignore' });
  let sentAt = 0;
  const send = (): void => {
    sentAt = performance.now();
    child.kill(signal?.name);
  };
  let poll: NodeJS.Timeout | undefined;
  const when = signal?.when;
  if (when && 'afterMs' in when) setTimeout(send, when.afterMs);
  else if (when) {
    const { staging } = when;
    poll = setInterval(() => {
      if (existsSync(staging)) {
        clearInterval(poll);
        send();
      }
    }, 10);
  }
  return new Promise((resolve) =>
    child.on('exit', (code, got) => {
      clearInterval(poll);
      resolve({ code, signal: got, stopMs: sentAt === 0 ? 0 : performance.now() - sentAt });
    }),
  );
}

describe('signals', () => {
  it('SIGTERM and Ctrl-C stop a build of 2,000 articles within a second, leave dist/ as it was, and the next build succeeds', { timeout: 240_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-signals-'));
    try {
      await writeCorpus(root, 2_000);
      expect((await build(root, [])).code).toBe(0);
      const dist = path.join(root, 'dist');
      const before = await treeHash(dist);
      // Another base URL rewrites every file: the build is busy rendering when the signal lands.
      const staging = `${dist}.syndic-new`;
      // Once while articles are parsed and rendered, and twice while pages are being staged.
      for (const [name, when] of [
        ['SIGTERM', { afterMs: 1_000 }],
        ['SIGINT', { staging }],
        ['SIGTERM', { staging }],
      ] as const) {
        const label = `${name} ${'afterMs' in when ? `after ${when.afterMs} ms` : 'while staging'}`;
        const stopped = await build(root, ['--base-url', 'https://elsewhere.example/'], { name, when });
        expect(stopped.signal, `${label}: the build finished first`).toBe(name);
        expect(stopped.stopMs, `${label} took ${Math.round(stopped.stopMs)} ms to stop`).toBeLessThan(1_000);
        expect(await treeHash(dist), `${label} changed dist/`).toBe(before);
      }
      // The dead build's lock and staged tree do not hold the next one up.
      const next = await build(root, ['--base-url', 'https://elsewhere.example/']);
      expect(next.code).toBe(0);
      expect(await readFile(path.join(dist, 'rss.xml'), 'utf8')).toContain('https://elsewhere.example/');
      expect((await readdir(root)).sort()).toEqual(['.syndic-cache', 'articles', 'dist', 'syndic.published.json', 'syndic.yaml']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
