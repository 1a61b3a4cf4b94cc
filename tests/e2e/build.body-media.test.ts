// Files named in article bodies, end to end through the real binary: copied to dist/media/,
// linked there from the page and every feed, served by `syndic serve`, checked by `check`,
// followed by the build cache, and copied without the photo's GPS position.
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { startCli, type RunningCli } from '../support/running-cli.js';
import { KYIV } from '../support/images.js';
import { validateFeedFile } from '../support/validators.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/syndic.js');
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/body-media');
const SITE_URL = 'https://quotidien.syndic.example/';
const IMAGE = `${SITE_URL}media/images/kyiv.jpg`;
const PDF = `${SITE_URL}media/docs/rapport.pdf`;
const ARTICLE = 'articles/2024-11-21-carte-du-front.md';

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-body-media-'));
  await cp(FIXTURE, root, { recursive: true });
  return root;
}

async function syndic(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function get(base: string, target: string): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The URLs of the img src and a href attributes of an HTML fragment. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('a body image and a linked PDF', () => {
  let root: string;
  let cli: RunningCli;
  let served: string;

  beforeAll(async () => {
    root = await project();
    // serve builds into its own preview folder with its own origin; dist/ is the real build's.
    expect((await syndic(['build', '--root', root, '--quiet'])).code).toBe(0);
    cli = startCli(['serve', '--root', root, '--port', '0']);
    served = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] ?? '';
  }, 60_000);

  afterAll(async () => {
    await cli.stop();
  });

  it('are linked at their copies under media/ from the page and from each feed’s item content', async () => {
    const page = await readFile(path.join(root, 'dist/articles/carte-du-front.html'), 'utf8');
    const rss = await readFile(path.join(root, 'dist/rss.xml'), 'utf8');
    const encoded = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(rss.slice(rss.indexOf('carte-du-front')))?.[1] ?? '';
    const json = JSON.parse(await readFile(path.join(root, 'dist/feed.json'), 'utf8')) as { items: Array<{ url: string; content_html: string }> };
    const item = json.items.find((entry) => entry.url.endsWith('carte-du-front.html'));
    for (const html of [page, encoded, item?.content_html ?? '']) {
      expect(urls(html)).toEqual(expect.arrayContaining([IMAGE, PDF, `${SITE_URL}articles/analyse.html`]));
    }
    for (const feed of ['rss.xml', 'atom.xml', 'feed.json']) expect(await validateFeedFile(path.join(root, 'dist', feed)), feed).toEqual([]);
    // A fragment stays on the link; a leading "/" is the project root.
    expect(await readFile(path.join(root, 'dist/articles/analyse.html'), 'utf8')).toContain(`href="${PDF}#page=2"`);
  });

  it('load under syndic serve at the path of the URL the feed gives: 200 and the copied bytes', async () => {
    for (const [url, type] of [[IMAGE, 'image/jpeg'], [PDF, 'application/pdf']] as const) {
      const reply = await get(served, new URL(url).pathname);
      expect(reply.status, url).toBe(200);
      expect(reply.type).toBe(type);
      expect(reply.body.equals(await readFile(path.join(root, 'dist', new URL(url).pathname)))).toBe(true);
    }
    expect((await get(served, '/media/docs/rapport.pdf')).body.equals(await readFile(path.join(root, 'docs/rapport.pdf')))).toBe(true);
  });

  it('lose the photo’s GPS position in the copy, unless media.keepMetadata is set', async () => {
    expect(await exifr.gps(path.join(root, 'images/kyiv.jpg'))).toEqual(KYIV);
    expect(await exifr.gps(path.join(root, 'dist/media/images/kyiv.jpg'))).toBeUndefined();
    const keep = await project();
    await appendFile(path.join(keep, 'syndic.yaml'), 'media: {keepMetadata: true}\n');
    expect((await syndic(['build', '--root', keep, '--quiet'])).code).toBe(0);
    expect(await exifr.gps(path.join(keep, 'dist/media/images/kyiv.jpg'))).toEqual(KYIV);
  });
});

describe('a missing body file', () => {
  it('fails check and build at its file, line and field, and leaves dist/ as it was', async () => {
    const root = await project();
    expect((await syndic(['build', '--root', root, '--quiet'])).code).toBe(0);
    const before = await readFile(path.join(root, 'dist/rss.xml'));
    await rm(path.join(root, 'docs/rapport.pdf'));
    for (const command of ['check', 'build']) {
      const result = await syndic([command, '--root', root]);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toContain(`${ARTICLE}:12: body: "../docs/rapport.pdf" (docs/rapport.pdf) does not exist`);
      expect(result.stderr).toContain('articles/2024-11-20-analyse.md:7: body: "/docs/rapport.pdf#page=2" (docs/rapport.pdf) does not exist');
      expect(result.stderr).toContain('hint: a body path is relative to the article');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await readFile(path.join(root, 'dist/rss.xml'))).equals(before)).toBe(true);
  });

  it('refuses a body path that climbs out of the project', async () => {
    const root = await project();
    await writeFile(path.join(root, ARTICLE), `${await readFile(path.join(root, ARTICLE), 'utf8')}\n![x](../../../etc/passwd.png)\n`);
    const result = await syndic(['check', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${ARTICLE}:14: body: "../../../etc/passwd.png" (../../etc/passwd.png) is outside the project`);
  });
});

describe('the build cache and body files', () => {
  it('copies a changed body file again, refuses a deleted one, and matches a full build', { timeout: 60_000 }, async () => {
    const root = await project();
    const now = new Date('2025-01-01T00:00:00Z');
    const check = async (label: string): Promise<string[]> => {
      const incremental = await build({ root, now });
      const full = await mkdtemp(path.join(tmpdir(), 'syndic-body-full-'));
      await build({ root, now, outDir: full, cache: false });
      for (const file of ['media/docs/rapport.pdf', 'articles/carte-du-front.html', 'rss.xml']) {
        expect((await readFile(path.join(root, 'dist', file))).equals(await readFile(path.join(full, file))), `${label}: ${file}`).toBe(true);
      }
      return incremental.changed.sort();
    };
    expect(await check('cold')).toEqual(expect.arrayContaining(['media/docs/rapport.pdf', 'media/images/kyiv.jpg']));
    expect(await check('no change')).toEqual([]);
    await appendFile(path.join(root, 'docs/rapport.pdf'), '% revised\n');
    expect(await check('body file changed')).toEqual(['media/docs/rapport.pdf']);
    // The linked article moves: the page that links it, and the feeds carrying it, follow.
    const analysis = path.join(root, 'articles/2024-11-20-analyse.md');
    await writeFile(analysis, (await readFile(analysis, 'utf8')).replace('lang: en', 'lang: en\nslug: analyse-hiver'));
    const moved = await check('linked article moved');
    expect(moved).toEqual(expect.arrayContaining(['articles/analyse-hiver.html', 'articles/analyse.html', 'articles/carte-du-front.html', 'rss.xml']));
    expect(await readFile(path.join(root, 'dist/articles/carte-du-front.html'), 'utf8')).toContain(`${SITE_URL}articles/analyse-hiver.html`);
    await rm(path.join(root, 'docs/rapport.pdf'));
    await expect(build({ root, now })).rejects.toThrow(/problem/);
  });
});
