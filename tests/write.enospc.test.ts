// A disk that fills up mid-build: the staged tree goes, the output folder stays as it was,
// and the error says what happened. The failure is injected: a full disk cannot be made here.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SyndicError } from '../src/errors.js';
import { write } from '../src/write.js';

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    writeFile: (async (file, ...rest) => {
      if (String(file).endsWith('full.html')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: String(file) });
      return fs.writeFile(file, ...rest);
    }) as typeof fs.writeFile,
  };
});

describe('write on a full disk', () => {
  it('removes the staged tree and reports the file it could not write', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'syndic-enospc-'));
    const out = path.join(parent, 'dist');
    await write(out, [{ path: 'rss.xml', contents: '1' }]);
    const outputs = [{ path: 'rss.xml', contents: '2' }, ...Array.from({ length: 50 }, (_, i) => ({ path: `articles/${i}.html`, contents: 'p' })), { path: 'articles/full.html', contents: 'p' }];
    const error = (await write(out, outputs).catch((e: unknown) => e)) as SyndicError;
    expect(error).toBeInstanceOf(SyndicError);
    expect(error.format()).toMatch(/dist\.syndic-new\/articles\/full\.html: cannot write \(the disk is full\); the output folder was left as it was\n  hint: free some space/);
    expect(await readdir(parent)).toEqual(['dist']);
    expect(await readFile(path.join(out, 'rss.xml'), 'utf8')).toBe('1');
  });
});
