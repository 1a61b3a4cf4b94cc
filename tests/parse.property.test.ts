// Random bytes and random YAML into parse and render: nothing throws except a SyndicError,
// and every problem names its file and line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../src/errors.js';
import { parseArticle, parseSettings } from '../src/parse.js';
import { render } from '../src/render.js';
import { site, source } from './support/factories.js';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Random YAML text: maps, lists, flow collections, anchors, aliases, tags, deep nesting. */
const yamlText = fc.letrec((tie) => ({
  scalar: fc.oneof(
    fc.constantFrom('title', '2024-11-21', '""', "''", 'null', '~', 'true', '1e300', '-1', '0099-01-01', '2024-01-01T00:00:00+25:00', '"\\u200b"', '!!binary aGk=', '!weird x', '*a', '*b', '&a x', '&b [x, *a]', '|', '>', '? x', '- x', '[', '{', ']', '}', ':', '#', '%YAML 1.2', '---', '...'),
    fc.string({ maxLength: 12 }),
  ),
  key: fc.constantFrom('title', 'date', 'updated', 'tags', 'author', 'summary', 'id', 'slug', 'image', 'enclosure', 'duration', 'lang', 'url', '__proto__', 'constructor', 'toString', '<<', '? k', 'k k'),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('scalar'),
    fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${(items as string[]).join(', ')}]`),
    fc.array(fc.tuple(tie('key'), tie('node')), { maxLength: 4 }).map((pairs) => `{${(pairs as Array<[string, string]>).map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.tuple(fc.constantFrom('&a ', '&b ', ''), tie('node')).map(([anchor, node]) => `${anchor}${node as string}`),
    fc.nat(4000).map((depth) => `${'['.repeat(depth)}x${']'.repeat(depth % 3 === 0 ? depth : 0)}`),
  ),
  document: fc.array(fc.tuple(tie('key'), tie('node'), fc.nat(6)), { maxLength: 8 }).map((lines) =>
    (lines as Array<[string, string, number]>).map(([key, node, indent]) => `${' '.repeat(indent % 3 === 0 ? 0 : indent)}${key}: ${node}`).join('\n'),
  ),
})).document;

const bytes = fc.uint8Array({ maxLength: 600 }).map((array) => (array[0] !== undefined && array[0] % 2 === 0 ? latin1.decode(array) : utf8.decode(array)));
const body = fc.oneof(bytes, fc.array(fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '\n', '_a', '*a', '`', '[x]', '<div>', '```', 'text '), { maxLength: 300 }).map((parts) => parts.join('')));

function expectOnlySyndicErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SyndicError);
  }
}

describe('parse and render on random input', () => {
  it('parse an article from random YAML and random bytes without throwing, and render what they accept', () => {
    fc.assert(
      fc.property(fc.oneof(yamlText, bytes), body, (frontmatter, markdown) => {
        expectOnlySyndicErrors(() => {
          const parsed = parseArticle(source('articles/random.md', `---\n${frontmatter}\n---\n${markdown}`), site());
          if (!parsed.ok) {
            for (const problem of parsed.problems) expect([problem.file, typeof problem.line]).toEqual(['articles/random.md', 'number']);
            return;
          }
          render(parsed.value, site());
        });
      }),
      { numRuns: 400 },
    );
  });

  it('parse random settings without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(yamlText, bytes), (text) => {
        expectOnlySyndicErrors(() => {
          const parsed = parseSettings(source('syndic.yaml', text));
          if (!parsed.ok) for (const problem of parsed.problems) expect(problem.file === 'syndic.yaml' || problem.code === 'USAGE').toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });
});
