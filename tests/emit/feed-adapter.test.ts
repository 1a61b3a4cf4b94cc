// One test per defect of feed 6.0.0 that the adapter meets (see the table atop feed-adapter.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { byName } from '../../src/emit/feed-adapter.js';
import { serialise } from '../../src/emit/index.js';
import { jsonDocument } from '../../src/emit/json.js';
import { rssDocument } from '../../src/emit/rss.js';
import { SyndicError } from '../../src/errors.js';
import { entry, feedSpec } from '../support/factories.js';
import { assertWellFormedXml, parseFeed, validateAtom, validateJsonFeed } from '../support/validators.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('defect 1: feed writes JSON Feed 1.0', () => {
  const json = JSON.parse(jsonDocument(feedSpec([entry({ tags: ['Russie'], date: new Date('2024-11-20T23:00:00Z'), updated: new Date('2024-11-22T08:00:00Z') })]))) as Record<string, unknown> & {
    items: Array<Record<string, unknown>>;
  };
  const [item] = json.items;

  it('declares version 1.1 and the feed language', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe('fr');
  });

  it('uses authors arrays, never the deprecated singular author', () => {
    expect(json.authors).toEqual([{ name: 'Rédaction' }]);
    expect(json).not.toHaveProperty('author');
    expect(item?.authors).toEqual([{ name: 'Peter van Halteren' }]);
    expect(item).not.toHaveProperty('author');
  });

  it('writes date_published as first publication and date_modified as last change', () => {
    expect(item?.date_published).toBe('2024-11-20T23:00:00.000Z');
    expect(item?.date_modified).toBe('2024-11-22T08:00:00.000Z');
  });

  it('is valid against the JSON Feed 1.1 schema', () => {
    expect(validateJsonFeed(json)).toEqual([]);
  });
});

describe('defect 2: feed puts a bare name in RSS <author>', () => {
  it('moves a name without email to dc:creator', () => {
    const xml = rssDocument(feedSpec([entry({ authors: [{ name: 'Peter van Halteren' }] })]));
    expect(xml).not.toMatch(/<author>/);
    expect(xml).toContain('<dc:creator>Peter van Halteren</dc:creator>');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });

  it('keeps <author> as "email (Name)" when there is an email, and then no dc:creator for that person', () => {
    const xml = rssDocument(feedSpec([entry({ authors: [{ name: 'Ana', email: 'ana@news.test.example' }, { name: 'Bo' }] })]));
    expect(xml).toContain('<author>ana@news.test.example (Ana)</author>');
    expect(xml).not.toContain('<dc:creator>Ana</dc:creator>');
    expect(xml).toContain('<dc:creator>Bo</dc:creator>');
  });
});

describe('defect 3: feed escapes only the first "]]>" of a CDATA block', () => {
  const html = '<p>a ]]> b ]]> c ]]></p>';
  const spec = feedSpec([entry({ html, title: 'x ]]> y ]]> z', summary: ']]>]]>' })]);

  it.each([
    ['rss', rssDocument(spec)],
    ['atom', atomDocument(spec)],
  ])('%s stays well-formed and keeps the text', async (_format, xml) => {
    await assertWellFormedXml(xml);
    const parsed = await parseFeed(xml);
    expect(parsed.items[0]?.title).toBe('x ]]> y ]]> z');
    // "]]&gt;" in HTML is the same text as "]]>"; the parser may hand back either spelling.
    expect(parsed.items[0]?.content?.match(/\]\](>|&gt;)/g)).toHaveLength(3);
  });
});

describe('defect 4: feed passes XML-illegal control characters through', () => {
  const spec = feedSpec([entry({ title: 'bell\u0007 null\u0000 ffff\uFFFF end', html: '<p>v\u000Bt\u001F</p>', tags: ['t\u0001ag'] })]);

  it.each([
    ['rss', rssDocument(spec)],
    ['atom', atomDocument(spec)],
  ])('%s has none left and is well-formed', async (_format, xml) => {
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    await assertWellFormedXml(xml);
    expect((await parseFeed(xml)).items[0]?.title).toBe('bell null ffff end');
  });

  it('json has none left either', () => {
    // eslint-disable-next-line no-control-regex
    expect(jsonDocument(spec)).not.toMatch(/\\u000[0-8bcef]|\\u001|\uFFFF/i);
  });
});

