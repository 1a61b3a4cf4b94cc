import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/yaml-source.js';

const lineOf = (text: string, path: PropertyKey[], firstLine = 1): number => readYaml(text, 'a.md', firstLine, 'INVALID_ARTICLE').lineOf(path);

describe('readYaml().lineOf', () => {
  it('finds top-level keys, offset by where the frontmatter starts in the file', () => {
    const text = 'title: A\ndate: 2024-11-21\ntags:\n  - x\nauthor: Ann\n';
    expect(lineOf(text, ['tags'])).toBe(3);
    expect(lineOf(text, ['author'], 2)).toBe(6);
  });

  it('is not fooled by the key inside a block scalar or a nested mapping', () => {
    const text = 'summary: |\n  tags: not a key\nimage:\n  tags: nested\ntags: [a]\n';
    expect(lineOf(text, ['tags'])).toBe(5);
    expect(lineOf(text, ['image', 'tags'])).toBe(4);
  });

  it('falls back to the YAML parser when the key is not written at the start of a line', () => {
    expect(lineOf('{title: A, tags: [a]}\n', ['tags'])).toBe(1);
    expect(lineOf('"tags": [a]\ntitle: A\n', ['title'])).toBe(2);
  });

  it('agrees with the YAML parser on generated block frontmatter', () => {
    const key = fc.constantFrom('title', 'date', 'tags', 'author', 'summary', 'slug', 'id');
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 7 }), fc.array(fc.nat(2), { minLength: 7, maxLength: 7 }), (keys, blanks) => {
        const lines: string[] = [];
        keys.forEach((k, i) => {
          for (let b = 0; b < (blanks[i] ?? 0); b++) lines.push('');
          lines.push(k === 'tags' ? 'tags:\n  - a\n  - "b: c"' : `${k}: "v${i}"`);
        });
        const text = `${lines.join('\n')}\n`;
        for (const k of keys) {
          const expected = text.split('\n').findIndex((line) => line.startsWith(`${k}:`)) + 1;
          expect(lineOf(text, [k])).toBe(expected);
        }
      }),
    );
  });
});
