import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../src/regular-file.js';

describe('readRegularFile', () => {
  it('reads a file, and tells a folder, a FIFO and a missing file apart without waiting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-regular-'));
    await writeFile(path.join(dir, 'a.json'), '{"é":1}');
    await mkdir(path.join(dir, 'folder'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    expect((await readRegularFile(path.join(dir, 'a.json'))).toString('utf8')).toBe('{"é":1}');
    await expect(readRegularFile(path.join(dir, 'folder'))).rejects.toMatchObject({ code: 'EISDIR' });
    // No writer ever opens the FIFO: a plain readFile would wait here forever.
    await expect(readRegularFile(path.join(dir, 'pipe'))).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(readRegularFile(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