describe('defect 5: feed omits Atom xml:lang', () => {
  it('sets xml:lang on the root from the feed language', async () => {
    const xml = atomDocument(feedSpec([entry()], { language: 'fr-BE' }));
    expect(xml).toMatch(/^<\?xml[^>]*\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="fr-BE">/);
    expect(await validateAtom(xml)).toEqual([]);
  });

  it("sets it on each entry whose language is not the feed's, and only there", async () => {
    const xml = atomDocument(feedSpec([entry({ slug: 'a', id: 'tag:x.example,2024:a', lang: 'en' }), entry({ slug: 'b', id: 'tag:x.example,2024:b' }), entry({ slug: 'c', id: 'tag:x.example,2024:c', lang: 'ar' })]));
    expect([...xml.matchAll(/<entry[^>]*>/g)].map((m) => m[0])).toEqual(['<entry xml:lang="en">', '<entry>', '<entry xml:lang="ar">']);
    expect(await validateAtom(xml)).toEqual([]);
  });
});

describe('defect 6: feed stamps new Date() on every build', () => {
  it('gives the same bytes whatever the clock says', () => {
    const spec = feedSpec([entry()]);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = [rssDocument(spec), atomDocument(spec), jsonDocument(spec)];
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = [rssDocument(spec), atomDocument(spec), jsonDocument(spec)];
    expect(second).toEqual(first);
    expect(first[0]).toContain('<lastBuildDate>Wed, 20 Nov 2024 23:00:00 GMT</lastBuildDate>');
    expect(first[1]).toContain('<updated>2024-11-20T23:00:00.000Z</updated>');
  });

  it('gives an empty feed no RSS lastBuildDate and the documented Atom date, whatever the clock says', async () => {
    const { updated: _none, ...empty } = feedSpec([]);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = [rssDocument(empty), atomDocument(empty), jsonDocument(empty)];
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    expect([rssDocument(empty), atomDocument(empty), jsonDocument(empty)]).toEqual(first);
    expect(first[0]).not.toContain('lastBuildDate');
    expect(first[1]).toContain('<updated>2000-01-01T00:00:00.000Z</updated>');
    await assertWellFormedXml(first[0] ?? '');
    expect(await validateAtom(first[1] ?? '')).toEqual([]);
  });
});

describe('titles are plain text in every format', () => {
  const title = `Tom & Jerry <b>bold</b> "quoted" l'apostrophe`;
  const spec = feedSpec([entry({ title })]);

  it.each([
    ['rss', rssDocument(spec)],
    ['atom', atomDocument(spec)],
    ['json', jsonDocument(spec)],
  ])('%s round-trips the exact title', async (_format, text) => {
    expect((await parseFeed(text)).items[0]?.title).toBe(title);
  });
});

