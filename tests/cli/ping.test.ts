// WebSub pings against a real local HTTP server: what is sent, retries, timeouts, failure reports.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ping } from '../../src/cli/ping.js';

interface Received {
  method: string;
  type: string;
  body: URLSearchParams;
}

const servers: Array<{ close(): void }> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A hub on 127.0.0.1 that answers each request with the next status of `statuses` (the last one repeats). */
async function hub(statuses: Array<number | 'hang'>): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', type: request.headers['content-type'] ?? '', body: new URLSearchParams(body) });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 204;
      if (status !== 'hang') response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() && server.closeAllConnections() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
}

const FAST = { minDelayMs: 10, timeoutMs: 2_000 };

describe('ping', () => {
  it('POSTs hub.mode=publish and hub.url, form-encoded, once per hub and feed', async () => {
    const [a, b] = [await hub([204]), await hub([202])];
    const results = await ping([a.url, b.url], ['https://x.example/rss.xml', 'https://x.example/atom.xml'], FAST);
    expect(results.every((r) => r.ok && r.attempts === 1)).toBe(true);
    for (const { received } of [a, b]) {
      expect(received.map((r) => [r.method, r.type, r.body.get('hub.mode'), r.body.get('hub.url')]).sort()).toEqual([
        ['POST', 'application/x-www-form-urlencoded;charset=UTF-8', 'publish', 'https://x.example/atom.xml'],
        ['POST', 'application/x-www-form-urlencoded;charset=UTF-8', 'publish', 'https://x.example/rss.xml'],
      ]);
    }
  });

  it('retries a 5xx answer and succeeds', async () => {
    const flaky = await hub([503, 500, 204]);
    expect(await ping([flaky.url], ['https://x.example/rss.xml'], FAST)).toEqual([{ hub: flaky.url, feed: 'https://x.example/rss.xml', ok: true, attempts: 3, status: 204 }]);
  });

  it('does not retry a refusal (4xx) and says what the hub answered', async () => {
    const strict = await hub([400]);
    const [result] = await ping([strict.url], ['https://x.example/rss.xml'], FAST);
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 400, error: 'the hub answered HTTP 400' });
  });

  it('gives up on a hub that never answers, after the timeout and the retries', async () => {
    const silent = await hub(['hang']);
    const [result] = await ping([silent.url], ['https://x.example/rss.xml'], { minDelayMs: 10, timeoutMs: 200, retries: 1 });
    expect(result).toMatchObject({ ok: false, attempts: 2, error: 'no answer within 0.2 s' });
  });

  it('reports an unreachable hub without throwing', async () => {
    const gone = await hub([204]);
    servers.splice(0).forEach((server) => server.close());
    const [result] = await ping([gone.url], ['https://x.example/rss.xml'], { ...FAST, retries: 0 });
    expect(result?.ok).toBe(false);
    expect(result?.error).toMatch(/fetch failed/);
  });
});

describe('syndic build --ping', () => {
  const run = promisify(execFile);
  const ROOT = path.resolve(import.meta.dirname, '../..');

  async function siteWithHub(url: string): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-ping-'));
    await cp(path.join(ROOT, 'tests/fixtures/seed-site/input'), root, { recursive: true });
    const settings = path.join(root, 'syndic.yaml');
    await writeFile(settings, `${await readFile(settings, 'utf8')}hub: ${url}\ngroups: {tags: false, authors: false}\n`);
    return root;
  }

  const syndic = (args: string[]) => run(process.execPath, [path.join(ROOT, 'bin/syndic.js'), ...args]);

  it('announces each changed subscription feed, and nothing when nothing changed', async () => {
    const accepting = await hub([204]);
    const root = await siteWithHub(accepting.url);
    const first = await syndic(['build', '--root', root, '--ping']);
    expect(first.stdout).toContain('pinged: 3 of 3 notifications accepted');
    expect(accepting.received.map((r) => r.body.get('hub.url')).sort()).toEqual([
      'https://news.syndic.example/atom.xml',
      'https://news.syndic.example/feed.json',
      'https://news.syndic.example/rss.xml',
    ]);
    await syndic(['build', '--root', root, '--ping']);
    expect(accepting.received).toHaveLength(3);
  });

  it('still builds, exits 0 and says which ping failed when the hub keeps failing', { timeout: 30_000 }, async () => {
    const broken = await hub([500]);
    const root = await siteWithHub(broken.url);
    const { stdout, stderr } = await syndic(['build', '--root', root, '--ping']);
    expect(stdout).toContain('built: 1 of 1 article published');
    expect(stderr).toContain(`warning: --ping: ${broken.url} was not told about https://news.syndic.example/rss.xml after 3 attempts: the hub answered HTTP 500`);
    expect(await readFile(path.join(root, 'dist/rss.xml'), 'utf8')).toContain('<rss');
  });
});
