import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { SERVE_HELP } from '../../src/commands/serve.js';
import { startCli, type RunningCli } from '../support/running-cli.js';

const SITE = path.resolve(import.meta.dirname, '../fixtures/seed-site/input');
const PAGE = '/articles/2024/11/21/coree-du-nord-soldats-russie.html';
const ARTICLE = 'articles/2024-11-21-coree-du-nord-soldats-russie.md';

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
    expect(cli.stdout()).toMatch(/^built: 1 of 1 article published, 27 files changed\nserving dist\/ at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
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
      expect(reply.body.equals(await readFile(path.join(root, 'dist', file))), target).toBe(true);
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
    expect(gunzipSync(reply.body).equals(await readFile(path.join(root, 'dist/rss.xml')))).toBe(true);
  });

  it('keeps requests inside dist/', async () => {
    for (const target of ['/../syndic.yaml', '/%2e%2e/syndic.yaml', '/articles/..%2f..%2fsyndic.yaml']) {
      const reply = await get(url, target);
      expect(reply.status, target).toBe(404);
      expect(reply.body.toString()).not.toContain('feedLimit');
    }
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

  it('stops with exit 1 and the problems when the first build fails, without --watch', async () => {
    const root = await siteCopy();
    await writeFile(path.join(root, ARTICLE), '---\ntitle: Sans date\n---\nCorps\n');
    const cli = startCli(['serve', '--root', root, '--port', '0']);
    expect(await cli.exit()).toBe(1);
    expect(cli.stderr()).toContain('date: is required');
  }, 60_000);
});

describe('syndic serve --watch', () => {
  it('rebuilds on a change, tells open pages to reload, and keeps the last good site when a rebuild fails', async () => {
    const root = await siteCopy();
    const cli = startCli(['serve', '--root', root, '--port', '0', '--watch']);
    const url = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/), rebuilding on changes/))[1] ?? '';
    const page = (await get(url, PAGE)).body.toString();
    expect(page).toContain('<script>new EventSource(');
    expect(await readFile(path.join(root, 'dist', PAGE.slice(1)), 'utf8')).not.toContain('<script');

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
    expect(await readFile(path.join(root, 'dist', PAGE.slice(1)), 'utf8')).toContain('Ukraine sous forte pression');
  }, 90_000);
});
