// Arbitrary articles in, valid feeds out: titles, dates and links survive in order, no script survives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../src/pipeline.js';
import { SETTINGS_YAML, source } from '../support/factories.js';
import { groupSlug } from '../../src/addresses/urls.js';
import { isVisible } from '../../src/schema.js';
import { assertWellFormedXml, parseFeed, validateAtom, validateJsonFeed } from '../support/validators.js';
import { withoutJsonLd } from '../support/json-ld.js';

const NOW = new Date('2031-01-01T00:00:00Z');

const nasty = fc.constantFrom('&', '&amp;', '<b>', '</i>', ']]>', '"', "'", '\u0007', '\u0000', '\uFFFF', 'é', 'e\u0301', '👩‍👩‍👧', 'עברית', '\u200d', '#', ': ', '- ', '{', '%');
const title = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), nasty), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').replace(/[\r\n\u2028\u2029\u0085]/g, ' '))
  .filter((text) => /[\p{L}\p{N}]/u.test(text) && text.trim().length <= 200);
const block = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<iframe src="//evil.example"></iframe>',
    '<svg onload=alert(1)><script>alert(2)</script></svg>',
    '**bold** and _em_ and `code ]]>`',
    '- one\n- two',
    '<div>]]> ]]></div>',
    // A relative image would be a project file, which these generated projects do not have.
    '[relative](../x.html) ![img](https://cdn.example/a.png)',
    '<style>*{}</style>',
  ),
);
const offset = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);
// Whole seconds: RSS dates (RFC 822) carry no milliseconds.
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
const tag = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), nasty).filter((t) => isVisible(t.trim().normalize('NFC')));
const article = fc.record({ title, blocks: fc.array(block, { maxLength: 6 }), date: instant, offset, tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => groupSlug(t.trim().normalize('NFC')) }) });

/** RFC 3339 with the given offset in minutes, e.g. 2024-11-21T09:30:00+05:45. */
function rfc3339(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** What a reader should show: trimmed, NFC, XML-illegal characters gone, runs of spaces folded. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.trim().normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\s+/g, ' ').trim();
}

describe('arbitrary articles', () => {
  it('always give valid feeds that read back the same', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 5 }), async (generated) => {
        // One spelling per tag folder across articles: two spellings of one slug are refused by design (tests/build.groups.test.ts).
        const spelling = new Map<string, string>();
        const articles = generated.map((a) => ({ ...a, tags: a.tags.map((t) => spelling.get(groupSlug(t.trim().normalize('NFC'))) ?? (spelling.set(groupSlug(t.trim().normalize('NFC')), t), t)) }));
        const files = articles.map((a, i) =>
          source(
            `articles/a${i}.md`,
            `---\ntitle: ${JSON.stringify(a.title)}\ndate: ${rfc3339(a.date, a.offset)}\ntags: ${JSON.stringify(a.tags)}\n---\n\n${a.blocks.join('\n\n')}\n`,
          ),
        );
        const { outputs } = await generateSite(source('syndic.yaml', SETTINGS_YAML), files, {}, NOW);
        const out = Object.fromEntries(outputs.map((o) => [o.path, o.contents]));
        const [rss, atom, json] = [out['rss.xml'] ?? '', out['atom.xml'] ?? '', out['feed.json'] ?? ''];

        await assertWellFormedXml(rss);
        await assertWellFormedXml(atom);
        expect(await validateAtom(atom)).toEqual([]);
        expect(validateJsonFeed(JSON.parse(json))).toEqual([]);
        for (const text of Object.values(out)) expect(withoutJsonLd(text)).not.toMatch(/<script|javascript:|onerror=|onload=/i);

        const expected = articles
          .map((a, i) => ({ title: shown(a.title), date: a.date.toISOString(), i }))
          .sort((x, y) => y.date.localeCompare(x.date) || x.i - y.i)
          .map(({ title, date }) => [title, date]);
        for (const text of [rss, atom, json]) {
          const feed = await parseFeed(text);
          const got = feed.items.map((item) => [shown(item.title), item.published?.toISOString()]);
          // Equal dates may come in either order (the tie-break is the id); compare as multisets then.
          expect(got.slice().sort()).toEqual(expected.slice().sort());
          expect(got.map(([, d]) => d)).toEqual(expected.map(([, d]) => d));
          expect(feed.items.every((item) => item.url.startsWith('https://news.test.example/articles/'))).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20241121 },
    );
  });
});
