import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/cli.js';
import { SERVE_HELP } from '../../../src/cli/commands/serve.js';
import { startCli, type RunningCli } from '../../support/running-cli.js';
import { withoutJsonLd } from '../../support/json-ld.js';

const SITE = path.resolve(import.meta.dirname, '../../fixtures/seed-site/input');
const PAGE = '/articles/2024/11/21/coree-du-nord-soldats-russie.html';
const ARTICLE = 'articles/2024-11-21-coree-du-nord-soldats-russie.md';
const PREVIEW = '.syndic-cache/preview/dist';

async function siteCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-serve-cli-'));
  await cp(SITE, root, { recursive: true });
  return root;
}

function get(base: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('syndic serve', () => {
  let root: string;
  let cli: RunningCli;
  let url: string;

  beforeAll(async () => {
    root = await siteCopy();
    cli = startCli(['serve', '--root', root, '--port', '0']);
    url = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] ?? '';
  }, 60_000);

  afterAll(async () => {
    await cli.stop();
  });

  it('builds first, then prints where it serves', () => {
    expect(cli.stdout()).toMatch(/^built: 1 of 1 article published, 33 files changed\nserving \.syndic-cache\/preview\/dist\/ at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
  });

  it('serves the built files byte for byte with their content types', async () => {
    for (const [target, file, type] of [
      ['/', 'index.html', 'text/html; charset=utf-8'],
      [PAGE, PAGE.slice(1), 'text/html; charset=utf-8'],
      ['/rss.xml', 'rss.xml', 'application/rss+xml; charset=utf-8'],
      ['/atom.xml', 'atom.xml', 'application/atom+xml; charset=utf-8'],
      ['/feed.json', 'feed.json', 'application/feed+json; charset=utf-8'],
    ] as const) {
      const reply = await get(url, target);
      expect(reply.headers['content-type'], target).toBe(type);
      expect(reply.body.equals(await readFile(path.join(root, PREVIEW, file))), target).toBe(true);
    }
  });

  it('answers a conditional GET with 304', async () => {
    const first = await get(url, '/atom.xml');
    const again = await get(url, '/atom.xml', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect((await get(url, '/atom.xml', { 'If-Modified-Since': String(first.headers['last-modified']) })).status).toBe(304);
  });

  it('compresses on request', async () => {
    const reply = await get(url, '/rss.xml', { 'Accept-Encoding': 'gzip' });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(reply.body).equals(await readFile(path.join(root, PREVIEW, 'rss.xml')))).toBe(true);
  });

  it('keeps requests inside dist/', async () => {
    for (const target of ['/../syndic.yaml', '/%2e%2e/syndic.yaml', '/articles/..%2f..%2fsyndic.yaml']) {
      const reply = await get(url, target);
      expect(reply.status, target).toBe(404);
      expect(reply.body.toString()).not.toContain('feedLimit');
    }
  });

  it('never touches dist/ or the real build cache, and links to its own origin', async () => {
    await expect(stat(path.join(root, 'dist'))).rejects.toThrow();
    await expect(stat(path.join(root, '.syndic-cache/build.json'))).rejects.toThrow();
    await expect(stat(path.join(root, '.syndic-cache/preview/build.json'))).resolves.toBeTruthy();
    const page = (await get(url, PAGE)).body.toString();
    expect(page).toContain(`<link rel="canonical" href="${url}articles/`);
    const rss = (await get(url, '/rss.xml')).body.toString();
    expect(rss).toContain(`<link>${url}</link>`);
    expect(rss).not.toContain('news.syndic.example');
  });

  it('adds no script without --watch', async () => {
    expect((await get(url, '/')).body.toString()).not.toContain('<script');
  });

  it('exits 0 on SIGTERM, and on Ctrl-C', async () => {
    expect(await cli.stop('SIGTERM')).toBe(0);
    const again = startCli(['serve', '--root', root, '--port', '0']);
    await again.waitFor(/serving/);
    expect(await again.stop('SIGINT')).toBe(0);
  }, 60_000);
});

describe('syndic serve, refused', () => {
  it('answers --help with its own usage', async () => {
    let stdout = '';
    const code = await main(['serve', '--help'], { stdout: (t) => (stdout += t), stderr: () => undefined, interrupt: new AbortController().signal });
    expect(code).toBe(0);
    expect(stdout).toBe(SERVE_HELP);
    expect(SERVE_HELP).toMatch(/^Usage\n {2}\$ syndic serve [^]*Options[^]*--port N[^]*Examples/);
  });


  it('rejects a bad port and unknown flags with exit 64', async () => {
    for (const args of [['--port', 'http'], ['--port', '70000'], ['--colour']]) {
      const cli = startCli(['serve', ...args]);
      expect(await cli.exit()).toBe(64);
      expect(cli.stderr()).toMatch(/^syndic serve: /);
    }
  }, 60_000);

  it('refuses to write its preview into dist/', async () => {
    const cli = startCli(['serve', '--port', '0', '--out', 'dist', '--root', await siteCopy()]);
    expect(await cli.exit()).toBe(64);
    expect(cli.stderr()).toContain('serve never writes into dist/');
  }, 60_000);

  it('leaves a real dist/ and its cache byte for byte, so the next real build stays warm', async () => {
    const root = await siteCopy();
    expect(await runBinary(['build', '--root', root])).toBe(0);
    const before = await snapshot(root, ['dist', '.syndic-cache/build.json']);
    const cli = startCli(['serve', '--root', root, '--port', '0', '--base-url', 'http://127.0.0.1:1/']);
    await cli.waitFor(/serving/);
    expect(await cli.stop('SIGTERM')).toBe(0);
    expect(await snapshot(root, ['dist', '.syndic-cache/build.json'])).toEqual(before);
    const again = startCli(['build', '--root', root]);
    expect(await again.exit()).toBe(0);
    expect(again.stdout()).toBe('nothing changed (1 of 1 article published)\n');
  }, 60_000);

  it('previews drafts and scheduled articles with --drafts --future, and says it is a preview', async () => {
    const root = await siteCopy();
    await writeFile(path.join(root, 'articles/2024-11-22-brouillon.md'), '---\ntitle: Brouillon\ndate: 2024-11-22\ndraft: true\n---\nPas encore.\n');
    await writeFile(path.join(root, 'articles/2999-01-01-plus-tard.md'), '---\ntitle: Plus tard\ndate: 2999-01-01\n---\nUn jour.\n');
    const cli = startCli(['serve', '--root', root, '--port', '0', '--drafts', '--future']);
    const url = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] ?? '';
    expect(cli.stdout()).toMatch(/^built \(preview with drafts and scheduled articles\): 3 of 3 articles published/);
    expect((await get(url, '/articles/brouillon.html')).status).toBe(200);
    expect((await get(url, '/articles/plus-tard.html')).status).toBe(200);
    expect(await cli.stop('SIGTERM')).toBe(0);
  }, 60_000);

  it('stops with exit 1 and the problems when the first build fails, without --watch', async () => {
    const root = await siteCopy();
    await writeFile(path.join(root, ARTICLE), '---\ntitle: Sans date\n---\nCorps\n');
    const cli = startCli(['serve', '--root', root, '--port', '0']);
    expect(await cli.exit()).toBe(1);
    expect(cli.stderr()).toContain('date: is required');
  }, 60_000);
});

