// A local static server for the built site: what a reader's browser and feed reader would
// see in production (content types, validators, compression), plus live reload when asked.
//
// node:http and a little code rather than sirv: sirv answers only If-None-Match (not
// If-Modified-Since), compresses only files pre-compressed on disk, and cannot add the
// live-reload script to HTML. `fresh` (the conditional-GET rules Express uses), `negotiator`
// (Accept-Encoding with q-values) and `mime` do the parts that have rules of their own.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fresh from 'fresh';
import mime from 'mime';
import Negotiator from 'negotiator';
import rangeParser from 'range-parser';
import { LIVE_RELOAD_PATH, ReloadChannel, withLiveReload } from './live-reload.js';
import { FEED_PATHS, INDEX_PATH } from '../addresses/urls.js';

export interface ServeOptions {
  /** The folder to serve: the build's output folder. */
  dir: string;
  /** TCP port; 0 (the default) lets the system pick a free one. */
  port?: number;
  /** Add the live-reload script to HTML and answer its event stream. Default false. */
  liveReload?: boolean;
}

export interface Server {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Tells open pages to reload (no-op without `liveReload`). */
  reload(): void;
  /** Stops listening and ends every open connection, event streams included. */
  close(): Promise<void>;
}

// mime knows these by extension only (.rss, .atom); Syndic's feeds are named rss.xml, atom.xml, feed.json.
// A Map, not an object: a file named `toString` or `constructor` must not find Object.prototype's.
const FEED_TYPES = new Map<string, string>([
  [FEED_PATHS.rss, 'application/rss+xml'],
  [FEED_PATHS.atom, 'application/atom+xml'],
  [FEED_PATHS.json, 'application/feed+json'],
]);

const TEXTUAL = /^(text\/|application\/([\w.+-]+\+)?(json|xml|javascript)$|image\/svg\+xml$)/;

/** The Content-Type a file is served with; text, XML and JSON say they are UTF-8. */
export function contentType(file: string): string {
  const type = FEED_TYPES.get(path.basename(file)) ?? mime.getType(file) ?? 'application/octet-stream';
  return TEXTUAL.test(type) ? `${type}; charset=utf-8` : type;
}

/**
 * Starts serving `dir` on 127.0.0.1 only: a preview is not for the network. The folder need
 * not exist yet (serve listens before the first build, to know its own address).
 */
