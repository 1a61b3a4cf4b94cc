// The tokenizer guard: render() alone, without parse's scan, still stops at the nesting bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../../src/errors.js';
import { render } from '../../src/render.js';
import { MARKDOWN_LIMITS, markdownComplexity } from '../../src/render/guard.js';
import { article, site } from '../support/factories.js';

const nestedList = (depth: number): string => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');

describe('markdownDepthGuard, through render', () => {
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
