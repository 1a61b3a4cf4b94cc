// No clock anywhere: a site with nothing published (new, only drafts, only future articles)
// gives the same bytes at any time, so an unchanged one rewrites nothing and pings no hub.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.js';

afterEach(() => {
  vi.useRealTimers();
});

async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('a site with no published article', () => {
  it('writes its feeds once, then reports nothing changed and pings nothing, whatever the clock says', async () => {
    const pings: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        pings.push(new URLSearchParams(body).get('hub.url') ?? '');
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const root = await mkdtemp(path.join(tmpdir(), 'syndic-empty-'));
      await mkdir(path.join(root, 'articles'));
      await writeFile(path.join(root, 'syndic.yaml'), `title: Vide\ndescription: Rien encore\nurl: https://vide.example/\nlanguage: fr\ntimezone: Europe/Paris\nauthor: Rédaction\nhub: ${hub}\n`);
      // Only Date is faked: the hub's sockets still need real timers.
      vi.useFakeTimers({ toFake: ['Date'] });
      const build = async (at: string): Promise<string> => {
        vi.setSystemTime(new Date(at));
        let out = '';
        const status = await main(['build', '--root', root, '--ping'], { stdout: (text) => (out += text), stderr: (text) => (out += text) });
        expect(status, out).toBe(0);
        return out;
      };

      expect(await build('2030-01-01T00:00:00Z')).toMatch(/^built: 0 of 0 articles published, \d+ files changed\n/);
      expect(pings.sort()).toEqual(['https://vide.example/atom.xml', 'https://vide.example/feed.json', 'https://vide.example/rss.xml']);
      const first = await tree(path.join(root, 'dist'));
      expect(first['rss.xml']).not.toContain('lastBuildDate');
      expect(first['atom.xml']).toContain('<updated>2000-01-01T00:00:00.000Z</updated>');
      expect(first['feeds.opml']).not.toContain('dateModified');

      expect(await build('2031-06-15T12:34:56Z')).toMatch(/^nothing changed/);
      // A draft and an article scheduled for later: still nothing published, and their dates never show.
      await writeFile(path.join(root, 'articles/draft.md'), '---\ntitle: Brouillon\ndate: 2031-06-01\ndraft: true\n---\nPas encore.\n');
      await writeFile(path.join(root, 'articles/later.md'), '---\ntitle: Plus tard\ndate: 2040-01-01\n---\nBientôt.\n');
      expect(await build('2032-02-29T08:00:00Z')).toMatch(/^nothing changed/);
      expect(pings).toHaveLength(3);
      expect(await tree(path.join(root, 'dist'))).toEqual(first);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