describe('defect 14: feed puts RSS item titles and descriptions in CDATA', () => {
  it('writes them as text nodes with hexadecimal references, which every reader decodes once', () => {
    const xml = rssDocument(feedSpec([entry({ title: 'A & B <c>', excerpt: 'x < y' })]));
    expect(xml).toContain('<title>A &#x26; B &#x3C;c&#x3E;</title>');
    // The description is HTML to readers: the plain text is HTML-escaped, then written the same way.
    expect(xml).toContain('<description>x &#x26;lt; y</description>');
    expect(xml).not.toMatch(/<title><!\[CDATA\[|<description><!\[CDATA\[/);
  });

  it('puts a description before content:encoded even without a summary', () => {
    const xml = rssDocument(feedSpec([entry({ excerpt: 'Body' })]));
    expect(xml.indexOf('<description>Body</description>')).toBeLessThan(xml.indexOf('<content:encoded>'));
  });
});

describe('defect 15: xml-js writes named entities and collapses a literal &amp;', () => {
  const spec = feedSpec([entry({ authors: [{ name: 'Ben &amp; Jerry' }], tags: ['R&amp;D', 'M&A'] })], { title: 'Le Quotidien & <Co>', copyright: '© A&amp;B' });
  const xml = rssDocument(spec);

  it('writes channel text, categories and dc:creator with hexadecimal references', () => {
    expect(xml).toContain('<title>Le Quotidien &#x26; &#x3C;Co&#x3E;</title>');
    expect(xml).toContain('<category>M&#x26;A</category>');
    expect(xml).not.toMatch(/&amp;|&lt;|&gt;/);
  });

  it('keeps a literal &amp; typed by the author', async () => {
    expect(xml).toContain('<category>R&#x26;amp;D</category>');
    expect(xml).toContain('<dc:creator>Ben &#x26;amp; Jerry</dc:creator>');
    expect(xml).toContain('<copyright>© A&#x26;amp;B</copyright>');
    await assertWellFormedXml(xml);
  });
});

describe('defect 16: feed hard-codes Atom title and summary as type="html" CDATA', () => {
  it('writes them as type="text" holding the text as written, a literal &#x26; included', async () => {
    const atom = atomDocument(feedSpec([entry({ title: 'AT&T &#x26; <Co>', summary: 'Q&A' })]));
    expect(atom).toContain('<title type="text">AT&#x26;T &#x26;#x26; &#x3C;Co&#x3E;</title>');
    expect(atom).toContain('<summary type="text">Q&#x26;A</summary>');
    expect(atom).not.toContain('type="html"><![CDATA[AT');
    expect(await validateAtom(atom)).toEqual([]);
  });
});

describe('defect 17: feed puts Atom ids through new URL()', () => {
  it('writes the id as given, like RSS guid and JSON id', async () => {
    const id = 'tag:news.test.example,2024-11-21:日本語-é';
    const spec = feedSpec([entry({ id })]);
    expect(atomDocument(spec)).toContain(`<id>${id}</id>`);
    expect(rssDocument(spec)).toContain(`<guid isPermaLink="false">${id}</guid>`);
    expect(JSON.parse(jsonDocument(spec)).items[0].id).toBe(id);
    expect(await validateAtom(atomDocument(spec))).toEqual([]);
  });
});

describe('defects 8 and 18: Atom category attributes escape only & and ", and a category without a term', () => {
  it('makes term and label the NFC name, escaped, with the tag page as scheme; RSS and JSON keep the name', async () => {
    const tagPages = new Map([['Télécoms <US>', 'https://news.test.example/tags/telecoms-us/']]);
    const spec = feedSpec([entry({ tags: ['Télécoms <US>', 'Cafe\u0301 & "thé"'] })], { tagPages });
    const atom = atomDocument(spec);
    await assertWellFormedXml(atom);
    expect(atom).toContain('<category label="Télécoms &lt;US&gt;" scheme="https://news.test.example/tags/telecoms-us/" term="Télécoms &lt;US&gt;"/>');
    expect(atom).toContain('<category label="Café &amp; &quot;thé&quot;" term="Café &amp; &quot;thé&quot;"/>');
    expect(rssDocument(spec)).toContain('<category>Télécoms &#x3C;US&#x3E;</category>');
    expect(JSON.parse(jsonDocument(spec)).items[0].tags).toEqual(['Télécoms <US>', 'Cafe\u0301 & "thé"']);
  });
});

describe('defect 13: feed writes one hub at most and no RFC 5005 links', () => {
  const urls = (base: string) => ({ rss: `${base}rss.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` });
  const page = feedSpec([entry()], {
    urls: urls('https://news.test.example/archive/2/'),
    hubs: ['https://hub-a.example/', 'https://hub-b.example/'],
    archive: { isArchive: true, current: urls('https://news.test.example/'), prev: urls('https://news.test.example/archive/1/'), next: urls('https://news.test.example/archive/3/') },
  });

  it('RSS: self first, then every hub and the archive links as atom:link, and fh:archive', async () => {
    const rss = rssDocument(page);
    await assertWellFormedXml(rss);
    expect([...rss.matchAll(/<atom:link href="([^"]+)" rel="([^"]+)"/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'self https://news.test.example/archive/2/rss.xml',
      'hub https://hub-a.example/',
      'hub https://hub-b.example/',
      'current https://news.test.example/rss.xml',
      'prev-archive https://news.test.example/archive/1/rss.xml',
      'next-archive https://news.test.example/archive/3/rss.xml',
    ]);
    expect(rss).toContain('<fh:archive xmlns:fh="http://purl.org/syndication/history/1.0"/>');
  });

  it('Atom: the same links after the self link, schema-valid', async () => {
    const atom = atomDocument(page);
    expect(await validateAtom(atom)).toEqual([]);
    expect([...atom.matchAll(/<link rel="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`).slice(1)).toEqual([
      'self https://news.test.example/archive/2/atom.xml',
      'hub https://hub-a.example/',
      'hub https://hub-b.example/',
      'current https://news.test.example/atom.xml',
      'prev-archive https://news.test.example/archive/1/atom.xml',
      'next-archive https://news.test.example/archive/3/atom.xml',
    ]);
    expect(atom).toContain('<fh:archive xmlns:fh="http://purl.org/syndication/history/1.0"/>');
  });

  it('JSON Feed: hubs, and next_url to the older page', () => {
    const json = JSON.parse(jsonDocument(page)) as Record<string, unknown>;
    expect(validateJsonFeed(json)).toEqual([]);
    expect(json.hubs).toEqual([
      { type: 'WebSub', url: 'https://hub-a.example/' },
      { type: 'WebSub', url: 'https://hub-b.example/' },
    ]);
    expect(json.next_url).toBe('https://news.test.example/archive/1/feed.json');
  });

  it('escapes a hub URL with a query string in every format that writes it as XML', async () => {
    const queried = feedSpec([entry()], { hubs: ['https://hub.example/?a=1&b=2'] });
    const rss = rssDocument(queried);
    await assertWellFormedXml(rss);
    expect(rss).toContain('<atom:link href="https://hub.example/?a=1&amp;b=2" rel="hub"/>');
    expect(atomDocument(queried)).toContain('<link rel="hub" href="https://hub.example/?a=1&amp;b=2"/>');
  });

  it('leaves a feed without hubs or archives as feed wrote it', () => {
    const rss = rssDocument(feedSpec([entry()]));
    expect(rss.match(/<atom:link /g)).toHaveLength(1);
    expect(rss).not.toContain('fh:archive');
  });
});

describe("feed documents past V8's string limit", () => {
  it('turn RangeError into a TOO_LARGE error that suggests a lower feedLimit', () => {
    const tooBig = (): string => {
      throw new RangeError('Invalid string length');
    };
    const error = (() => {
      try {
        return serialise(feedSpec([entry()]), 'rss', tooBig);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SyndicError);
    expect((error as SyndicError).code).toBe('TOO_LARGE');
    expect((error as SyndicError).hint).toContain('lower feedLimit');
  });

  it('let other errors through unchanged', () => {
    expect(() =>
      serialise(feedSpec([]), 'rss', () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('defect 12: feed keeps one extension per element name, and lets one replace a built-in', () => {
  it('writes a dc:creator for each of several name-only authors', () => {
    const xml = rssDocument(feedSpec([entry({ authors: [{ name: 'Ann' }, { name: 'Bo' }, { name: 'Cy' }] })]));
    expect(xml.match(/<dc:creator>[^<]*<\/dc:creator>/g)).toEqual(['<dc:creator>Ann</dc:creator>', '<dc:creator>Bo</dc:creator>', '<dc:creator>Cy</dc:creator>']);
  });

  it("refuses an unprefixed extension name, which would replace feed's own element", () => {
    expect(() => byName([{ name: 'title', objects: {} }])).toThrow(/replace a built-in element/);
    expect(byName([{ name: 'dc:creator', objects: { _text: 'a' } }, { name: 'dc:creator', objects: { _text: 'b' } }])).toEqual([{ name: 'dc:creator', objects: [{ _text: 'a' }, { _text: 'b' }] }]);
  });
});
