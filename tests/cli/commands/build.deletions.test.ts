// `syndic build --confirm-deletions`, and which builds update syndic.published.json.
import { mkdir, mkdtemp, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../src/cli/cli.js';
import { buildOptionsOf } from '../../../src/cli/commands/build.js';

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { NO_COLOR: '1' } });
  return { code, stdout, stderr };
}

async function site(count: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-deletions-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), 'title: D\ndescription: Deletions\nurl: https://deletions.example/\nlanguage: en\nauthor: Desk\n');
  for (let n = 1; n <= count; n += 1) await writeFile(path.join(root, `articles/${n}.md`), `---\ntitle: Story ${n}\ndate: 2024-12-0${n}\n---\nText.\n`);
  return root;
}

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

describe('build --confirm-deletions', () => {
  it('is a flag of build', () => {
    expect(buildOptionsOf({ 'confirm-deletions': true })).toEqual({ confirmDeletions: true });
    expect(buildOptionsOf({})).toEqual({});
  });

  it('stops a build that would tombstone 4 articles with exit 1, and lets it through when given', async () => {
    const root = await site(5);
    expect((await cli(['build', '--root', root, '--quiet'])).code).toBe(EXIT.ok);
    const memory = await readFile(path.join(root, 'syndic.published.json'), 'utf8');
    for (const n of [1, 2, 3, 4]) await unlink(path.join(root, `articles/${n}.md`));
    const stopped = await cli(['build', '--root', root, '--quiet']);
    expect(stopped.code).toBe(EXIT.invalidInput);
    expect(stopped.stderr).toContain('this build would tombstone 4 published articles at once, whose files are gone: tag:deletions.example,2024-12-01:1, ');
    expect(stopped.stderr).toContain('build again with --confirm-deletions');
    expect(stopped.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(path.join(root, 'syndic.published.json'), 'utf8')).toBe(memory);
    expect((await cli(['build', '--root', root, '--quiet', '--confirm-deletions'])).code).toBe(EXIT.ok);
    expect((await readFile(path.join(root, 'dist/atom.xml'), 'utf8')).match(/<at:deleted-entry /g)).toHaveLength(4);
  });

  it('leaves syndic.published.json alone with --now, and with check', async () => {
    const root = await site(1);
    expect((await cli(['build', '--root', root, '--quiet', '--now', '2025-01-01T00:00:00Z'])).code).toBe(EXIT.ok);
    expect((await cli(['check', '--root', root])).code).toBe(EXIT.ok);
    expect(await exists(path.join(root, 'syndic.published.json'))).toBe(false);
  });
});

describe('check and syndic.published.json', () => {
  it('reports a damaged file as a build would, and leaves it as it is', async () => {
    const root = await site(1);
    await writeFile(path.join(root, 'syndic.published.json'), '{"version": 1,\n "entries": 3, "deleted": [], "retracted": []}\n');
    const result = await cli(['check', '--root', root]);
    expect(result.code).toBe(EXIT.invalidInput);
    expect(result.stderr).toContain('syndic.published.json:2: entries: must be a list');
    expect(await readFile(path.join(root, 'syndic.published.json'), 'utf8')).toBe('{"version": 1,\n "entries": 3, "deleted": [], "retracted": []}\n');
  });
});