function runBinary(args: string[]): Promise<number | null> {
  return startCli(args).exit();
}

/** Every file under `paths` of `root`, with its bytes and mtime. */
async function snapshot(root: string, paths: string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const visit = async (relative: string): Promise<void> => {
    const full = path.join(root, relative);
    const stats = await stat(full);
    if (stats.isDirectory()) {
      for (const name of await readdir(full)) await visit(path.join(relative, name));
    } else {
      files[relative] = `${stats.mtimeMs} ${(await readFile(full)).toString('base64')}`;
    }
  };
  for (const relative of paths) await visit(relative);
  return files;
}

describe('syndic serve --watch', () => {
  it('rebuilds on a change, tells open pages to reload, and keeps the last good site when a rebuild fails', async () => {
    const root = await siteCopy();
    const cli = startCli(['serve', '--root', root, '--port', '0', '--watch']);
    const url = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/), rebuilding on changes/))[1] ?? '';
    const page = (await get(url, PAGE)).body.toString();
    expect(page).toContain('<script>new EventSource(');
    expect(withoutJsonLd(await readFile(path.join(root, PREVIEW, PAGE.slice(1)), 'utf8'))).not.toContain('<script');

    // Listen like an open page would, then edit the article.
    const { hostname, port } = new URL(url);
    const reloaded = new Promise<string>((resolve, reject) => {
      const req = request({ host: hostname, port, path: '/__syndic/live-reload' }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected') && !text.includes('edited')) {
            text += 'edited';
            void readFile(path.join(root, ARTICLE), 'utf8').then((source) => writeFile(path.join(root, ARTICLE), source.replace('Ukraine sous pression', 'Ukraine sous forte pression')));
          }
          if (text.includes('event: reload')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(await reloaded).toContain('event: reload');
    expect((await get(url, PAGE)).body.toString()).toContain('Ukraine sous forte pression');

    const errorsBefore = cli.stderr().length;
    await writeFile(path.join(root, ARTICLE), '---\ntitle: Sans date\n---\nCorps\n');
    await cli.waitFor(/date: is required[^]*the output folder keeps the last good build/, { stream: 'stderr', from: errorsBefore });
    expect((await get(url, PAGE)).body.toString()).toContain('Ukraine sous forte pression');
    expect(await cli.stop('SIGINT')).toBe(0);
    expect(await readFile(path.join(root, PREVIEW, PAGE.slice(1)), 'utf8')).toContain('Ukraine sous forte pression');
  }, 90_000);
});
