import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../../src/errors.js';
import { acquire } from '../../src/incremental/lock.js';

async function lockPath(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'syndic-lock-')), 'dist.lock');
}

/** The PID of a process that has exited: no process runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the build lock', () => {
  it('installs no signal handler, so Ctrl-C and SIGTERM kill a build at once', async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const before = signals.map((signal) => process.listenerCount(signal));
    const release = await acquire(await lockPath(), 0);
    expect(signals.map((signal) => process.listenerCount(signal))).toEqual(before);
    await release();
  });

  it('records its owner and is gone once released', async () => {
    const file = await lockPath();
    const release = await acquire(file, 0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ syndic: 1, pid: process.pid, host: hostname() });
    await release();
    await expect(stat(file)).rejects.toThrow();
  });

  it('takes over at once the lock of a build that died', async () => {
    const file = await lockPath();
    await writeFile(file, JSON.stringify({ syndic: 1, pid: deadPid(), host: hostname() }));
    const release = await acquire(file, 0);
    expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('waits for a live owner, then gives up with LOCKED', async () => {
    const file = await lockPath();
    const release = await acquire(file, 0);
    const error = await acquire(file, 300).catch((e: unknown) => e);
    expect((error as SyndicError).code).toBe('LOCKED');
    await release();
  });

  it('takes over a lock from another machine once nobody refreshed it for 30 s', async () => {
    const file = await lockPath();
    await writeFile(file, JSON.stringify({ syndic: 1, pid: 1, host: 'another-host' }));
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    await (await acquire(file, 0))();
  });

  it('takes over an empty lock, left by a build killed between creating and writing it', async () => {
    const file = await lockPath();
    await writeFile(file, '');
    const old = new Date(Date.now() - 5_000);
    await utimes(file, old, old);
    await (await acquire(file, 0))();
  });

  it('never deletes a file of that name that Syndic did not write', async () => {
    const file = await lockPath();
    await writeFile(file, 'my notes\n');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const error = (await acquire(file, 1_000).catch((e: unknown) => e)) as SyndicError;
    expect(error).toBeInstanceOf(SyndicError);
    expect(error.code).toBe('UNSAFE_OUTPUT');
    expect(error.format()).toMatch(/dist\.lock: is not a lock Syndic wrote.*\n  hint: rename or remove it/);
    expect(await readFile(file, 'utf8')).toBe('my notes\n');
  });
});
