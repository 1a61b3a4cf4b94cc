// The exact form of the nesting bound of render-guard.ts, applied while marked lexes. Apart
// from it because it loads marked, which parse and `check` never need.
import { Tokenizer, type MarkedExtension } from 'marked';
import { MARKDOWN_LIMITS } from './guard.js';

/** Thrown by the tokenizer guard; render() turns it into the article's problem. */
export class MarkdownTooDeep extends Error {}

/**
 * A marked extension that counts blockquote and list levels as the lexer recurses into them,
 * and stops past MARKDOWN_LIMITS.depth: the exact form of the bound that
 * markdownComplexity() estimates from the text.
 */
export function markdownDepthGuard(): MarkedExtension {
  let depth = 0;
  const nested = <T>(run: () => T): T => {
    // +1: inside the innermost level the lexer tries these tokenizers once more, and they fail.
    if (++depth > MARKDOWN_LIMITS.depth + 1) {
      depth--;
      throw new MarkdownTooDeep(`nests blockquotes and lists more than ${MARKDOWN_LIMITS.depth} levels deep`);
    }
    try {
      return run();
    } finally {
      depth = Math.max(depth - 1, 0);
    }
  };
  return {
    tokenizer: {
      blockquote(src) {
        return nested(() => Tokenizer.prototype.blockquote.call(this, src));
      },
      list(src) {
        return nested(() => Tokenizer.prototype.list.call(this, src));
      },
    },
  };
}
