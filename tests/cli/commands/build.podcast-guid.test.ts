// podcast:guid is assigned once: the first real `syndic build` of a podcast writes into
// syndic.yaml the guid its feed carried, says so, and nothing else ever writes or changes it.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, syndic } from './binary.js';

async function podcast(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-guid-'));
  await cp(path.join(FIXTURES, 'podcast/input'), root, { recursive: true });
  return root;
}

const settings = (root: string) => readFile(path.join(root, 'syndic.yaml'), 'utf8');

describe('the podcast:guid of a podcast whose syndic.yaml has none', () => {
  it('is written under podcast: by the first build, with a note, and equals the feed’s', async () => {
    const root = await podcast();
    const before = await settings(root);
    const first = await syndic(['build', '--root', root, '--quiet']);
    expect(first.code).toBe(0);
    const guid = /<podcast:guid>([0-9a-f-]{36})<\/podcast:guid>/.exec(await readFile(path.join(root, 'dist/rss.xml'), 'utf8'))?.[1];
    expect(guid).toBeDefined();
    expect(first.stderr).toContain(`note: syndic.yaml:10: podcast.guid: written, ${guid ?? ''}, the show's identity from now on`);
    expect(await settings(root)).toBe(before.replace('podcast:\n', `podcast:\n  guid: ${guid ?? ''}\n`));

    // Never recomputed: the site moves, the guid stays.
    await writeFile(path.join(root, 'syndic.yaml'), (await settings(root)).replace('url: https://podcast.syndic.example/', 'url: https://moved.syndic.example/'));
    const moved = await syndic(['build', '--root', root, '--quiet']);
    expect(moved.stderr).not.toContain('podcast.guid');
    expect(await readFile(path.join(root, 'dist/rss.xml'), 'utf8')).toContain(`<podcast:guid>${guid ?? ''}</podcast:guid>`);
  });

  it('is not written by check, by a build at another --now or by a preview', async () => {
    const root = await podcast();
    const before = await settings(root);
    expect((await syndic(['check', '--root', root])).code).toBe(0);
    expect((await syndic(['build', '--root', root, '--quiet', '--now', '2025-01-01T00:00:00Z'])).code).toBe(0);
    expect((await syndic(['build', '--root', root, '--quiet', '--drafts', '--out', path.join(root, 'preview')])).code).toBe(0);
    expect(await settings(root)).toBe(before);
  });

  it('is given to the user to add when the podcast block is on one line', async () => {
    const root = await podcast();
    const { parse } = await import('yaml');
    const values = parse(await settings(root)) as Record<string, unknown>;
    // JSON is YAML flow style: the podcast settings as one line.
    const text = Object.entries(values).map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`).join('');
    await writeFile(path.join(root, 'syndic.yaml'), text);
    const built = await syndic(['build', '--root', root, '--quiet']);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/^note: syndic\.yaml: podcast\.guid: add `guid: [0-9a-f-]{36}` under podcast:, the identity this feed now carries/m);
    expect(await settings(root)).toBe(text);
  });
});