export async function serve(options: ServeOptions): Promise<Server> {
  const channel = options.liveReload ? new ReloadChannel() : undefined;
  const server = createServer((request, response) => {
    respond(options.dir, channel, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(request, response, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`${String(error)}\n`));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    reload: () => channel?.reload(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        channel?.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function respond(dir: string, channel: ReloadChannel | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(request, response, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('405 method not allowed\n'));
    return;
  }
  // Prefixed, not resolved against a base: `//x` would otherwise parse as a host name.
  const url = new URL(`http://localhost${request.url ?? '/'}`);
  if (channel && url.pathname === LIVE_RELOAD_PATH) {
    channel.listen(request, response);
    return;
  }
  // Resolved per request: the folder is swapped by each build, and may not exist before the first.
  const root = await realpath(dir).catch(() => undefined);
  const found = root === undefined ? ({ kind: 'missing' } as const) : await locate(root, url.pathname);
  if (found.kind === 'redirect') {
    send(request, response, 301, { Location: `${url.pathname}/${url.search}` }, Buffer.alloc(0));
    return;
  }
  if (found.kind === 'missing') {
    await notFound(root, channel, request, response);
    return;
  }
  await sendFile(found.file, channel, request, response, 200);
}

type Location = { kind: 'file'; file: string } | { kind: 'redirect' } | { kind: 'missing' };

/** Maps a URL path to a file inside `root`, refusing anything that would leave it. */
export async function locate(root: string, pathname: string): Promise<Location> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'missing' };
  }
  if (decoded.includes('\0')) return { kind: 'missing' };
  const candidate = path.join(root, path.normalize(`/${decoded}`));
  if (!inside(root, candidate)) return { kind: 'missing' };
  const stats = await stat(candidate).catch(() => undefined);
  if (!stats) return { kind: 'missing' };
  if (stats.isDirectory() && !pathname.endsWith('/')) return { kind: 'redirect' };
  const file = stats.isDirectory() ? path.join(candidate, INDEX_PATH) : candidate;
  // A symbolic link inside dist/ must not reach outside it either.
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined || !inside(root, real) || !(await stat(real)).isFile()) return { kind: 'missing' };
  return { kind: 'file', file: real };
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const NOT_FOUND = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head>
<body><main><h1>Not found</h1><p>Nothing is built at this address. <a href="/">Go to the home page</a>.</p></main></body>
</html>
`;

/**
 * The site's own `404.html` when it has one, as most static hosts do; otherwise a short page.
 * Found through locate() like every other file, so a `404.html` link cannot reach outside.
 */
async function notFound(root: string | undefined, channel: ReloadChannel | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const custom = root === undefined ? undefined : await locate(root, '/404.html');
  if (custom?.kind === 'file') {
    await sendFile(custom.file, channel, request, response, 404);
    return;
  }
  const body = Buffer.from(channel ? withLiveReload(NOT_FOUND) : NOT_FOUND);
  send(request, response, 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }, body);
}

async function sendFile(file: string, channel: ReloadChannel | undefined, request: IncomingMessage, response: ServerResponse, status: number): Promise<void> {
  const stats = await stat(file);
  const type = contentType(file);
  const compressible = TEXTUAL.test(type.split(';')[0] ?? type);
  // Text is read whole (for live reload, compression and a content hash); audio, video and
  // images are streamed, so an hour-long episode is never held in memory.
  const raw = compressible ? await readFile(file) : undefined;
  const body = raw && channel && type.startsWith('text/html') ? Buffer.from(withLiveReload(raw.toString('utf8'))) : raw;
  const headers: OutgoingHttpHeaders = {
    'Content-Type': type,
    // Weak: the same representation may be sent gzip-, brotli- or un-encoded (RFC 9110 §8.8.3).
    ETag: body ? `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` : `W/"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`,
    'Last-Modified': stats.mtime.toUTCString(),
    // Always revalidate: a preview must show the latest build, and 304s keep that cheap.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(status === 200 ? { 'Accept-Ranges': 'bytes' } : {}),
  };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (status === 200 && fresh(request.headers, { etag: headers.ETag, 'last-modified': headers['Last-Modified'] })) {
    send(request, response, 304, headers, Buffer.alloc(0));
    return;
  }
  const size = body?.length ?? stats.size;
  const range = status === 200 ? rangeOf(request, size, String(headers['Last-Modified'])) : undefined;
  if (range === 'unsatisfiable') {
    send(request, response, 416, { 'Content-Range': `bytes */${size}`, 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.alloc(0));
    return;
  }
  if (range) {
    // A part is always of the unencoded bytes, whatever Accept-Encoding says.
    const part = { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` };
    if (body) send(request, response, 206, part, body.subarray(range.start, range.end + 1));
    else stream(request, response, 206, part, file, range);
    return;
  }
  if (!body) {
    stream(request, response, status, headers, file, size === 0 ? undefined : { start: 0, end: size - 1 });
    return;
  }
  const encoding = compressible ? new Negotiator(request).encoding(['br', 'gzip']) : undefined;
  if (encoding === 'br') {
    send(request, response, status, { ...headers, 'Content-Encoding': 'br' }, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  } else if (encoding === 'gzip') {
    send(request, response, status, { ...headers, 'Content-Encoding': 'gzip' }, gzipSync(body));
  } else {
    send(request, response, status, headers, body);
  }
}

/**
 * The one byte range asked for (RFC 9110 §14), `unsatisfiable` for a 416, or undefined for the
 * whole file: no Range, a malformed one, several ranges (a server may answer those with 200),
 * or an If-Range that no longer matches. Weak ETags never match If-Range (§13.1.5), dates may.
 */
function rangeOf(request: IncomingMessage, size: number, lastModified: string): { start: number; end: number } | 'unsatisfiable' | undefined {
  const header = request.headers.range;
  if (header === undefined) return undefined;
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && ifRange !== lastModified) return undefined;
  const ranges = rangeParser(size, header, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
  const [range] = ranges;
  return range;
}

/** Streams `file` (or the bytes `range` of it); HEAD gets the headers only. */
function stream(request: IncomingMessage, response: ServerResponse, status: number, headers: OutgoingHttpHeaders, file: string, range: { start: number; end: number } | undefined): void {
  response.writeHead(status, { ...headers, 'Content-Length': range ? range.end - range.start + 1 : 0 });
  if (request.method === 'HEAD' || !range) {
    response.end();
    return;
  }
  // A file that vanishes mid-read (a rebuild) ends the connection; the client retries.
  pipeline(createReadStream(file, range), response).catch(() => response.destroy());
}

/** Writes status, headers and Content-Length; HEAD gets the same headers and no body. */
function send(request: IncomingMessage, response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer): void {
  response.writeHead(status, status === 304 ? headers : { ...headers, 'Content-Length': body.length });
  response.end(request.method === 'HEAD' || status === 304 ? undefined : body);
}
