// Installing Syndic outside this checkout, as the README shows: `npm pack` (whose `prepare`
// script compiles lib/, which is not committed), the tarball installed into an empty folder,
// then the installed binary runs `init` and `build` there.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
// What `prepare` needs to compile; lib/ is left out on purpose, so the pack must build it.
const SOURCES = ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'bin', 'src', 'scripts', 'assets'];

describe('npm pack, then install into an empty folder', () => {
  it('gives a working syndic binary: init, then build', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'syndic-pack-'));
    // A copy, so packing never rewrites this checkout's lib/ while other tests run it.
    const checkout = path.join(work, 'checkout');
    await mkdir(checkout);
    for (const name of SOURCES) await cp(path.join(ROOT, name), path.join(checkout, name), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
    const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: checkout, env, maxBuffer: 1 << 24 });
    const [{ filename, files }] = JSON.parse(packed.slice(packed.indexOf('['))) as [{ filename: string; files: Array<{ path: string }> }];
    const names = files.map((file) => file.path);
    expect(names).toEqual(expect.arrayContaining(['bin/syndic.js', 'lib/bin/cli.js', 'lib/syndic.schema.json', 'assets/podcast-cover.png', 'package.json']));
    expect(names.some((name) => name.startsWith('src/') || name.startsWith('tests/'))).toBe(false);

    const site = path.join(work, 'site');
    await mkdir(site);
    await run('npm', ['install', '--prefer-offline', '--no-save', path.join(work, filename)], { cwd: site, env });
    const syndic = (...args: string[]) => run(path.join(site, 'node_modules/.bin/syndic'), args, { cwd: site, env });
    const init = await syndic('init', '--url', 'https://news.example.org/', '--title', 'Le Quotidien');
    expect(init.stdout).toContain('./node_modules/.bin/syndic build ');
    const settings = await readFile(path.join(site, 'syndic.yaml'), 'utf8');
    expect(settings.split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/syndic/lib/syndic.schema.json');
    expect((await syndic('build')).stdout).toBe('built: 0 of 1 article published, 9 files changed\n');
    expect((await readdir(path.join(site, 'dist'))).sort()).toEqual(['.syndic-manifest', 'atom.xml', 'feed.json', 'feed.xsl', 'feeds.opml', 'index.html', 'news-sitemap.xml', 'robots.txt', 'rss.xml', 'sitemap.xml']);
    expect((await syndic('-V')).stdout).toMatch(/^\d+\.\d+\.\d+/);
  }, 120_000);
});
