// feedContent: summary leaves each article's text out of all three formats, keeping its
// summary (else its excerpt) and its link; full, the default, keeps the text.
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { jsonDocument } from '../../src/emit/json.js';
import { rssDocument } from '../../src/emit/rss.js';
import { entry, feedSpec } from '../support/factories.js';
import { validateAtom, validateJsonFeed, validateRss } from '../support/validators.js';

const entries = [
  entry({ slug: 'with-summary', summary: 'Le résumé & <rien> d’autre', html: '<p>Le texte entier de l’article.</p>\n', excerpt: 'Le texte entier' }),
  entry({ slug: 'no-summary', html: '<p>Un autre texte complet.</p>\n', excerpt: 'Un autre texte complet.' }),
];
const summary = feedSpec(entries, { feedContent: 'summary' });
const full = feedSpec(entries);

describe('feedContent: summary', () => {
  it('RSS: no content:encoded, the summary else the excerpt as description, the link, dc:creator declared', async () => {
    const xml = rssDocument(summary);
    expect(xml).not.toContain('content:encoded');
    expect(xml).not.toContain('texte entier de');
    const items = parseRssFeed(xml).items ?? [];
    expect(items.map((item) => item.description)).toEqual(['Le résumé &amp; &lt;rien&gt; d’autre', 'Un autre texte complet.']);
    expect(items.map((item) => item.link)).toEqual(entries.map((e) => e.url));
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('<dc:creator>Peter van Halteren</dc:creator>');
    expect(await validateRss(xml)).toEqual([]);
  });

  it('Atom: no content, a text summary and the alternate link', async () => {
    const xml = atomDocument(summary);
    expect(xml).not.toMatch(/<content/);
    const feed = parseAtomFeed(xml);
    expect(feed.entries?.map((e) => e.summary?.value)).toEqual(['Le résumé & <rien> d’autre', 'Un autre texte complet.']);
    expect(feed.entries?.map((e) => e.links?.[0]?.href)).toEqual(entries.map((e) => e.url));
    expect(await validateAtom(xml)).toEqual([]);
  });

  it('JSON Feed: no content_html; the summary is content_text', () => {
    const json = JSON.parse(jsonDocument(summary)) as { items: Array<Record<string, unknown>> };
    expect(json.items.map((item) => item.content_html)).toEqual([undefined, undefined]);
    expect(json.items.map((item) => item.content_text)).toEqual(['Le résumé & <rien> d’autre', 'Un autre texte complet.']);
    expect(parseJsonFeed(jsonDocument(summary)).items?.map((item) => item.url)).toEqual(entries.map((e) => e.url));
    expect(validateJsonFeed(json)).toEqual([]);
  });

  it('full (the default) keeps the text in all three', () => {
    expect(rssDocument(full)).toContain('<content:encoded><![CDATA[<p>Le texte entier de l’article.</p>');
    expect(atomDocument(full)).toMatch(/<content type="html">/);
    const json = JSON.parse(jsonDocument(full)) as { items: Array<Record<string, unknown>> };
    expect(json.items[0]?.content_html).toBe('<p>Le texte entier de l’article.</p>\n');
    expect(json.items[0]).not.toHaveProperty('content_text');
  });
});
