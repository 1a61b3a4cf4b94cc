/// <reference lib="dom" />
// The browser view of a feed: the RSS and Atom documents name feed.xsl, and that stylesheet,
// applied by libxslt (xsltproc, as browsers are dropping XSLT), gives a page with the feed's
// title, its address to copy and its latest items, which Chromium then renders.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'htmlparser2';
import { imageSize } from 'image-size';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { rssDocument } from '../../src/emit/rss.js';
import { stylesheetDocument, stylesheetText } from '../../src/emit/stylesheet.js';
import { entry, feedSpec } from '../support/factories.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-output');
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((file) => existsSync(file));
if (!chromiumPath) console.warn('Chromium is absent, so the screenshot of the feed page is skipped: apt-get install chromium (.ci/run does).');

const STYLESHEET = 'https://news.test.example/feed.xsl';
const spec = feedSpec(
  [
    entry({ slug: 'att', title: 'AT&T <Studio> rachète', summary: 'Q&A: <script>alert(1)</script> & « guillemets »' }),
    entry({ slug: 'second', title: 'Deuxième article', date: new Date('2024-11-19T08:00:00Z'), updated: new Date('2024-11-19T08:00:00Z') }),
  ],
  { title: 'Le Quotidien & <Co>', stylesheet: STYLESHEET },
);

/** Applies feed.xsl to a document with libxslt, as a browser that still runs XSLT would. */
async function applied(document: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syndic-xsl-'));
  await writeFile(path.join(dir, 'feed.xsl'), stylesheetText({ language: 'en' }));
  await writeFile(path.join(dir, 'feed.xml'), document);
  const { stdout } = await run('xsltproc', ['--nonet', path.join(dir, 'feed.xsl'), path.join(dir, 'feed.xml')]);
  return stdout;
}

/** The text of every element named `tag`, decoded. */
function texts(html: string, tag: string): string[] {
  const found: string[] = [];
  const walk = (node: { type?: string; name?: string; children?: unknown[]; data?: string }): void => {
    if (node.name === tag) found.push(textOf(node));
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(parseDocument(html) as unknown as { children: unknown[] });
  return found;
}

function textOf(node: { type?: string; data?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join('');
}

describe('the feed stylesheet', () => {
  it('is named by both XML formats, before the root element, and written to dist/feed.xsl', () => {
    for (const xml of [rssDocument(spec), atomDocument(spec)]) {
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><\?xml-stylesheet href="https:\/\/news.test.example\/feed.xsl" type="text\/xsl"\?>\n<(rss|feed) /);
    }
    expect(stylesheetDocument({ language: 'fr' })).toEqual({ path: 'feed.xsl', contents: stylesheetText({ language: 'fr' }) });
  });

  it('speaks the site language when it knows it, English otherwise', () => {
    expect(stylesheetText({ language: 'fr-BE' })).toContain('Ceci est un flux web');
    expect(stylesheetText({ language: 'sw' })).toContain('This is a web feed');
  });

  for (const [format, write] of [['RSS', rssDocument], ['Atom', atomDocument]] as const) {
    it(`turns the ${format} feed into a page: what a feed is, the address to copy, the latest items`, async () => {
      const html = await applied(write(spec));
      expect(texts(html, 'h1')).toEqual(['Le Quotidien & <Co>']);
      expect(html).toContain('This is a web feed');
      expect(html).toMatch(new RegExp(`<input type="url" readonly value="${format === 'RSS' ? spec.urls.rss : spec.urls.atom}">`));
      expect(texts(html, 'a').slice(1)).toEqual(['AT&T <Studio> rachète', 'Deuxième article']);
      expect(html).toContain('href="https://news.test.example/articles/att.html"');
      // The summary is text: its markup shows as written and never becomes an element.
      expect(texts(html, 'p')).toContain('Q&A: <script>alert(1)</script> & « guillemets »');
      expect(html).not.toMatch(/<script/);
    });
  }

  it.skipIf(!chromiumPath)('renders in Chromium as a page that is not blank', { timeout: 60_000 }, async () => {
    const html = await applied(rssDocument(spec));
    const profile = await mkdtemp(path.join(tmpdir(), 'syndic-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath ?? '', headless: true, args: ['--no-sandbox'], viewport: { width: 800, height: 600 } });
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      expect(await page.locator('h1').innerText()).toBe('Le Quotidien & <Co>');
      expect(await page.locator('li').count()).toBe(2);
      const png = await page.screenshot({ fullPage: true });
      await mkdir(SCREENSHOTS, { recursive: true });
      await writeFile(path.join(SCREENSHOTS, 'feed-xslt.png'), png);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(imageSize(png).width).toBe(800);
      // The browser decodes its own screenshot: a blank page would have one colour.
      const colours = await page.evaluate(async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) return 0;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set<number>();
        for (let at = 0; at < pixels.length; at += 4) seen.add(((pixels[at] ?? 0) << 16) | ((pixels[at + 1] ?? 0) << 8) | (pixels[at + 2] ?? 0));
        return seen.size;
      }, png.toString('base64'));
      expect(colours).toBeGreaterThan(10);
    } finally {
      await browser.close();
    }
  });
});
