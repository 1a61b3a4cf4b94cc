import { describe, expect, it } from 'vitest';
import { groupIndexes, groupIndexPages } from '../../src/emit/group-index.js';
import type { ListedFeed } from '../../src/emit/listing-page.js';
import { indexItem } from '../../src/emit/pages.js';
import { entry, feedSpec, site } from '../support/factories.js';
import { validateHtml } from '../support/html.js';

function group(kind: 'tag' | 'author', name: string, slug: string, count: number): ListedFeed {
  const dir = `${kind === 'tag' ? 'tags' : 'authors'}/${slug}/`;
  return { kind, name, feed: feedSpec([], { dir, title: `${name} · Test News`, homeUrl: `https://news.test.example/${dir}` }), items: Array.from({ length: count }, (_, i) => indexItem(entry({ slug: `${slug}${i}` }))) };
}

const listings: ListedFeed[] = [
  { kind: 'site', name: 'Test News', feed: feedSpec([]), items: [] },
  group('tag', 'Europe', 'europe', 2),
  group('tag', 'Économie', 'economie', 5),
  group('tag', 'climat', 'climat', 1),
  group('author', 'Ann <A&B>', 'ann-a-b', 3),
];

describe('the pages of all tags and all authors', () => {
  const pages = new Map(groupIndexPages(listings, site(), feedSpec([])).map((page) => [page.path, page.contents]));

  it('list every group of each kind with its article count, sorted for the site language', () => {
    expect([...pages.keys()]).toEqual(['tags/index.html', 'authors/index.html']);
    const tags = pages.get('tags/index.html') ?? '';
    expect(tags).toContain(
      '<ul class="groups">\n<li><a href="../tags/climat/" rel="tag">climat</a> (1)</li>\n<li><a href="../tags/economie/" rel="tag">Économie</a> (5)</li>\n<li><a href="../tags/europe/" rel="tag">Europe</a> (2)</li>\n</ul>',
    );
    expect(tags).toContain('<title>Sujets · Test News</title>');
    expect(tags).toContain('<h1>Sujets</h1>');
    expect(pages.get('authors/index.html')).toContain('<li><a href="../authors/ann-a-b/">Ann &lt;A&amp;B&gt;</a> (3)</li>');
  });

  it('exist only for kinds that have groups (a kind switched off has none)', () => {
    const tagsOnly = listings.filter((listing) => listing.kind !== 'author');
    expect(groupIndexPages(tagsOnly, site(), feedSpec([])).map((page) => page.path)).toEqual(['tags/index.html']);
    expect(groupIndexes(tagsOnly, site()).map(({ kind, url }) => [kind, url])).toEqual([['tag', 'https://news.test.example/tags/']]);
    expect(groupIndexPages(listings.slice(0, 1), site(), feedSpec([]))).toEqual([]);
  });

  it('link home, advertise the site feed and are valid HTML', async () => {
    for (const html of pages.values()) {
      expect(html).toContain('<a href="../" rel="home">Test News</a>');
      expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Test News (RSS)" href="https://news.test.example/rss.xml">');
      expect(await validateHtml(html)).toEqual([]);
    }
  });
});
