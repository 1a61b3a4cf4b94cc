import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../src/errors.js';
import { render } from '../src/render.js';
import { MARKDOWN_LIMITS, markdownComplexity } from '../src/render-guard.js';
import { article, site } from './support/factories.js';

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

  it('bounds the emphasis marks of one paragraph, and of the whole article', () => {
    expect(markdownComplexity(`intro\n\n${'_a'.repeat(100_000)}`)).toMatchObject({ line: 3, reason: expect.stringContaining('emphasis marks') });
    const dense = `${'*a'.repeat(1_500)}\n\n`;
    expect(markdownComplexity(dense.repeat(17))).toBeUndefined();
    expect(markdownComplexity(dense.repeat(18))).toMatchObject({ line: 35, reason: expect.stringContaining('too many paragraphs') });
  });
});

describe('render', () => {
  it('reports Markdown too deep for the parser as the article’s problem, not a crash', () => {
    // render() alone, without parse's scan: the tokenizer guard is the exact bound.
    for (const markdown of ['>'.repeat(2_000), `${'- '.repeat(3_000)}x`, nestedList(200)]) {
      let thrown: unknown;
      try {
        render(article({ markdown, source: 'articles/deep.md' }), site());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SyndicError);
      expect((thrown as SyndicError).format()).toMatch(/^articles\/deep\.md:1: is too complex: its Markdown nests/);
    }
  });

  it('renders again after a refused article (the depth count starts afresh)', () => {
    expect(() => render(article({ markdown: '>'.repeat(100) }), site())).toThrow(SyndicError);
    expect(render(article({ markdown: nestedList(MARKDOWN_LIMITS.depth) }), site()).html).toContain('level 31');
  });

  it('throws nothing but SyndicError on what the scan lets through', () => {
    const piece = fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '\n', '\n\n', '_', '*', '~', '`', '[', ']', '(', ')', '<', '>', '!', '#', '|', 'a', ' ', '\\', '&', '---', '```');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const markdown = pieces.join('');
        if (markdownComplexity(markdown)) return;
        try {
          render(article({ markdown }), site());
        } catch (error) {
          expect(error).toBeInstanceOf(SyndicError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
