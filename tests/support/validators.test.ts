// The validators must be able to fail, or every test that relies on them proves nothing:
// each one is shown a good sample that passes and bad samples that each break one rule.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWellFormedXml, parseFeed, validateAtom, validateFeedFile, validateJsonFeed, validateRss } from './validators.js';

const ATOM_NS = 'xmlns="http://www.w3.org/2005/Atom"';
const ATOM = (entry: string, root = `<feed ${ATOM_NS} xml:lang="fr">`) =>
  `<?xml version="1.0" encoding="utf-8"?>\n${root}<id>https://x.example/</id><title>T</title><updated>2024-11-21T00:00:00Z</updated><author><name>A</name></author>${entry}</feed>`;
const ENTRY = '<entry><id>tag:x.example,2024:1</id><title>E</title><updated>2024-11-21T00:00:00Z</updated><link href="https://x.example/1"/></entry>';
const inEntry = (markup: string) => ATOM(ENTRY.replace('</entry>', `${markup}</entry>`));

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://x.example/</link><description>D</description><language>fr</language>
<item><title>E</title><link>https://x.example/1</link><guid isPermaLink="false">g1</guid><pubDate>Thu, 21 Nov 2024 00:00:00 GMT</pubDate><dc:creator>Ann</dc:creator><description>S</description><content:encoded><![CDATA[<p>Body</p>]]></content:encoded></item>
</channel></rss>`;

describe.concurrent('assertWellFormedXml', () => {
  it.for([
    ['a plain document', '<a>b &amp; c</a>'],
    ['"]] >" inside CDATA and an escaped "]]&gt;" in text', '<a><![CDATA[ ]] > ]]>x]]&gt;y</a>'],
    ['an entity declared in the internal subset', '<!DOCTYPE a [<!ENTITY e "y">]><a>&e;</a>'],
    ['declared namespace prefixes', '<a xmlns:x="urn:x"><x:b x:c="1"/></a>'],
    ['astral characters and a byte order mark', '\uFEFF<a t="😀">👩🏽‍💻 &#x1F600;</a>'],
  ] as const)('accepts %s', async ([, xml], { expect }) => {
    await expect(assertWellFormedXml(xml)).resolves.toBeUndefined();
  });

  it.for([
    ['a raw control character U+0001', '<a>\u0001</a>', /invalid Char value 1/],
    ['a control character reference &#1;', '<a>&#1;</a>', /invalid xmlChar value 1/],
    ['a stray "]]>" in text', '<a>x]]>y</a>', /Sequence '\]\]>' not allowed/],
    ['a stray "]]>" after a CDATA block', '<a><![CDATA[x]]>y]]></a>', /Sequence '\]\]>' not allowed/],
    ['the non-character U+FFFE', '<a>\uFFFE</a>', /invalid Char value 65534/],
    ['a lone surrogate', '<a>\uD83D</a>', /lone surrogate U\+D83D/],
    ['a raw "<" in an attribute', '<a b="<"/>', /not well-formed/],
    ['an unclosed element', '<a><b></a>', /mismatch/],
    ['an HTML entity with no declaration', '<a>&nbsp;</a>', /Entity 'nbsp' not defined/],
    ['an undeclared namespace prefix', '<a><x:b/></a>', /Namespace prefix x on b is not defined/],
    ['two root elements', '<a/><b/>', /Extra content at the end/],
  ] as const)('rejects %s', async ([, xml, message], { expect }) => {
    const error = await assertWellFormedXml(xml).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^not well-formed XML:\n/);
    expect((error as Error).message).toMatch(message);
  });
});

describe.concurrent('validateAtom', () => {
  it('accepts a minimal valid feed', async ({ expect }) => {
    expect(await validateAtom(ATOM(ENTRY))).toEqual([]);
  });

  it.for([
    ['xml:lang and xml:base on feed, entry and content', ATOM(ENTRY.replace('<entry>', '<entry xml:lang="en-GB" xml:base="https://x.example/en/">').replace('</entry>', '<content type="html" xml:lang="de">&lt;p&gt;x&lt;/p&gt;</content></entry>'), `<feed ${ATOM_NS} xml:lang="fr" xml:base="https://x.example/">`)],
    ['simple foreign elements in feed and entry', ATOM(ENTRY.replace('</entry>', '<dc:creator>Ann</dc:creator></entry>'), `<feed ${ATOM_NS} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights>CC</dc:rights>`)],
    ['structured foreign elements, between Atom elements', ATOM(ENTRY.replace('<title>E</title>', '<media:group><media:content url="https://x.example/v.mp4"/></media:group><title>E</title><media:thumbnail url="https://x.example/t.png"/>'), `<feed ${ATOM_NS} xmlns:media="http://search.yahoo.com/mrss/">`)],
    ['foreign attributes on feed, link and author', ATOM(ENTRY.replace('<link ', '<link x:rank="1" '), `<feed ${ATOM_NS} xmlns:x="urn:x" x:v="1">`).replace('<author>', '<author x:role="editor">')],
    ['a foreign element inside a person construct', ATOM(ENTRY, `<feed ${ATOM_NS} xmlns:x="urn:x">`).replace('<name>A</name>', '<name>A</name><x:handle>@a</x:handle>')],
    ['XHTML content and title', inEntry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x <b>y</b></p></div></content>').replace('<title>E</title>', '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">E<br/></div></title>')],
    ['category, generator, rights, subtitle, published with an offset and fraction', ATOM(ENTRY.replace('</entry>', '<published>2024-11-20T10:00:00.5+05:30</published><category term="b" label="B"/><summary type="html">&lt;b&gt;s&lt;/b&gt;</summary></entry>'), `<feed ${ATOM_NS}><generator uri="https://x.example/g" version="1">Syndic</generator><rights>CC</rights><subtitle>S</subtitle><category term="a"/><link rel="self" type="application/atom+xml" href="https://x.example/atom.xml"/>`)],
    ['out-of-line content with a summary', inEntry('<content src="https://x.example/a.mp3" type="audio/mpeg"/><summary>Listen</summary>')],
    ['XML and text media types in any case, without summary', inEntry('<content type="Image/SVG+XML"><svg xmlns="http://www.w3.org/2000/svg"/></content>').replace('</feed>', `${ENTRY.replace(':1<', ':2<').replace('</entry>', '<content type="TEXT/plain">x</content></entry>')}</feed>`)],
    ['a standalone entry document', `<entry ${ATOM_NS}><id>urn:uuid:1</id><title>E</title><updated>2024-11-21T00:00:00Z</updated><author><name>A</name></author><content>x</content></entry>`],
    ['a feed whose entries all have authors and the feed none', ATOM(ENTRY.replace('</entry>', '<author><name>B</name></author></entry>')).replace('<author><name>A</name></author>', '')],
  ] as const)('accepts %s', async ([, xml], { expect }) => {
    expect(await validateAtom(xml)).toEqual([]);
  });

  it.for([
    // libxml2's messages for a missing element inside an interleave name whichever element it tried last
    ['a feed without id', ATOM(ENTRY).replace('<id>https://x.example/</id>', ''), /Element feed failed to validate content/],
    ['an entry without updated', ATOM(ENTRY.replace('<updated>2024-11-21T00:00:00Z</updated>', '')), /Relax-NG validity error/],
    ['an entry with two titles', inEntry('<title>F</title>'), /Extra element title/],
    ['a category without term', inEntry('<category label="x"/>'), /Relax-NG validity error/],
    ['an unknown text type', ATOM(ENTRY.replace('<title>E</title>', '<title type="markdown">E</title>')), /Relax-NG validity error/],
    ['an unknown element in the Atom namespace', inEntry('<foo>x</foo>'), /extra content: foo/],
    ['XHTML content without its div', inEntry('<content type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">x</p></content>'), /Relax-NG validity error/],
    ['a date that is not a dateTime', inEntry('<published>Thu, 21 Nov 2024</published>'), /Type dateTime doesn't allow value/],
    ['an xml:lang that is not a language tag', ATOM(ENTRY, `<feed ${ATOM_NS} xml:lang="en_GB">`), /Invalid attribute lang/],
    ['an unqualified attribute the grammar does not define', ATOM(ENTRY, `<feed ${ATOM_NS} foo="1">`), /Invalid attribute foo/],
    ['the pre-standard Atom 0.3 namespace', ATOM(ENTRY).replace('http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'), /Did not expect element feed/],
    ['an RSS document', RSS, /Did not expect element rss/],
    // The Appendix B Schematron rules, which RELAX NG validators skip
    ['a feed without author whose entry has none', ATOM(ENTRY).replace('<author><name>A</name></author>', ''), /must have an atom:author unless all of its atom:entry children/],
    ['an entry with neither alternate link nor content', ATOM(ENTRY.replace('<link href="https://x.example/1"/>', '<link rel="self" href="https://x.example/1"/>')), /at least one atom:link element with a rel attribute of 'alternate' or an atom:content.*first: "tag:x.example,2024:1"/],
    // RFC 4287 MUSTs that the grammar cannot express
    ['a date without time zone', inEntry('<published>2024-11-20T10:00:00</published>'), /RFC 3339 date-time.*first: "2024-11-20T10:00:00"/],
    ['a date with surrounding white space', ATOM(ENTRY.replace('<updated>2024-11-21T00:00:00Z</updated>', '<updated> 2024-11-21T00:00:00Z\n</updated>')), /RFC 3339 date-time/],
    ['a relative atom:id', ATOM(ENTRY.replace('tag:x.example,2024:1', '/posts/1')), /atom:id must be an absolute IRI.*first: "\/posts\/1"/],
    ['out-of-line content without a summary', inEntry('<content src="https://x.example/a.mp3" type="audio/mpeg"/>'), /must have an atom:summary/],
    ['Base64 content without a summary', inEntry('<content type="image/png">aGk=</content>'), /must have an atom:summary/],
    // and it reports, rather than throws on, documents that are not well-formed
    ['a document that is not well-formed', inEntry('<title>x</entry>'), /parser error : Opening and ending tag mismatch/],
    ['an undeclared prefix', inEntry('<x:y>1</x:y>'), /Namespace prefix x on y is not defined/],
    ['a lone surrogate', ATOM(ENTRY.replace('<title>E', '<title>\uDE00')), /lone surrogate/],
  ] as const)('rejects %s', async ([, xml, message], { expect }) => {
    const errors = await validateAtom(xml);
    expect(errors).not.toEqual([]);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('validateJsonFeed', () => {
  const item = { id: '1', content_html: '<p>x</p>', date_published: '2024-11-21T00:00:00Z' };
  const valid = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [item] };
  const withItem = (extra: Record<string, unknown>) => ({ ...valid, items: [{ ...item, ...extra }] });

  it('accepts a minimal valid feed', () => {
    expect(validateJsonFeed(valid)).toEqual([]);
  });

  it('accepts every field of the spec, and extensions', () => {
    const full = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      home_page_url: 'https://x.example/',
      feed_url: 'https://x.example/feed.json',
      description: 'D',
      user_comment: 'C',
      next_url: 'https://x.example/feed-2.json',
      icon: 'https://x.example/icon.png',
      favicon: 'https://x.example/favicon.ico',
      authors: [{ name: 'A', url: 'https://x.example/a', avatar: 'https://x.example/a.png' }, { url: 'mailto:b@x.example' }],
      language: 'fr-BE',
      expired: false,
      hubs: [{ type: 'WebSub', url: 'https://hub.x.example/' }],
      _syndic: { about: 'https://x.example/ext', 'key with spaces': 1 },
      items: [
        {
          id: 'https://x.example/1',
          url: 'https://x.example/1#top',
          external_url: 'https://elsewhere.example/',
          title: 'E',
          content_html: '<p>x</p>',
          content_text: 'x',
          summary: 'S',
          image: 'https://x.example/i.png',
          banner_image: 'https://x.example/b.png',
          date_published: '2024-11-21T10:00:00+01:00',
          date_modified: '2024-11-22T10:00:00.123Z',
          authors: [{ name: 'B' }],
          tags: ['a', 'b c'],
          language: 'en',
          attachments: [{ url: 'https://x.example/a.mp3', mime_type: 'audio/mpeg', title: 'A', size_in_bytes: 1000, duration_in_seconds: 61.5, _syndic: {} }],
          _syndic: { n: 1 },
        },
        { id: '2', content_text: 'text only' },
      ],
    };
    expect(validateJsonFeed(full)).toEqual([]);
  });

  it.each([
    ['version 1.0', { ...valid, version: 'https://jsonfeed.org/version/1' }, /must be equal to constant/],
    ['no title', { version: valid.version, items: [] }, /must have required property 'title'/],
    ['no items', { version: valid.version, title: 'T' }, /must have required property 'items'/],
    ['the deprecated singular author on the feed', { ...valid, author: { name: 'A' } }, /^\/author must NOT be valid/],
    ['the deprecated singular author on an item', withItem({ author: { name: 'A' } }), /^\/items\/0\/author must NOT be valid/],
    ['an unknown key', { ...valid, homepage: 'https://x.example/' }, /must NOT have additional properties.*homepage/],
    ['an extension name with no letter after "_"', { ...valid, _1: {} }, /additional properties.*_1/],
    ['an extension name with a "."', { ...valid, '_x.y': {} }, /additional properties.*_x\.y/],
    ['an extension that is not an object', { ...valid, _syndic: 'x' }, /\/_syndic must be object/],
    ['an item without content', { ...valid, items: [{ id: '1' }] }, /must have required property 'content_html'/],
    ['a numeric id', withItem({ id: 1 }), /\/items\/0\/id must be string/],
    ['an empty id', withItem({ id: '' }), /\/items\/0\/id must NOT have fewer than 1 characters/],
    ['a date that is not RFC 3339', withItem({ date_published: 'Thu, 21 Nov 2024 00:00:00 GMT' }), /must match format "date-time"/],
    ['a date without time zone', withItem({ date_modified: '2024-11-21T00:00:00' }), /must match format "date-time"/],
    ['a relative URL', withItem({ url: '/posts/1' }), /\/items\/0\/url must match format "uri"/],
    ['an empty author object', withItem({ authors: [{}] }), /must have required property 'name'/],
    ['an author with an unknown key', { ...valid, authors: [{ name: 'A', email: 'a@x.example' }] }, /additional properties.*email/],
    ['tags that are not strings', withItem({ tags: ['a', 2] }), /\/items\/0\/tags\/1 must be string/],
    ['an attachment without mime_type', withItem({ attachments: [{ url: 'https://x.example/a.mp3' }] }), /must have required property 'mime_type'/],
    ['an attachment size given as a string', withItem({ attachments: [{ url: 'https://x.example/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: '1000' }] }), /size_in_bytes must be number/],
    ['a mime_type without subtype', withItem({ attachments: [{ url: 'https://x.example/a.mp3', mime_type: 'audio' }] }), /mime_type must match pattern/],
    ['a hub without type', { ...valid, hubs: [{ url: 'https://hub.x.example/' }] }, /must have required property 'type'/],
    ['a language that is not a tag', { ...valid, language: 'fr_BE' }, /\/language must match pattern/],
    ['expired as a string', { ...valid, expired: 'yes' }, /\/expired must be boolean/],
    ['two items with one id', { ...valid, items: [item, { ...item, content_html: 'other' }] }, /\/items\/1\/id "1" is already the id of \/items\/0/],
    ['next_url pointing at the feed itself', { ...valid, feed_url: 'https://x.example/feed.json', next_url: 'https://x.example/feed.json' }, /next_url must not be the same as feed_url/],
    ['a non-object', 'feed', /must be object/],
  ])('rejects %s', (_case, feed, message) => {
    const errors = validateJsonFeed(feed);
    expect(errors).not.toEqual([]);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('parseFeed', () => {
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: ' T ',
    home_page_url: 'https://x.example/',
    language: 'fr',
    authors: [{ name: 'Ann' }],
    items: [{ id: 'g1', url: 'https://x.example/1', title: 'E', content_html: '<p>Body</p>', date_published: '2024-11-21T00:00:00Z', date_modified: '2024-11-22T00:00:00Z' }],
  };

  it('reads RSS, Atom and JSON Feed into one shape', async () => {
    const atom = ATOM(
      '<entry><id>g1</id><title>E</title><published>2024-11-21T00:00:00Z</published><updated>2024-11-22T00:00:00Z</updated><link href="https://x.example/1"/><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>',
    ).replace('<name>A</name>', '<name>Ann</name>');
    const parsed = await Promise.all([parseFeed(RSS), parseFeed(atom), parseFeed(JSON.stringify(json))]);
    for (const feed of parsed) {
      expect(feed.title).toBe('T');
      expect(feed.language).toBe('fr');
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]).toMatchObject({ id: 'g1', title: 'E', url: 'https://x.example/1', content: '<p>Body</p>', authors: ['Ann'] });
      expect(feed.items[0]?.published?.toISOString()).toBe('2024-11-21T00:00:00.000Z');
    }
    // RSS has no updated date; the parser falls back to pubDate.
    expect(parsed.map((feed) => feed.items[0]?.updated?.toISOString())).toEqual(['2024-11-21T00:00:00.000Z', '2024-11-22T00:00:00.000Z', '2024-11-22T00:00:00.000Z']);
  });

  it('leaves out what a feed does not have', async () => {
    const feed = await parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', content_text: 'x' }] }));
    expect(feed).toEqual({ title: 'T', items: [{ id: '1', title: '', url: '', published: undefined, updated: undefined, content: 'x', authors: [] }] });
    expect('language' in feed).toBe(false);
  });

  it.each([
    ['HTML', '<html><body>no feed</body></html>', /could not be parsed as a feed/],
    ['a JSON Feed that breaks the schema', JSON.stringify({ ...json, items: [{ id: 1 }] }), /not a valid JSON Feed 1\.1/],
    ['broken JSON', '{"version":', /JSON/],
  ])('throws on %s', async (_case, text, message) => {
    await expect(parseFeed(text)).rejects.toThrow(message);
  });
});

describe.concurrent('validateFeedFile', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'syndic-validators-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, contents: string | Uint8Array) => {
    const full = path.join(dir, name);
    await writeFile(full, contents);
    return full;
  };

  it('checks Atom files against the Atom rules and RSS files for well-formedness', async ({ expect }) => {
    expect(await validateFeedFile(await file('atom.xml', ATOM(ENTRY)))).toEqual([]);
    expect(await validateFeedFile(await file('rss.xml', RSS))).toEqual([]);
    const noId = ATOM(ENTRY).replace('<id>https://x.example/</id>', '').replace('?>', '?>\n<!-- the root comes after a comment -->');
    expect((await validateFeedFile(await file('bad-atom.xml', noId))).join('\n')).toMatch(/Element feed failed to validate content/);
    expect((await validateFeedFile(await file('bad-rss.rss', RSS.replace('<title>E</title>', '<title>E\u0001</title>')))).join('\n')).toMatch(/invalid Char value 1/);
  });

  it('checks JSON files against the JSON Feed schema', async ({ expect }) => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', content_text: 'x' }] };
    expect(await validateFeedFile(await file('feed.json', JSON.stringify(feed)))).toEqual([]);
    expect((await validateFeedFile(await file('bad.json', JSON.stringify({ ...feed, author: { name: 'A' } })))).join('\n')).toMatch(/\/author/);
    expect((await validateFeedFile(await file('broken.json', '{'))).join('\n')).toMatch(/not JSON/);
  });

  it('rejects bytes that are not UTF-8 and extensions it does not know', async ({ expect }) => {
    expect(await validateFeedFile(await file('latin1.xml', Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])))).toEqual([expect.stringMatching(/not valid UTF-8/)]);
    await expect(validateFeedFile(await file('feed.txt', 'x'))).rejects.toThrow(/no validator for \.txt/);
  });
});

const PODCAST_RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://x.example/</link><description>D</description>
<itunes:image href="https://x.example/c.png"/><itunes:category text="News"><itunes:category text="Politics"/></itunes:category><itunes:explicit>false</itunes:explicit>
<itunes:owner><itunes:name>O</itunes:name><itunes:email>o@x.example</itunes:email></itunes:owner><podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
<item><title>E</title><link>https://x.example/1</link><enclosure url="https://x.example/1.mp3" length="12" type="audio/mpeg"/><media:content url="https://x.example/1.png" medium="image"/>
<itunes:duration>754</itunes:duration><itunes:episodeType>full</itunes:episodeType><podcast:transcript url="https://x.example/1.vtt" type="text/vtt"/></item>
</channel></rss>`;

