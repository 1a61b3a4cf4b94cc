// Addresses that move with the permalink default or the slug rules keep working: a redirect
// page for an article, the same feed documents for a group. Static files and warnings too.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { check } from '../../src/check.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SETTINGS = `title: Moved
description: Moved pages
url: https://moved.example/
language: fr
timezone: Europe/Paris
author: Rédaction
`;

async function site(settings: string, articles: Record<string, string>, statics: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-moved-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), SETTINGS + settings);
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(root, 'articles', name), text);
  for (const [name, text] of Object.entries(statics)) {
    await mkdir(path.dirname(path.join(root, 'static', name)), { recursive: true });
    await writeFile(path.join(root, 'static', name), text);
  }
  return root;
}

const IPHONE = "---\ntitle: L'iPhone\ndate: 2024-11-21\ntags: [C++]\n---\nTexte.\n";

describe('moved addresses', () => {
  it('puts pages under the day, and keeps a redirect at the 0.2.0 address', async () => {
    const root = await site('', { "2024-11-21-McDonald's et l'iPhone.md": IPHONE });
    await build({ root, now: NOW });
    const page = 'articles/2024/11/21/mcdonalds-et-l-iphone.html';
    expect(await readFile(path.join(root, 'dist', page), 'utf8')).toContain("<h1>L'iPhone</h1>");
    const stub = await readFile(path.join(root, 'dist/articles/mc-donalds-et-l-i-phone.html'), 'utf8');
    expect(stub).toContain(`<link rel="canonical" href="https://moved.example/${page}">`);
    expect(stub).toContain('<meta http-equiv="refresh" content="0; url=../articles/2024/11/21/mcdonalds-et-l-iphone.html">');
  });

  it('writes a moved group feed at its old folder too, byte for byte', async () => {
    const root = await site('', { '2024-11-21-a.md': IPHONE });
    await build({ root, now: NOW });
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(await readFile(path.join(root, 'dist/tags/c', name), 'utf8')).toBe(await readFile(path.join(root, 'dist/tags/c-plus-plus', name), 'utf8'));
    }
    expect(await readFile(path.join(root, 'dist/tags/c/index.html'), 'utf8')).toContain('url=../../tags/c-plus-plus/');
  });

  it('keeps 0.2.0 addresses with permalink: articles/:slug.html, and needs no redirect then', async () => {
    const root = await site('permalink: "articles/:slug.html"\n', { '2024-11-21-le-brief.md': '---\ntitle: Le brief\ndate: 2024-11-21\n---\nTexte.\n' });
    await build({ root, now: NOW });
    expect(await readdir(path.join(root, 'dist/articles'))).toEqual(['le-brief.html']);
    expect(await readFile(path.join(root, 'dist/articles/le-brief.html'), 'utf8')).toContain('<h1>Le brief</h1>');
  });

  it('lets a draft share a page with a published article, with a warning that never fails the build', async () => {
    const brief = (draft: string) => `---\ntitle: Le brief\ndate: 2024-11-21\n${draft}---\nTexte.\n`;
    const root = await site('permalink: "articles/:slug.html"\n', { '2024-11-21-le-brief.md': brief(''), '2024-11-22-le-brief.md': brief('draft: true\n') });
    const result = await build({ root, now: NOW });
    expect(result.warnings).toEqual([]);
    expect(result.notices.map((notice) => notice.format())).toEqual([
      'articles/2024-11-22-le-brief.md:1: slug: the draft articles/2024-11-22-le-brief.md would have the page articles/le-brief.html, which articles/2024-11-21-le-brief.md already has\n  hint: before publishing the draft, rename its file or give it its own `slug:`',
    ]);
    expect((await check({ root })).warnings).toHaveLength(1);
  });

  it('warns about an empty body, and check reports it as a warning, not a problem', async () => {
    const root = await site('', { '2024-11-21-vide.md': '---\ntitle: Vide\ndate: 2024-11-21\n---\n' });
    const result = await build({ root, now: NOW });
    expect(result.notices.map((notice) => notice.message)).toEqual(['has no text after its frontmatter; readers will get an empty entry']);
    expect(await check({ root })).toMatchObject({ problems: [], warnings: [{ file: 'articles/2024-11-21-vide.md' }] });
  });
});

describe('static/', () => {
  it('is copied as it is, and its files win over generated ones, with a warning', async () => {
    const root = await site('', { '2024-11-21-a.md': IPHONE }, { CNAME: 'news.example\n', '.well-known/security.txt': 'Contact: x\n', 'robots.txt': 'User-agent: *\n', 'feeds.opml': '<opml/>\n' });
    const result = await build({ root, now: NOW });
    expect(await readFile(path.join(root, 'dist/CNAME'), 'utf8')).toBe('news.example\n');
    expect(await readFile(path.join(root, 'dist/.well-known/security.txt'), 'utf8')).toBe('Contact: x\n');
    expect(await readFile(path.join(root, 'dist/feeds.opml'), 'utf8')).toBe('<opml/>\n');
    expect(result.notices.map((notice) => notice.format())).toEqual([
      'static/feeds.opml: replaces the file Syndic generates at feeds.opml\n  hint: the static file wins; remove it from static/ to get the generated one back',
      'static/robots.txt: replaces the file Syndic generates at robots.txt\n  hint: the static file wins; remove it from static/ to get the generated one back',
    ]);
    // A changed static file is copied again; an unchanged build changes nothing.
    await writeFile(path.join(root, 'static/CNAME'), 'other.example\n');
    expect((await build({ root, now: NOW })).changed).toEqual(['CNAME']);
    expect(await readFile(path.join(root, 'dist/CNAME'), 'utf8')).toBe('other.example\n');
    expect((await build({ root, now: NOW })).changed).toEqual([]);
  });

  it('never copies a file named like the manifest: every build would rewrite it and it says what Syndic may delete', async () => {
    const root = await site('', { '2024-11-21-a.md': IPHONE }, { '.syndic-manifest': '{"syndic":1,"files":["CNAME"]}\n', CNAME: 'news.example\n' });
    const first = await build({ root, now: NOW });
    expect(first.notices.map((notice) => notice.format())).toEqual(["static/.syndic-manifest: is not copied: .syndic-manifest is Syndic's record of the files it wrote\n  hint: remove static/.syndic-manifest"]);
    expect(await readFile(path.join(root, 'dist/.syndic-manifest'), 'utf8')).not.toContain('{"syndic":1,"files":["CNAME"]}');
    expect((await build({ root, now: NOW })).changed).toEqual([]);
  });
});
