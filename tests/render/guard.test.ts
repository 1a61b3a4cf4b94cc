// The scan parse runs before marked: nesting and emphasis past the bounds, found from the text.
import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMITS, markdownComplexity, mayRenderLarge } from '../../src/render/guard.js';

const nestedList = (depth: number): string => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');

describe('markdownComplexity', () => {
  it('lets real articles through: lists, quotes, emphasis and code', () => {
    const text = ['# Titre', '', 'Du *texte* avec __gras__ et ~~barré~~.', '', '> Une citation', '> > imbriquée', '', nestedList(6), '', '```js', '*'.repeat(5_000), '```', '', '    indented *code* '.repeat(3)].join('\n');
    expect(markdownComplexity(text)).toBeUndefined();
    expect(markdownComplexity(nestedList(MARKDOWN_LIMITS.depth))).toBeUndefined();
  });

  it.each([
    ['2 KB of ">"', '>'.repeat(2_000), 1],
    ['"> " repeated', '> '.repeat(1_000), 1],
    ['"* " repeated on one line', `${'* '.repeat(3_000)}x`, 1],
    ['ordered markers on one line', `${'1. '.repeat(100)}x`, 1],
    ['a list nested by indentation', nestedList(MARKDOWN_LIMITS.depth + 1), MARKDOWN_LIMITS.depth + 1],
    // Line k holds k quotes and a list; the scan counts the first line's list too, one more than there is.
    ['quotes and lists mixed', Array.from({ length: 40 }, (_, k) => `${'> '.repeat(k)}- x`).join('\n'), 32],
  ])('finds nesting past the limit: %s', (_, text, line) => {
    expect(markdownComplexity(`\n\n${text}`)).toEqual({ line: line + 2, reason: `nests blockquotes and lists more than ${MARKDOWN_LIMITS.depth} levels deep` });
  });

  it('counts emphasis marks per list item and table row, as marked scans them', () => {
    const table = ['| a | b |', '|---|---|', ...Array.from({ length: 400 }, (_, k) => `| **${k}** | _x_ |`)].join('\n');
    const list = Array.from({ length: 400 }, (_, k) => `- **${k}** _x_`).join('\n');
    expect(markdownComplexity(`${table}\n\n${list}`)).toBeUndefined();
    // Lines with "|" but no delimiter row are one paragraph, and one inline scan.
    expect(markdownComplexity(Array.from({ length: 30 }, () => `| ${'_a'.repeat(100)}`).join('\n'))).toMatchObject({ line: 1, reason: expect.stringContaining('in one paragraph') });
  });

  it('bounds table cells: rows are padded to the header, so 8 KB could make 20 MB of HTML', () => {
    const wide = `|${'a|'.repeat(1_000)}\n|${'-|'.repeat(1_000)}\n${'a\n'.repeat(2_000)}`;
    expect(markdownComplexity(wide)).toEqual({ line: 103, reason: 'has tables of more than 100,000 cells in all' });
    const results = `| Liste | Voix | % |\n|---|--:|--:|\n${'| A | 1 | 2 |\n'.repeat(500)}`;
    expect(markdownComplexity(results)).toBeUndefined();
  });

  it('bounds the emphasis marks of one paragraph, and of the whole article', () => {
    expect(markdownComplexity(`intro\n\n${'_a'.repeat(100_000)}`)).toMatchObject({ line: 3, reason: expect.stringContaining('emphasis marks') });
    const dense = `${'*a'.repeat(1_500)}\n\n`;
    expect(markdownComplexity(dense.repeat(17))).toBeUndefined();
    expect(markdownComplexity(dense.repeat(18))).toMatchObject({ line: 35, reason: expect.stringContaining('too many paragraphs') });
  });
});

describe('mayRenderLarge', () => {
  it('picks out only articles that could render past the limit: long ones, and reference links to long URLs', () => {
    expect(mayRenderLarge('Texte ordinaire, [lien](https://example.org/).\n'.repeat(1_000), 5_000_000)).toBe(false);
    expect(mayRenderLarge('x'.repeat(900_000), 5_000_000)).toBe(true);
    expect(mayRenderLarge(`[x]: https://example.org/${'a'.repeat(2_000)}\n\n${'[x] '.repeat(3_000)}`, 5_000_000)).toBe(true);
    expect(mayRenderLarge(`[x]: https://example.org/\n\n${'[x] '.repeat(3_000)}`, 5_000_000)).toBe(false);
  });
});
