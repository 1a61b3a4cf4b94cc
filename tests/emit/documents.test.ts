import { describe, expect, it } from 'vitest';
import { articleDocument, feedLinks, siteDocuments, type DocumentContext } from '../../src/emit/documents.js';
import type { ArticleMeta, Entry, Site } from '../../src/model.js';
import { plans, select } from '../../src/select.js';
import { pagePath } from '../../src/addresses/urls.js';
import { entry, site } from '../support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const stories = Array.from({ length: 7 }, (_, i) => entry({ slug: `s${i}`, date: new Date(Date.UTC(2024, 0, i + 1)), tags: ['Climat'], authors: [{ name: 'Ann' }] }));
const asEntry = (meta: ArticleMeta): Entry => meta as Entry;

function contextOf(options: Site): DocumentContext {
  const { published } = select(stories, NOW);
  return { site: options, now: NOW, feeds: plans(published, options), podcast: undefined, inputs: (meta) => meta.source, salt: '', gone: new Map(), notices: [] };
}

function outputs(options: Site): Map<string, string> {
  const context = contextOf(options);
  const pages = context.feeds[0]?.members.map(pagePath) ?? [];
  return new Map(siteDocuments(context, pages).flatMap((document) => document.make(asEntry)).map((output) => [output.path, output.contents]));
}

describe('site documents', () => {
  it('are every page of every listing, and the pages of all tags and all authors, linked from the index', () => {
    const paths = [...outputs(site({ pageSize: 3, groups: { tag: { feedLimit: 20, minArticles: 1 }, author: { feedLimit: 20, minArticles: 1 } } })).keys()].filter((path) => path.endsWith('.html'));
    expect(paths).toEqual(['index.html', 'page/1.html', 'tags/climat/index.html', 'tags/climat/page/1.html', 'authors/ann/index.html', 'authors/ann/page/1.html', 'tags/index.html', 'authors/index.html']);
    const index = outputs(site({ groups: { tag: { feedLimit: 20, minArticles: 1 }, author: false } })).get('index.html') ?? '';
    expect(index).toContain('<li><a href="tags/">Sujets</a></li>');
    expect(index).not.toContain('authors/');
  });

  it('have neither group index nor its link when groups are off', () => {
    const written = outputs(site());
    expect([...written.keys()].filter((path) => path.endsWith('index.html'))).toEqual(['index.html']);
    expect(written.get('index.html')).not.toContain('aria-label="Parcourir"');
  });

  it('give each listing page its own fingerprint, so a new article leaves full older pages as they are', () => {
    const options = site({ pageSize: 3 });
    const fingerprints = (count: number): Map<string, string> => {
      const { published } = select(stories.slice(0, count), NOW);
      const context = { ...contextOf(options), feeds: plans(published, options) };
      return new Map(siteDocuments(context, []).map((document) => [document.paths[0] as string, document.fingerprint]));
    };
    const [six, seven] = [fingerprints(6), fingerprints(7)];
    expect(seven.get('page/1.html')).toBe(six.get('page/1.html'));
    expect(seven.get('index.html')).not.toBe(six.get('index.html'));
  });

  it('cut the listing once, without retracted articles, for its pages, the group counts and the sitemap', () => {
    const options = site({ pageSize: 3, groups: { tag: { feedLimit: 20, minArticles: 1 }, author: false } });
    const six = stories.slice(0, 6).map((story, k) => (k === 0 ? { ...story, retracted: { when: '2024-12-05T00:00:00.000Z', reason: 'Wrong.' } } : story));
    const { published } = select(six, NOW);
    const context = { ...contextOf(options), feeds: plans(published, options) };
    const written = new Map(siteDocuments(context, []).flatMap((document) => document.make(asEntry)).map((output) => [output.path, output.contents]));
    // Five listed articles make one page: no page/1.html, and the sitemap names none.
    expect([...written.keys()].filter((path) => path.includes('page/'))).toEqual([]);
    expect(written.get('sitemap.xml')).not.toContain('page/1.html');
    expect(written.get('tags/index.html')).toContain('>Climat</a> (5)');
  });

  it('give the article pages the site logo as JSON-LD publisher', () => {
    const context = contextOf(site({ logo: 'https://news.test.example/logo.png' }));
    const meta = context.feeds[0]?.members[0] as ArticleMeta;
    const page = articleDocument(context, meta, pagePath(meta), feedLinks(context)).make(asEntry)[0]?.contents ?? '';
    expect(page).toContain('"logo":{"@type":"ImageObject","url":"https://news.test.example/logo.png"}');
  });
});