describe.concurrent('validateRss', () => {
  it('accepts a podcast feed and a plain one', async ({ expect }) => {
    expect(await validateRss(PODCAST_RSS)).toEqual([]);
    expect(await validateRss(RSS)).toEqual([]);
  });

  it.for([
    ['two enclosures', ['<enclosure url', '<enclosure url="https://x.example/2.mp3" length="1" type="audio/mpeg"/><enclosure url'], /at most one enclosure/],
    ['an enclosure without length', [' length="12"', ''], /enclosure needs/],
    ['a relative enclosure url', ['url="https://x.example/1.mp3"', 'url="1.mp3"'], /enclosure needs/],
    ['audio/mp3', ['audio/mpeg', 'audio/mp3'], /registered name/],
    ['a relative media:content url', ['url="https://x.example/1.png"', 'url="1.png"'], /Media RSS/],
    ['no itunes:image', ['<itunes:image href="https://x.example/c.png"/>', ''], /itunes:image/],
    ['a category without text', ['<itunes:category text="News">', '<itunes:category>'], /itunes:category/],
    ['explicit "no"', ['<itunes:explicit>false', '<itunes:explicit>no'], /itunes:explicit/],
    ['an owner without email', ['<itunes:email>o@x.example</itunes:email>', ''], /itunes:owner/],
    ['a duration with letters', ['>754<', '>12 min<'], /itunes:duration/],
    ['an unknown episode type', ['>full<', '>pilot<'], /episodeType/],
    ['a version 4 guid', ['1b1e-5cef', '1b1e-4cef'], /podcast:guid/],
    ['a transcript without type', [' type="text/vtt"', ''], /podcast:transcript/],
    ['a CDATA title', ['<title>E</title>', '<title><![CDATA[AT&#x26;T]]></title>'], /plain text.*not CDATA/],
    ['a named entity in a title', ['<title>T</title>', '<title>AT&amp;T</title>'], /plain text.*named entities/],
  ] as const)('rejects %s', async ([, [from, to], message], { expect }) => {
    const errors = await validateRss(PODCAST_RSS.replace(from, to));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});
