// The validators must be able to fail, or every test that relies on them proves nothing.
import { describe, expect, it } from 'vitest';
import { assertWellFormedXml, parseFeed, validateAtom, validateJsonFeed } from './validators.js';

const ATOM = (entry: string, root = '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">') =>
  `<?xml version="1.0" encoding="utf-8"?>\n${root}<id>https://x.example/</id><title>T</title><updated>2024-11-21T00:00:00Z</updated><author><name>A</name></author>${entry}</feed>`;
const ENTRY = '<entry><id>tag:x.example,2024:1</id><title>E</title><updated>2024-11-21T00:00:00Z</updated><link href="https://x.example/1"/></entry>';

describe('assertWellFormedXml', () => {
  it('accepts a well-formed document', async () => {
    await expect(assertWellFormedXml('<a>b &amp; c<![CDATA[ ]] > ]]></a>')).resolves.toBeUndefined();
  });

  it.each([
    ['a control character', '<a>\u0001</a>'],
    ['a stray "]]>" after a CDATA block', '<a><![CDATA[x]]>y]]></a>'],
    ['a raw "<" in an attribute', '<a b="<"/>'],
    ['an unclosed element', '<a><b></a>'],
  ])('rejects %s', async (_case, xml) => {
    await expect(assertWellFormedXml(xml)).rejects.toThrow(/not well-formed/);
  });
});

describe('validateAtom', () => {
  it('accepts a minimal valid feed', async () => {
    expect(await validateAtom(ATOM(ENTRY))).toEqual([]);
  });

  it.each([
    ['a feed without id', ATOM(ENTRY).replace('<id>https://x.example/</id>', '')],
    ['an entry without updated', ATOM(ENTRY.replace('<updated>2024-11-21T00:00:00Z</updated>', ''))],
    ['a category without term', ATOM(ENTRY.replace('</entry>', '<category label="x"/></entry>'))],
    ['an unknown text type', ATOM(ENTRY.replace('<title>E</title>', '<title type="markdown">E</title>'))],
  ])('rejects %s', async (_case, xml) => {
    expect(await validateAtom(xml)).not.toEqual([]);
  });
});

describe('validateJsonFeed', () => {
  const valid = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', content_html: '<p>x</p>', date_published: '2024-11-21T00:00:00Z' }] };

  it('accepts a minimal valid feed', () => {
    expect(validateJsonFeed(valid)).toEqual([]);
  });

  it.each([
    ['version 1.0', { ...valid, version: 'https://jsonfeed.org/version/1' }],
    ['the deprecated singular author', { ...valid, author: { name: 'A' } }],
    ['an item without content', { ...valid, items: [{ id: '1' }] }],
    ['a numeric id', { ...valid, items: [{ id: 1, content_html: 'x' }] }],
    ['a date that is not RFC 3339', { ...valid, items: [{ id: '1', content_html: 'x', date_published: 'Thu, 21 Nov 2024' }] }],
    ['an attachment without mime_type', { ...valid, items: [{ id: '1', content_html: 'x', attachments: [{ url: 'https://x.example/a.mp3' }] }] }],
  ])('rejects %s', (_case, feed) => {
    expect(validateJsonFeed(feed)).not.toEqual([]);
  });

  it('allows extension keys that start with _', () => {
    expect(validateJsonFeed({ ...valid, _syndic: { any: 1 } })).toEqual([]);
  });
});

describe('parseFeed', () => {
  it('reads RSS, Atom and JSON Feed into one shape', async () => {
    const rss = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>D</description><language>fr</language><item><title>E</title><link>https://x.example/1</link><guid isPermaLink="false">g1</guid><pubDate>Thu, 21 Nov 2024 00:00:00 GMT</pubDate></item></channel></rss>',
    );
    expect(rss.items[0]).toMatchObject({ id: 'g1', title: 'E', url: 'https://x.example/1' });
    expect(rss.items[0]?.published?.toISOString()).toBe('2024-11-21T00:00:00.000Z');
    expect((await parseFeed(ATOM(ENTRY))).items[0]).toMatchObject({ id: 'tag:x.example,2024:1', title: 'E', url: 'https://x.example/1' });
    const json = await parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', language: 'fr', items: [{ id: '1', url: 'https://x.example/1', title: 'E', content_html: 'x', date_published: '2024-11-21T00:00:00Z', authors: [{ name: 'A' }] }] }));
    expect(json.language).toBe('fr');
    expect(json.items[0]).toMatchObject({ id: '1', title: 'E', url: 'https://x.example/1', authors: ['A'] });
  });
});
