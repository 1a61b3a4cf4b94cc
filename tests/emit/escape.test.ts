import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, htmlForCdata, stripIllegalXmlChars } from '../../src/emit/escape.js';

describe('escape', () => {
  it('escapes text and attributes for their context', () => {
    expect(escapeText(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeAttribute(`a & "b" <c>`)).toBe('a &amp; &quot;b&quot; &lt;c&gt;');
  });

  it('drops XML-illegal characters but keeps tab, LF, CR and astral characters', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\t\n\rh🇧🇪')).toBe('abcdefg\t\n\rh🇧🇪');
    expect(stripIllegalXmlChars('lone \uD800 high and \uDC00 low')).toBe('lone  high and  low');
  });

  it('splits every "]]>", not only the first', () => {
    expect(htmlForCdata('a]]>b]]>c]]>')).toBe('a]]&gt;b]]&gt;c]]&gt;');
  });

  it('never lets "]]>" or an illegal character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = htmlForCdata(text);
        expect(out).not.toContain(']]>');
        expect(out).toBe(stripIllegalXmlChars(out));
        expect(escapeText(text)).not.toMatch(/[<>]/);
      }),
    );
  });
});
