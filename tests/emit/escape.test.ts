import fc from 'fast-check';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { ATOM_FIELDS, escapeAttribute, escapeText, fieldKind, fieldText, htmlForCdata, marked, RSS_FIELDS, stripIllegalXmlChars, unmarked, xmlText } from '../../src/emit/escape.js';
import { rssDocument } from '../../src/emit/rss.js';
import type { FeedSpec, PodcastChannel } from '../../src/model.js';
import { entry, feedSpec } from '../support/factories.js';
import { assertWellFormedXml, validateAtom } from '../support/validators.js';

describe('escape', () => {
  it('escapes text and attributes for their context', () => {
    expect(escapeText(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeAttribute(`a & "b" <c>`)).toBe('a &amp; &quot;b&quot; &lt;c&gt;');
    expect(xmlText('AT&T <Co>')).toBe('AT&#x26;T &#x3C;Co&#x3E;');
  });

  it('drops XML-illegal characters but keeps tab, LF, CR and astral characters', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\t\n\rh🇧🇪')).toBe('abcdefg\t\n\rh🇧🇪');
    expect(stripIllegalXmlChars('lone \uD800 high and \uDC00 low')).toBe('lone  high and  low');
  });

  it('splits every "]]>", not only the first', () => {
    expect(htmlForCdata('a]]>b]]>c]]>')).toBe('a]]&gt;b]]&gt;c]]&gt;');
  });

  it('never lets "]]>", a raw & or < or an illegal character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = htmlForCdata(text);
        expect(out).not.toContain(']]>');
        expect(out).toBe(stripIllegalXmlChars(out));
        expect(escapeText(text)).not.toMatch(/[<>]/);
        for (const kind of ['plain', 'html'] as const) expect(fieldText(text, kind)).not.toMatch(/[<>]|&(?!#x(26|3C|3E);)/);
      }),
    );
  });

  it('gives back any text from its marker', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(unmarked(marked(text))).toBe(stripIllegalXmlChars(text));
        expect(marked(text)).not.toMatch(/[&<>"]/);
      }),
    );
  });
});

// The field table: a plain value is shown as written in a plain field, and stays text in an HTML field.
const TEXT = 'AT&T <Co> &amp; Q&A';
const PLAIN = 'AT&#x26;T &#x3C;Co&#x3E; &#x26;amp; Q&#x26;A';
const HTML = 'AT&#x26;amp;T &#x26;lt;Co&#x26;gt; &#x26;amp;amp; Q&#x26;amp;A';
const PODCAST: PodcastChannel = {
  owner: { name: TEXT, email: 'podcast@news.test.example' },
  image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: 1400, height: 1400 },
  categories: [['News', []]],
  explicit: false,
  type: 'episodic',
  locked: false,
  author: TEXT,
};

describe('the field table', () => {
  const cases: Array<[string, FeedSpec, string]> = [
    ['title', feedSpec([entry({ title: TEXT })]), `<title>${PLAIN}</title>`],
    ['guid', feedSpec([entry({ id: 'tag:news.test.example,2024:Q&A' })]), '<guid isPermaLink="false">tag:news.test.example,2024:Q&#x26;A</guid>'],
    ['category', feedSpec([entry({ tags: [TEXT] })]), `<category>${PLAIN}</category>`],
    ['dc:creator', feedSpec([entry({ authors: [{ name: TEXT }] })]), `<dc:creator>${PLAIN}</dc:creator>`],
    ['author', feedSpec([entry({ authors: [{ name: TEXT, email: 'a@news.test.example' }] })]), `<author>a@news.test.example (${PLAIN})</author>`],
    ['copyright', feedSpec([entry()], { copyright: TEXT }), `<copyright>${PLAIN}</copyright>`],
    ['itunes:', feedSpec([entry()], { podcast: PODCAST }), `<itunes:author>${PLAIN}</itunes:author>`],
    ['media:', feedSpec([entry({ assets: { image: { url: 'https://news.test.example/a.png', type: 'image/png', alt: TEXT } } })]), `<media:description type="plain">${PLAIN}</media:description>`],
    ['podcast:', feedSpec([entry()], { podcast: PODCAST }), '<podcast:locked owner="podcast@news.test.example">no</podcast:locked>'],
    ['webfeeds:', feedSpec([entry()], { image: 'https://news.test.example/logo.png?a=1&b=<2>' }), '<webfeeds:logo>https://news.test.example/logo.png?a=1&#x26;b=&#x3C;2&#x3E;</webfeeds:logo>'],
    ['description', feedSpec([entry({ summary: TEXT })], { description: TEXT }), `<description>${HTML}</description>`],
    ['content:encoded', feedSpec([entry({ html: '<p>AT&amp;T &lt;Co&gt;</p>' })]), '<content:encoded><![CDATA[<p>AT&amp;T &lt;Co&gt;</p>]]></content:encoded>'],
  ];

  it('has a test for every RSS field it lists', () => {
    expect(cases.map(([field]) => field).sort()).toEqual(Object.keys(RSS_FIELDS).sort());
  });

  it.each(cases)('RSS %s: written for what readers make of it (%#)', async (field, spec, written) => {
    const xml = rssDocument(spec);
    expect(fieldKind('rss', field.endsWith(':') ? `${field}x` : field)).toBe(RSS_FIELDS[field]);
    expect(xml).toContain(written);
    await assertWellFormedXml(xml);
  });

  it('RSS channel and item descriptions: a name holding markup stays text for readers that render HTML', async () => {
    const name = '<script>alert(1)</script> <svg onload=alert(2)>';
    const xml = rssDocument(feedSpec([entry({ summary: name })], { description: `${name} · News` }));
    const feed = await new Parser().parseString(xml);
    // XML-decoded once, each value is HTML whose text is the name: no element in it.
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;svg onload=alert(2)&gt;';
    expect(feed.description).toBe(`${escaped} · News`);
    expect(xml).toContain(`<description>${escaped.replaceAll('&', '&#x26;')}</description>`);
    expect(feed.items[0]?.contentSnippet).toBe(name);
  });

  it.each(Object.keys(ATOM_FIELDS))('Atom %s: a text construct or person field of plain text', async (field) => {
    const spec = feedSpec([entry({ title: TEXT, summary: TEXT, authors: [{ name: TEXT, email: 'a&b@news.test.example' }] })], { title: TEXT, description: TEXT, copyright: TEXT });
    const xml = atomDocument(spec);
    const value = field === 'email' ? 'a&#x26;b@news.test.example' : PLAIN;
    expect(xml).toMatch(new RegExp(`<${field}( type="text")?>${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</${field}>`));
    expect(xml).not.toMatch(/type="html"><!\[CDATA\[AT/);
    expect(await validateAtom(xml)).toEqual([]);
  });

  it('refuses an element it does not list', () => {
    expect(() => fieldKind('rss', 'link')).toThrow(/not in the field table/);
  });
});
