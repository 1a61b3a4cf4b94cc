// Runs the compiled binary (`npm run compile` first) and returns its exit status and output.
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export function syndic(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/syndic.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A copy of the seed site in a temporary folder. */
export async function seedSite(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-command-'));
  await cp(path.join(FIXTURES, 'seed-site/input'), root, { recursive: true });
  return root;
}
