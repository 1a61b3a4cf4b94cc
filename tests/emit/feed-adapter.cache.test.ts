// Items are prepared once per Entry (feed-adapter.ts baseItem); a feed built from entries other
// feeds already prepared must be the same bytes as one built from entries seen for the first time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { baseItem } from '../../src/emit/feed-adapter.js';
import { rssDocument } from '../../src/emit/rss.js';
import type { Entry } from '../../src/model.js';
import { entry, feedSpec } from '../support/factories.js';

const text = fc.string({ unit: fc.constantFrom('a', 'é', '&', '<', ']]>', '\u0001', '\uFFFE', '"', ' ', '\n', '😀'), maxLength: 40 });
const entries = fc.array(
  fc.record({ title: text, html: text.map((t) => `<p>${t}</p>`), summary: fc.option(text, { nil: undefined }), excerpt: text, tags: fc.array(text.filter((t) => t.trim() !== ''), { maxLength: 3 }) }),
  { minLength: 1, maxLength: 6 },
).map((list) =>
  list.map((fields, index) => {
    const { summary, ...rest } = fields;
    return entry({ ...rest, ...(summary === undefined ? {} : { summary }), id: `tag:example.org,2024:${index}`, url: `https://example.org/${index}/`, source: `articles/${index}.md` });
  }),
);
// A copy is a new Entry object: nothing prepared for it yet.
const fresh = (list: readonly Entry[]): Entry[] => list.map((item) => ({ ...item }));

describe('items prepared once per entry', () => {
  it('give the same RSS and Atom as entries prepared for the first time, in every feed that shares them', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const feeds = [feedSpec(list), feedSpec(list.slice(1), { title: 'Tag' }), feedSpec([...list].reverse(), { title: 'Author', language: 'en' })];
        for (const spec of feeds) {
          // Warm: the first feed already prepared these entries.
          const warm = [rssDocument(spec), atomDocument(spec)];
          const cold = { ...spec, entries: fresh(spec.entries) };
          expect(warm).toEqual([rssDocument(cold), atomDocument(cold)]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('prepares each entry once and hands out a frozen item', () => {
    const one = entry();
    expect(baseItem(one)).toBe(baseItem(one));
    expect(Object.isFrozen(baseItem(one))).toBe(true);
    expect(baseItem({ ...one })).not.toBe(baseItem(one));
  });
});
