import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

describe('public API', () => {
  it('exports build, generate, serve, watch and SyndicError', () => {
    expect(Object.keys(api).sort()).toEqual(['SyndicError', 'build', 'generate', 'serve', 'watch']);
  });

  it('is importable by package name from compiled ESM', async () => {
    const script = "const m = await import('syndic'); console.log(typeof m.build, typeof m.SyndicError);";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(stdout.trim()).toBe('function function');
  });
});
