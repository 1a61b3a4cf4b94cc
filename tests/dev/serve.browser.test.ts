/// <reference lib="dom" />
// A real browser (Debian's Chromium, driven by playwright-core) reads the site through the
// real `syndic serve --watch` binary: what a reader would see, live reload included.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withoutJsonLd } from '../support/json-ld.js';
import { startCli } from '../support/running-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-output');
// Debian's package: the binary itself, or its launcher script.
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((file) => existsSync(file));
if (!chromiumPath) console.warn('Chromium is absent, so the browser test is skipped: apt-get install chromium (.ci/run does) to run it.');

/** A temporary copy of the repository's own site: settings and articles. */
async function repositorySite(): Promise<{ root: string; file: string; title: string; sentence: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-browser-'));
  await cp(path.join(ROOT, 'syndic.yaml'), path.join(root, 'syndic.yaml'));
  await cp(path.join(ROOT, 'articles'), path.join(root, 'articles'), { recursive: true });
  const [name = ''] = (await readdir(path.join(root, 'articles'))).filter((entry) => entry.endsWith('.md'));
  const file = path.join(root, 'articles', name);
  const { data, content } = matter(await readFile(file, 'utf8'));
  // The first plain paragraph of the body, as the reader should see it.
  const sentence = content.split('\n').find((line) => /^[A-ZÀ-Ý]/.test(line)) ?? '';
  return { root, file, title: String(data.title), sentence };
}

describe('the site in a real browser', () => {
  it.skipIf(!chromiumPath)(
    'shows the index and the article with their accents, resolves the feeds, revalidates with 304 and reloads on an edit',
    async () => {
      const site = await repositorySite();
      expect(site.title).toContain('Corée');
      expect(site.sentence).toMatch(/^La Corée du Nord pourrait déployer/);
      const cli = startCli(['serve', '--watch', '--port', '0', '--root', site.root]);
      const profile = await mkdtemp(path.join(tmpdir(), 'syndic-chromium-'));
      const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath ?? '', headless: true, args: ['--no-sandbox'] });
      try {
        const url = (await cli.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] ?? '';
        const page = await browser.newPage();

        // The index lists the article under its exact title.
        await page.goto(url);
        expect(await page.title()).toBe('Syndic Actualités');
        expect(await page.getAttribute('html', 'lang')).toBe('fr');
        const link = page.getByRole('link', { name: site.title, exact: true });
        expect(await link.count()).toBe(1);

        // The article page, reached by following that link.
        await Promise.all([page.waitForURL(/\/articles\/.+\.html$/), link.click()]);
        expect(await page.locator('h1').innerText()).toBe(site.title);
        expect(await page.title()).toBe(`${site.title} · Syndic Actualités`);
        expect(await page.locator('main').innerText()).toContain(site.sentence);
        expect(await page.locator('time').first().innerText()).toBe('21 novembre 2024');
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'serve-article.png'), fullPage: true });

        // Autodiscovery links name the production URLs; the same paths on this server have their types.
        const alternates = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => [l.getAttribute('type') ?? '', l.getAttribute('href') ?? '']));
        // The site feed first, then those of the article's four tags and its author.
        expect(alternates).toHaveLength(18);
        expect(alternates.slice(0, 3).map(([type]) => type)).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);
        for (const [type, href] of alternates) {
          const served = await page.evaluate(async (target) => {
            const response = await fetch(target);
            return { status: response.status, type: response.headers.get('content-type') };
          }, new URL(new URL(href ?? '').pathname, url).href);
          expect(served, href).toEqual({ status: 200, type: `${type}; charset=utf-8` });
        }
        // The subscribe links are relative, so they lead to this server's feeds.
        const subscribe = await page.locator('footer.site a').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
        expect(subscribe).toEqual([`${url}rss.xml`, `${url}atom.xml`, `${url}feed.json`, `${url}feeds.opml`]);

        // The browser revalidates with the server's ETag and gets 304 Not Modified.
        const status = await page.evaluate(async () => {
          const first = await fetch(location.href, { cache: 'no-store' });
          const again = await fetch(location.href, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
          return again.status;
        });
        expect(status).toBe(304);

        // Editing the article rebuilds the site and reloads the open page by itself.
        const edited = 'Cette phrase a été ajoutée pendant que la page était ouverte.';
        const source = await readFile(site.file, 'utf8');
        await writeFile(site.file, `${source.trimEnd()}\n\n${edited}\n`);
        await page.waitForFunction((text) => document.body.innerText.includes(text), edited, { timeout: 60_000 });
        expect(await page.locator('main').innerText()).toContain(edited);
        // No page on disk carries the script: it exists only in served responses (the JSON-LD is data).
        const onDisk = await readFile(path.join(site.root, '.syndic-cache/preview/dist', new URL(page.url()).pathname), 'utf8');
        expect(onDisk).toContain(edited);
        expect(withoutJsonLd(onDisk)).not.toContain('<script');
      } finally {
        await browser.close();
        expect(await cli.stop('SIGINT')).toBe(0);
      }
    },
    120_000,
  );
});
