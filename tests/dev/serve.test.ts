import { mkdir, mkdtemp, symlink, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_RELOAD_PATH, withLiveReload } from '../../src/dev/live-reload.js';
import { contentType, locate, serve, type Server } from '../../src/dev/serve.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP request: fetch would normalise `..` away and decode bodies itself. */
function get(url: string, target: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { host, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: host.split(':')[0], port, path: target, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = '<!doctype html>\n<html lang="fr">\n<head><title>Accueil</title></head>\n<body>\n<p>Corée</p>\n</body>\n</html>\n';

describe('serve', () => {
  let dir: string;
  let server: Server;
  let live: Server;

  beforeAll(async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-serve-'));
    dir = path.join(root, 'dist');
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), PAGE);
    await writeFile(path.join(dir, 'articles', 'a.html'), PAGE);
    await writeFile(path.join(dir, 'rss.xml'), `<?xml version="1.0"?><rss version="2.0">${'<!-- padding -->'.repeat(200)}</rss>`);
    await writeFile(path.join(dir, 'atom.xml'), '<feed xmlns="http://www.w3.org/2005/Atom"/>');
    await writeFile(path.join(dir, 'feed.json'), '{}');
    await writeFile(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await utimes(path.join(dir, 'feed.json'), new Date('2024-11-21T10:00:00Z'), new Date('2024-11-21T10:00:00Z'));
    await writeFile(path.join(root, 'secret.txt'), 'outside');
    await symlink(path.join(root, 'secret.txt'), path.join(dir, 'link.txt'));
    server = await serve({ dir });
    live = await serve({ dir, liveReload: true });
  });

  afterAll(async () => {
    await server.close();
    await live.close();
  });

  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe(live.url);
  });

  it.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
    ['/articles/a.html', 'text/html; charset=utf-8'],
    ['/photo.png', 'image/png'],
  ])('serves %s as %s', async (target, type) => {
    const reply = await get(server.url, target);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
  });

  it('names feed types for feeds in any folder and for other files by extension', () => {
    expect(contentType('tags/russie/rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(contentType('feeds.opml')).toBe('text/x-opml; charset=utf-8');
    expect(contentType('sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('media/episode.mp3')).toBe('audio/mpeg');
    expect(contentType('README')).toBe('application/octet-stream');
  });

  it('answers conditional GETs with 304, by ETag and by date', async () => {
    const first = await get(server.url, '/feed.json');
    expect(first.headers['last-modified']).toBe('Thu, 21 Nov 2024 10:00:00 GMT');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const byTag = await get(server.url, '/feed.json', { headers: { 'If-None-Match': etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);
    expect((await get(server.url, '/feed.json', { headers: { 'If-Modified-Since': 'Thu, 21 Nov 2024 10:00:00 GMT' } })).status).toBe(304);
    expect((await get(server.url, '/feed.json', { headers: { 'If-Modified-Since': 'Thu, 21 Nov 2024 09:59:59 GMT' } })).status).toBe(200);
    expect((await get(server.url, '/feed.json', { headers: { 'If-None-Match': 'W/"other"' } })).status).toBe(200);
  });

  it('compresses with brotli or gzip as the client prefers, and says it varies', async () => {
    const plain = await get(server.url, '/rss.xml');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const br = await get(server.url, '/rss.xml', { headers: { 'Accept-Encoding': 'gzip;q=0.5, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(br.body.length).toBeLessThan(plain.body.length);
    const gzip = await get(server.url, '/rss.xml', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(gzip.headers.etag).toBe(plain.headers.etag);
    expect((await get(server.url, '/photo.png', { headers: { 'Accept-Encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(server.url, '/rss.xml', { method: 'HEAD' });
    const full = await get(server.url, '/rss.xml');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(full.body.length));
    expect(head.headers.etag).toBe(full.headers.etag);
  });

  it('refuses other methods', async () => {
    const reply = await get(server.url, '/', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/articles/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/link.txt', '/index.html%00.png', '/%E0%A4%A'])(
    'never serves anything outside the folder: %s',
    async (target) => {
      const reply = await get(server.url, target);
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).not.toContain('outside');
    },
  );

  it('answers unknown paths with an HTML 404 page', async () => {
    const reply = await get(server.url, '/nope.html');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body.toString()).toContain('<h1>Not found</h1>');
  });

  it('redirects a folder without its slash', async () => {
    const reply = await get(server.url, '/articles?x=1');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/articles/?x=1');
  });

  it('adds the live-reload script to served HTML only when asked, never to feeds', async () => {
    expect((await get(server.url, '/')).body.toString()).toBe(PAGE);
    const page = (await get(live.url, '/')).body.toString();
    expect(page).toBe(withLiveReload(PAGE));
    expect(page).toContain(`<script>new EventSource("${LIVE_RELOAD_PATH}")`);
    expect(page.indexOf('<script>')).toBeLessThan(page.indexOf('</body>'));
    expect((await get(live.url, '/rss.xml')).body.toString()).not.toContain('<script');
    expect((await get(server.url, LIVE_RELOAD_PATH)).status).toBe(404);
  });

  it('tells listening pages to reload', async () => {
    const { host, port } = new URL(live.url);
    const events = await new Promise<string>((resolve, reject) => {
      const req = request({ host: host.split(':')[0], port, path: LIVE_RELOAD_PATH }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected')) live.reload();
          if (text.includes('event: reload')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toContain('event: reload\ndata: {}\n\n');
  });
});

describe('locate', () => {
  it('maps a folder URL to its index.html and rejects escapes before touching the disk', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-locate-'));
    await writeFile(path.join(root, 'index.html'), PAGE);
    expect(await locate(root, '/')).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(await locate(root, '/../../../etc/passwd')).toEqual({ kind: 'missing' });
  });
});

describe('serve, Range requests (podcast audio and video)', () => {
  let dir: string;
  let server: Server;
  const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'syndic-range-'));
    await mkdir(path.join(dir, 'media'));
    await writeFile(path.join(dir, 'media', 'episode.mp3'), audio);
    await writeFile(path.join(dir, 'rss.xml'), '<rss version="2.0"><channel></channel></rss>');
    server = await serve({ dir });
  });

  afterAll(async () => {
    await server.close();
  });

  it('says it takes ranges, and answers one with 206 and exactly those bytes', async () => {
    const full = await get(server.url, '/media/episode.mp3');
    expect(full.status).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.body.equals(audio)).toBe(true);
    const part = await get(server.url, '/media/episode.mp3', { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.headers['content-length']).toBe('100');
    expect(part.body.equals(audio.subarray(100, 200))).toBe(true);
    const tail = await get(server.url, '/media/episode.mp3', { headers: { Range: 'bytes=-10' } });
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.body.equals(audio.subarray(990))).toBe(true);
    const open = await get(server.url, '/media/episode.mp3', { headers: { Range: 'bytes=995-' } });
    expect(open.body.equals(audio.subarray(995))).toBe(true);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const reply = await get(server.url, '/media/episode.mp3', { headers: { Range: 'bytes=5000-6000' } });
    expect(reply.status).toBe(416);
    expect(reply.headers['content-range']).toBe('bytes */1000');
    expect(reply.body.length).toBe(0);
  });

  it('sends the whole file for a malformed Range, several ranges, or an If-Range that no longer matches', async () => {
    for (const headers of [{ Range: 'bytes=abc' }, { Range: 'items=0-5' }, { Range: 'bytes=0-1,500-501' }, { Range: 'bytes=0-1', 'If-Range': 'Thu, 01 Jan 1970 00:00:00 GMT' }, { Range: 'bytes=0-1', 'If-Range': 'W/"x"' }]) {
      const reply = await get(server.url, '/media/episode.mp3', { headers });
      expect(reply.status, JSON.stringify(headers)).toBe(200);
      expect(reply.body.equals(audio)).toBe(true);
    }
    const lastModified = String((await get(server.url, '/media/episode.mp3')).headers['last-modified']);
    expect((await get(server.url, '/media/episode.mp3', { headers: { Range: 'bytes=0-1', 'If-Range': lastModified } })).status).toBe(206);
  });

  it('answers HEAD with a range with the part headers and no body, and ranges text unencoded', async () => {
    const head = await get(server.url, '/media/episode.mp3', { method: 'HEAD', headers: { Range: 'bytes=0-9' } });
    expect(head.status).toBe(206);
    expect(head.headers['content-length']).toBe('10');
    expect(head.body.length).toBe(0);
    const text = await get(server.url, '/rss.xml', { headers: { Range: 'bytes=0-3', 'Accept-Encoding': 'gzip, br' } });
    expect(text.status).toBe(206);
    expect(text.headers['content-encoding']).toBeUndefined();
    expect(text.body.toString()).toBe('<rss');
  });
});

describe('serve, hostile files in the output folder', () => {
  it('never follows a 404.html link out of the folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-404-'));
    const dir = path.join(root, 'dist');
    await mkdir(dir);
    await writeFile(path.join(root, 'secret.txt'), 'outside secret');
    await symlink(path.join(root, 'secret.txt'), path.join(dir, '404.html'));
    const server = await serve({ dir });
    try {
      for (const target of ['/nope', '/404.html', '/articles/nope.html']) {
        const reply = await get(server.url, target);
        expect(reply.status, target).toBe(404);
        expect(reply.body.toString(), target).not.toContain('outside secret');
        expect(reply.body.toString(), target).toContain('<h1>Not found</h1>');
      }
    } finally {
      await server.close();
    }
  });

  it('still uses a 404.html link that stays inside the folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-404-in-'));
    await writeFile(path.join(dir, 'missing.html'), '<p>Perdu</p>');
    await symlink(path.join(dir, 'missing.html'), path.join(dir, '404.html'));
    const server = await serve({ dir });
    try {
      const reply = await get(server.url, '/nope');
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).toBe('<p>Perdu</p>');
    } finally {
      await server.close();
    }
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'tags/x/toString'])('serves a file named %s like any other', async (name) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-proto-'));
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), 'plain');
    const server = await serve({ dir });
    try {
      const reply = await get(server.url, `/${name}`);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.body.toString()).toBe('plain');
      expect(contentType(name)).toBe('application/octet-stream');
    } finally {
      await server.close();
    }
  });

  it('answers 404 while the folder does not exist yet, and serves it once built', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-later-'));
    const dir = path.join(root, 'preview');
    const server = await serve({ dir });
    try {
      expect((await get(server.url, '/')).status).toBe(404);
      await mkdir(dir);
      await writeFile(path.join(dir, 'index.html'), PAGE);
      expect((await get(server.url, '/')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
