// Hostile but legitimate content must still give valid, safe feeds (fixtures in tests/fixtures/hostile).
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { assertWellFormedXml, parseFeed, validateAtom, validateJsonFeed, validateRss } from '../support/validators.js';
import { withoutJsonLd } from '../support/json-ld.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/hostile');
// 191 characters: titles are at most 200 (src/input/limits.ts).
const LONG_TITLE = Array.from({ length: 12 }, () => 'Très long titre').join(' ');

describe('hostile content', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-hostile-'));
  await cp(FIXTURE, root, { recursive: true });
  // 1 MB of body text, just under the 1 MiB limit of an article, is generated rather than committed.
  const paragraph = `${'Du texte français avec des accents, des « guillemets » et ]]> parfois. '.repeat(20)}\n\n`;
  await writeFile(path.join(root, 'articles/2024-01-12-one-megabyte.md'), `---\ntitle: One megabyte\ndate: 2024-01-12\n---\n\n${paragraph.repeat(Math.floor(1_000_000 / Buffer.byteLength(paragraph)))}`);
  const result = await build({ root, now: new Date('2025-01-01T00:00:00Z') });
  const out: Record<string, string> = {};
  for (const file of await readdir(path.join(root, 'dist'), { recursive: true, withFileTypes: true })) {
    // Body images (articles/*.png) are copied to media/: only text outputs are read here.
    if (file.isFile() && !file.name.endsWith('.png')) out[path.relative(path.join(root, 'dist'), path.join(file.parentPath, file.name))] = await readFile(path.join(file.parentPath, file.name), 'utf8');
  }
  const rss = out['rss.xml'] ?? '';
  const atom = out['atom.xml'] ?? '';
  const json = out['feed.json'] ?? '';
  const parsed = { rss: await parseFeed(rss), atom: await parseFeed(atom), json: await parseFeed(json) };
  const titles = (feed: (typeof parsed)['rss']) => feed.items.map((item) => item.title);

  it('publishes every article', () => {
    expect(result.published).toBe(15);
  });

  it('gives well-formed XML, schema-valid Atom and JSON Feed', async () => {
    expect(await validateRss(rss)).toEqual([]);
    await assertWellFormedXml(atom);
    expect(await validateAtom(atom)).toEqual([]);
    expect(validateJsonFeed(JSON.parse(json))).toEqual([]);
  });

  it('shows titles with &, <b>, quotes and apostrophes as plain text in every format', () => {
    const title = `Tom & Jerry <b>bold</b> "quotes" l'apostrophe`;
    for (const feed of Object.values(parsed)) expect(titles(feed)).toContain(title);
  });

  it('round-trips Unicode: emoji, right-to-left, combining accents, zero-width joiners', () => {
    // The combining accent is composed (NFC); everything else comes back as written.
    const title = 'Émoji 👩🏽‍💻 🇧🇪, عربي, עברית, \u00e9, zero\u200bwidth, family 👨‍👩‍👧';
    for (const feed of Object.values(parsed)) expect(titles(feed)).toContain(title);
  });

  it('keeps the same titles in the same order in all three formats', () => {
    expect(titles(parsed.atom)).toEqual(titles(parsed.rss));
    expect(titles(parsed.json)).toEqual(titles(parsed.rss));
    expect(parsed.rss.items.map((i) => i.url)).toEqual(parsed.json.items.map((i) => i.url));
  });

  it('gives NFC and NFD spellings of one title the same bytes', () => {
    expect(titles(parsed.json).filter((t) => t === 'Cor\u00e9e du Nord')).toHaveLength(2);
  });

  it('strips XML-illegal control characters and keeps the rest of the text', () => {
    // eslint-disable-next-line no-control-regex
    for (const text of [rss, atom]) expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(titles(parsed.rss)).toContain('Bell and escape gone');
  });

  it('keeps every "]]>" of a body', () => {
    const item = parsed.atom.items.find((i) => i.title === `Tom & Jerry <b>bold</b> "quotes" l'apostrophe`);
    expect(item?.content?.match(/\]\](>|&gt;)/g)).toHaveLength(5);
  });

  it('removes scripts, iframes, styles, handlers and javascript:/data: URLs everywhere', () => {
    for (const [file, text] of Object.entries(out)) {
      const html = file.endsWith('.json') ? JSON.stringify(JSON.parse(text)) : withoutJsonLd(text);
      expect(html, file).not.toMatch(/<script|<iframe|display: none|onerror|onclick|javascript:|data:text|data:image/i);
    }
  });

  it('makes every link and image absolute in every feed, and keeps pages\' own links inside the site', () => {
    const site = 'https://hostile.example/news/';
    // feed.xsl's href="{…}" are XPath templates, filled from the feed when it is applied.
    for (const [file, text] of Object.entries(out).filter(([name]) => !name.endsWith('.xsl'))) {
      const urls = [...text.matchAll(/(?:href|src)=(?:\\?")([^"\\]*)/g)].map((m) => m[1] ?? '');
      for (const url of urls) {
        if (/^(https:|mailto:)/.test(url)) continue;
        // Pages link to one another relatively (home, tags, feeds), so the site works from any host.
        expect(file, url).toMatch(/\.html$/);
        expect(url, file).toMatch(/^(\.\.\/|\.\/|#|[a-z0-9])/);
        expect(new URL(url, new URL(file, site)).href.startsWith(site), `${file}: ${url}`).toBe(true);
      }
    }
    const item = parsed.rss.items.find((i) => i.title === 'Relative URLs');
    for (const url of ['https://hostile.example/a', 'https://hostile.example/news/media/articles/a.png', 'https://hostile.example/news/b', 'https://hostile.example/news/articles/2024/01/07/relative-urls.html#frag', 'https://cdn.example/x.png', 'https://hostile.example/news/articles/2024/01/07/relative-urls.html?page=2', 'https://hostile.example/news/articles/c/d.html', 'https://hostile.example/news/media/articles/e.png']) {
      expect(item?.content).toContain(url);
    }
  });

  it('reads CRLF, a BOM, tabs in YAML, a frontmatter-only file and a very long title', () => {
    expect(titles(parsed.rss)).toEqual(expect.arrayContaining(['CRLF and BOM', 'Tabs in YAML', 'Frontmatter only', LONG_TITLE, 'One megabyte']));
  });

  it('reads dates with offsets and date-only values across both DST changes', () => {
    const published = Object.fromEntries(parsed.json.items.map((i) => [i.title, i.published?.toISOString()]));
    expect(published['DST spring forward']).toBe('2024-03-30T23:00:00.000Z');
    expect(published['DST fall back']).toBe('2024-10-26T22:00:00.000Z');
    expect(published['Offsets']).toBe('2024-06-02T06:30:00.000Z');
  });
});
