import { describe, expect, it } from 'vitest';
import { opmlDocument } from '../../src/emit/opml.js';
import { entry, feedSpec, site } from '../support/factories.js';
import { assertWellFormedXml } from '../support/validators.js';

describe('opmlDocument', () => {
  const group = (dir: string, title: string) =>
    feedSpec([], { dir, title, homeUrl: `https://news.test.example/${dir}`, urls: { rss: `https://news.test.example/${dir}rss.xml`, atom: '', json: '' } });
  const home = feedSpec([entry({ updated: new Date('2024-11-22T08:00:00Z') })], { title: 'R&D <News>' });
  const { path, contents } = opmlDocument(
    [
      { kind: 'site', spec: home },
      { kind: 'tag', spec: group('tags/climat/', 'Climat · R&D <News>') },
      { kind: 'author', spec: group('authors/ann/', 'Ann · R&D <News>') },
    ],
    site({ title: 'R&D <News>' }),
  );

  it('is a well-formed OPML 2.0 list at feeds.opml', async () => {
    expect(path).toBe('feeds.opml');
    await assertWellFormedXml(contents);
    expect(contents).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
  });

  it('lists the site feed, then tags and authors under their headings, each by its RSS address', () => {
    expect([...contents.matchAll(/<outline [^>]*?(?:text="([^"]*)"[^>]*?xmlUrl="([^"]*)"|text="([^"]*)">)/g)].map((m) => m[2] ?? m[3])).toEqual([
      'https://news.test.example/rss.xml',
      'Tags',
      'https://news.test.example/tags/climat/rss.xml',
      'Authors',
      'https://news.test.example/authors/ann/rss.xml',
    ]);
  });

  it('escapes titles as HTML inside the attributes and the head, as readers and the W3C validator read them', () => {
    expect(contents).toContain('text="R&amp;amp;D &amp;lt;News&amp;gt;" title="R&amp;amp;D &amp;lt;News&amp;gt;"');
    // A single escape here was "Invalid HTML" to the W3C validator for a site named "… & <Co>".
    expect(contents).toContain('<title>R&amp;amp;D &amp;lt;News&amp;gt;</title>');
  });

  it('is dated by the newest article, never by the clock', () => {
    expect(contents).toContain('<dateModified>Fri, 22 Nov 2024 08:00:00 GMT</dateModified>');
  });
});
