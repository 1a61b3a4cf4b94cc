// EACCES through the real binary. The suite runs as root in CI, and root reads every file
// whatever its mode, so the binary runs here as `nobody` (setpriv, util-linux) on a project
// that `nobody` owns: chmod 000 then means what it means for a real user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, chown, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/syndic.js');
const NOBODY = 65_534;

function asNobody(args: string[], cwd: string): { status: number | null; output: string } {
  const run = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The seed site with a lead image, built once, owned by nobody. */
async function project(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'syndic-eacces-'));
  made.push(parent);
  await chmod(parent, 0o755);
  const root = path.join(parent, 'project');
  await cp(path.join(ROOT, 'tests/fixtures/seed-site/input'), root, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/podcast/input/images'), path.join(root, 'images'), { recursive: true });
  const [name = ''] = await readdir(path.join(root, 'articles'));
  const article = path.join(root, 'articles', name);
  await writeFile(article, (await readFile(article, 'utf8')).replace('lang: fr\n', 'lang: fr\nimage: images/studio.png\n'));
  execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, root]);
  await chown(parent, NOBODY, NOBODY);
  expect(asNobody(['build', '--quiet'], root).status).toBe(0);
  return root;
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('permission denied (EACCES), as a real user', () => {
  it('on a media file: build exits 1 naming the file and field, leaves dist/ and no staging folder; check reports it too', async () => {
    const root = await project();
    const before = await listing(path.dirname(root));
    await chmod(path.join(root, 'images/studio.png'), 0o000);
    const built = asNobody(['build'], root);
    expect(built.status, built.output).toBe(1);
    expect(built.output).toMatch(/articles\/.*\.md:\d+: image: "images\/studio\.png" is not readable \(permission denied\)/);
    expect(built.output).not.toMatch(/^\s+at /m);
    expect(await listing(path.dirname(root))).toEqual(before);
    const checked = asNobody(['check'], root);
    expect(checked.status).toBe(1);
    expect(checked.output).toContain('is not readable (permission denied)');
  });

  it('on an article: build and check exit 1 naming it', async () => {
    const root = await project();
    const [name = ''] = await readdir(path.join(root, 'articles'));
    await chmod(path.join(root, 'articles', name), 0o000);
    // chmod leaves size, mtime and inode as they were: the cache would vouch for the unchanged article.
    for (const args of [['build', '--no-cache'], ['check']]) {
      const run = asNobody(args, root);
      expect(run.status, run.output).toBe(1);
      expect(run.output).toContain(`articles/${name}: is not readable (permission denied)`);
    }
  });

  it('on the project folder: the build cannot take its lock, exits 1 and changes nothing', async () => {
    const root = await project();
    const before = await listing(root);
    await chmod(root, 0o555);
    const run = asNobody(['build', '--no-cache'], root);
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/dist\.lock: cannot create the build lock \(permission denied\)\n  hint: check that the user running Syndic may write/);
    await chmod(root, 0o755);
    expect(await listing(root)).toEqual(before);
  });
});
