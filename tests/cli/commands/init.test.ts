import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../../../src/cli/cli.js';
import { IGNORED } from '../../../src/cli/commands/init.js';
import { parseSettings } from '../../../src/parse.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NOW = '2025-03-04T10:00:00+01:00';

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function empty(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'syndic-init-'));
}

describe('syndic init', () => {
  it('creates a project that builds: syndic.yaml, an example draft and a .gitignore, then says what to type', async () => {
    const parent = await empty();
    const dir = path.join(parent, 'site');
    const { code, stdout, stderr } = await cli(['init', dir, '--url', 'https://news.example.org/', '--language', 'fr', '--now', NOW]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`created ${dir}/syndic.yaml\n`);
    expect(stdout).toContain(`created ${dir}/articles/2025-03-04-welcome-to-syndic.md, an example draft\n`);
    expect(stdout).toContain(`created ${dir}/.gitignore\n`);
    const next = stdout.slice(stdout.indexOf('Next:\n')).split('\n').slice(1).filter(Boolean);
    expect(next[0]).toBe(`  cd ${dir}`);
    expect(next.slice(1).map((line) => line.trim().split('  #')[0]?.trim())).toEqual([
      `node ${path.relative(dir, path.join(ROOT, 'bin/syndic.js'))} serve --watch --drafts`,
      `node ${path.relative(dir, path.join(ROOT, 'bin/syndic.js'))} new "Your first headline"`,
      `node ${path.relative(dir, path.join(ROOT, 'bin/syndic.js'))} build`,
    ]);
    expect((await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n')).toEqual(expect.arrayContaining(IGNORED));
    expect(IGNORED).toEqual(['.syndic-cache/', 'dist.lock', 'dist.syndic-new/', 'dist.syndic-old/']);
    expect(await cli(['build', '--root', dir, '--now', NOW])).toMatchObject({ code: 0, stdout: 'built: 0 of 1 article published, 9 files changed\n' });
    expect((await cli(['check', '--root', dir])).code).toBe(0);
  });

  it('writes every setting of the schema: the required ones active, the others commented out with their defaults', async () => {
    const dir = await empty();
    expect((await cli(['init', dir, '--url', 'https://news.example.org/', '--title', 'Le Quotidien', '--now', NOW])).code).toBe(0);
    const text = await readFile(path.join(dir, 'syndic.yaml'), 'utf8');
    const schemaFile = path.join(ROOT, 'lib/syndic.schema.json');
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as { required: string[]; properties: Record<string, { description: string }> };
    const [modeline] = text.split('\n');
    expect(modeline).toBe(`# yaml-language-server: $schema=${path.relative(dir, schemaFile)}`);
    const settings = parse(text) as Record<string, unknown>;
    expect(Object.keys(settings)).toEqual([...schema.required, 'id']);
    expect(settings).toMatchObject({ title: 'Le Quotidien', description: 'Le Quotidien', author: 'Le Quotidien', language: 'en', url: 'https://news.example.org/', id: { authority: 'news.example.org,2025' } });
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(text, key).toContain(`# ${property.description}\n`);
      expect(text, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    }
    expect(text).toContain('\n# timezone: UTC\n');
    expect(text).toContain('\n# feedLimit: 20\n');
    expect(text).toContain('\n# groups:\n#   tags: true\n#   authors: true\n');
    // Uncommenting every default gives the same settings: the defaults are the schema's own.
    const uncommented = text.replace(/^# ( *[a-zA-Z]+:(?: .*)?)$/gm, '$1').replace(/^(copyright|hub|podcast|logo|icon|webfeeds):\n/gm, '');
    const plain = parseSettings({ path: 'syndic.yaml', stem: 'syndic', text });
    const explicit = parseSettings({ path: 'syndic.yaml', stem: 'syndic', text: uncommented });
    expect(plain.ok && explicit.ok).toBe(true);
    if (plain.ok && explicit.ok) expect(explicit.value).toEqual(plain.value);
  });

  it('pins ids to the host and year, so a new domain, --base-url or --timezone never changes one', async () => {
    const dir = await empty();
    await cli(['init', dir, '--url', 'https://news.example.org/', '--now', NOW]);
    const [draft = ''] = await readdir(path.join(dir, 'articles'));
    const file = path.join(dir, 'articles', draft);
    await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true\n', ''));
    const ids = async (...flags: string[]): Promise<string[]> => {
      const out = path.join(dir, `out-${flags.length}`);
      expect((await cli(['build', '--root', dir, '--out', out, '--now', NOW, ...flags])).code).toBe(0);
      return [...(await readFile(path.join(out, 'atom.xml'), 'utf8')).matchAll(/<entry>\s*<title[^]*?<id>([^<]+)<\/id>/g)].map((match) => match[1] ?? '');
    };
    const pinned = 'tag:news.example.org,2025:2025-03-04-welcome-to-syndic';
    expect(await ids()).toEqual([pinned]);
    expect(await ids('--base-url', 'https://elsewhere.example/', '--timezone', 'Pacific/Kiritimati')).toEqual([pinned]);
  });

  it('never overwrites: an existing syndic.yaml stops it before anything is written', async () => {
    const dir = await empty();
    await writeFile(path.join(dir, 'syndic.yaml'), 'title: Mine\n');
    const { code, stderr } = await cli(['init', dir, '--url', 'https://news.example.org/']);
    expect(code).toBe(EXIT.invalidInput);
    expect(stderr).toContain('syndic.yaml: already exists; init never overwrites a file');
    expect(await readdir(dir)).toEqual(['syndic.yaml']);
    expect(await readFile(path.join(dir, 'syndic.yaml'), 'utf8')).toBe('title: Mine\n');
  });

  it('appends only the missing lines to an existing .gitignore, and leaves existing articles alone', async () => {
    const dir = await empty();
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/\n/.syndic-cache\ndist.lock');
    await mkdir(path.join(dir, 'articles'));
    await writeFile(path.join(dir, 'articles', '2024-01-01-mine.md'), 'mine');
    const { code, stdout } = await cli(['init', '--root', dir, '--url', 'https://news.example.org/']);
    expect(code).toBe(0);
    expect(stdout).toContain('added dist.syndic-new/, dist.syndic-old/ to');
    expect(stdout).toContain('no example was added');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n/.syndic-cache\ndist.lock\n\n# Written by syndic build and serve\ndist.syndic-new/\ndist.syndic-old/\n');
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['2024-01-01-mine.md']);
    expect(await readFile(path.join(dir, 'articles', '2024-01-01-mine.md'), 'utf8')).toBe('mine');
  });

  it('for a podcast, writes its settings, a guid written once and a cover, and the feed carries that guid', async () => {
    const dir = await empty();
    const { code, stdout } = await cli(['init', dir, '--url', 'https://radio.example.org/', '--podcast', '--email', 'studio@example.org', '--now', NOW]);
    expect(code).toBe(0);
    expect(stdout).toContain('media/podcast-cover.png');
    const settings = parse(await readFile(path.join(dir, 'syndic.yaml'), 'utf8')) as { podcast: { guid: string; owner: unknown } };
    expect(settings.podcast.owner).toEqual({ name: path.basename(dir), email: 'studio@example.org' });
    expect(settings.podcast.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await stat(path.join(dir, 'media/podcast-cover.png'))).size).toBeGreaterThan(0);
    expect((await cli(['build', '--root', dir, '--base-url', 'https://moved.example/', '--now', NOW])).code).toBe(0);
    expect(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')).toContain(`<podcast:guid>${settings.podcast.guid}</podcast:guid>`);
  });

  it('reports a folder it cannot make as exit 1 with the path, without hanging', async () => {
    const dir = await empty();
    await writeFile(path.join(dir, 'taken'), 'a file');
    const onFile = await cli(['init', path.join(dir, 'taken'), '--url', 'https://x.example/']);
    expect(onFile.code).toBe(EXIT.invalidInput);
    expect(onFile.stderr).toContain('taken: cannot be written (ENOTDIR)');
    // Node 20's recursive mkdir retries ENOENT under /proc for ever.
    const target = process.platform === 'linux' ? '/proc/syndic-init-test' : path.join(dir, 'taken', 'below');
    expect((await cli(['init', target, '--url', 'https://x.example/'])).code).toBe(EXIT.invalidInput);
  });

  it.each([
    [['init'], 'missing --url'],
    [['init', '--url', 'https://x.example/', '--podcast'], 'missing --email'],
    [['init', '--url', 'https://x.example/', '--email', 'a@b.example'], '--email is the podcast owner'],
    [['init', '--url', 'news.example.org'], '--url is not an absolute http(s) URL'],
    [['init', '--url', 'https://x.example/', '--timezone', 'Paris'], '--timezone is not an IANA time zone'],
    [['init', 'a', 'b', '--url', 'https://x.example/'], 'unexpected argument "b"'],
    [['init', 'a', '--root', 'b', '--url', 'https://x.example/'], 'name two folders'],
    [['init', '--json', '--url', 'https://x.example/'], 'unknown option "--json"'],
  ])('%j is a usage error that writes nothing', async (argv, message) => {
    const dir = await empty();
    const { code, stderr } = await cli([...argv, ...(argv.includes('a') ? [] : ['--root', dir])]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(message);
    expect(await readdir(dir)).toEqual([]);
  });
});
