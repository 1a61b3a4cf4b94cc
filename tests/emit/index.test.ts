import { describe, expect, it } from 'vitest';
import { emit, listingsOf } from '../../src/emit/index.js';
import { indexItem } from '../../src/emit/pages.js';
import { plans, select } from '../../src/select.js';
import { entry, site } from '../support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('emit', () => {
  const stories = Array.from({ length: 7 }, (_, i) => entry({ slug: `s${i}`, date: new Date(Date.UTC(2024, 0, i + 1)), tags: ['Climat'], authors: [{ name: 'Ann' }] }));

  function outputs(options: ReturnType<typeof site>): Map<string, string> {
    const { published } = select(stories, NOW);
    const listings = listingsOf(plans(published, options), options, (item) => item, indexItem, NOW, undefined);
    return new Map(emit(published, listings, options).map((output) => [output.path, output.contents]));
  }

  it('writes every page of every listing, and the pages of all tags and all authors, linked from the index', () => {
    const paths = [...outputs(site({ pageSize: 3, groups: { tag: { feedLimit: 20, minArticles: 1 }, author: { feedLimit: 20, minArticles: 1 } } })).keys()].filter((path) => path.endsWith('.html') && !path.startsWith('articles/'));
    expect(paths).toEqual(['index.html', 'page/1.html', 'tags/climat/index.html', 'tags/climat/page/1.html', 'authors/ann/index.html', 'authors/ann/page/1.html', 'tags/index.html', 'authors/index.html']);
    const index = outputs(site({ groups: { tag: { feedLimit: 20, minArticles: 1 }, author: false } })).get('index.html') ?? '';
    expect(index).toContain('<li><a href="tags/">Sujets</a></li>');
    expect(index).not.toContain('authors/');
  });

  it('writes neither group index nor its link when groups are off', () => {
    const written = outputs(site());
    expect([...written.keys()].filter((path) => path.endsWith('index.html'))).toEqual(['index.html']);
    expect(written.get('index.html')).not.toContain('aria-label="Parcourir"');
  });

  it('gives the article pages the site logo as JSON-LD publisher', () => {
    const logo = { url: 'https://news.test.example/logo.png' };
    const { published } = select(stories, NOW);
    const options = site();
    const listings = listingsOf(plans(published, options), options, (item) => item, indexItem, NOW, undefined).map((listing) => ({ ...listing, feed: { ...listing.feed, image: logo } }));
    const page = emit(published, listings, options).find((output) => output.path === 'articles/s0.html')?.contents ?? '';
    expect(page).toContain('"logo":{"@type":"ImageObject","url":"https://news.test.example/logo.png"}');
  });
});
