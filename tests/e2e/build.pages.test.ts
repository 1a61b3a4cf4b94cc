// Listing pages `pageSize` articles long and the pages of all tags and authors, end to end
// through build(): syndic.yaml's pageSize, incremental builds, and pages that go.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { validateHtml } from '../support/html.js';
import { jsonLdOf } from '../support/json-ld.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const SETTINGS = `title: Pages
description: Paginated pages
url: https://pages.example/
language: en
author: Desk
pageSize: 3
`;

function story(day: number): [string, string] {
  const date = `2024-03-${String(day).padStart(2, '0')}`;
  return [`${date}-s${day}.md`, `---\ntitle: Story ${day}\ndate: ${date}\ntags: [Climate]\n---\nBody ${day}.\n`];
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('paginated listing pages', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-pages-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), SETTINGS);
  for (let day = 1; day <= 10; day++) await writeFile(path.join(root, 'articles', story(day)[0]), story(day)[1]);
  await build({ root, now: NOW });
  const dist = path.join(root, 'dist');
  const html = async (file: string): Promise<string> => readFile(path.join(dist, file), 'utf8');

  it('cut the index and each group page at pageSize, and write the pages of all tags and authors', async () => {
    const pages = (await files(dist)).filter((file) => file.endsWith('.html') && !file.startsWith('articles/'));
    expect(pages).toEqual(
      ['index.html', 'page/1.html', 'page/2.html', 'tags/index.html', 'tags/climate/index.html', 'tags/climate/page/1.html', 'tags/climate/page/2.html', 'authors/index.html', 'authors/desk/index.html', 'authors/desk/page/1.html', 'authors/desk/page/2.html'].sort(),
    );
    expect(await html('tags/index.html')).toContain('<a href="../tags/climate/" rel="tag">Climate</a> (10)');
    expect(await html('index.html')).toContain('<a href="tags/">Tags</a>');
  });

  it('write valid HTML with previews on every page, and NewsArticle data on article pages', async () => {
    for (const file of (await files(dist)).filter((name) => name.endsWith('.html'))) {
      const text = await html(file);
      if (text.includes('http-equiv="refresh"')) continue;
      expect(await validateHtml(text), file).toEqual([]);
      expect(text, file).toContain('<meta property="og:title"');
      expect(text, file).toContain('<meta name="twitter:card"');
      expect(jsonLdOf(text).length, file).toBe(file.startsWith('articles/') ? 1 : 0);
    }
  });

  it('leave full older pages alone when an article is added, and remove pages a larger pageSize no longer needs', async () => {
    const before = await Promise.all(['page/1.html', 'page/2.html'].map(html));
    await writeFile(path.join(root, 'articles', story(11)[0]), story(11)[1]);
    const added = await build({ root, now: NOW });
    expect(added.changed.filter((file) => file.includes('page/'))).toEqual([]);
    expect(await Promise.all(['page/1.html', 'page/2.html'].map(html))).toEqual(before);
    await writeFile(path.join(root, 'articles', story(12)[0]), story(12)[1]);
    const cut = await build({ root, now: NOW });
    // Twelve articles: page 3 is cut (three older pages of three, three on the index), and page 2 now leads to it.
    expect(cut.changed.filter((file) => file.startsWith('page/'))).toEqual(['page/2.html', 'page/3.html']);
    await writeFile(path.join(root, 'syndic.yaml'), SETTINGS.replace('pageSize: 3', 'pageSize: 50'));
    await build({ root, now: NOW });
    expect((await files(dist)).filter((file) => file.includes('page/'))).toEqual([]);
  });
});
