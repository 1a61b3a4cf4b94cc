import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/input/yaml-source.js';

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

const read = (text: string) => readYaml(text, 'syndic.yaml', 1, 'INVALID_SETTINGS');
const lol = (levels: number): string =>
  ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]', ...Array.from({ length: levels }, (_, k) => `a${k + 1}: &a${k + 1} [${Array(9).fill(`*a${k}`).join(', ')}]`), `title: *a${levels}`].join('\n');

describe('readYaml bounds', () => {
  it('refuses a billion laughs in one problem, on the line of the first alias, without expanding it', () => {
    const source = read(`# header\n${lol(9)}\n`);
    expect(source.problems.map((p) => p.format())).toEqual([
      'syndic.yaml:3: expands to more than 10,000 values once its aliases (*name) are followed\n  hint: repeat the values themselves instead of referring to them with aliases',
    ]);
  });

  it('accepts a few aliases', () => {
    expect(read('a: &x [1, 2]\nb: *x\n').data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('refuses an alias that contains itself', () => {
    expect(read('a: &a [*a]\n').problems[0]?.message).toMatch(/^(?:expands to more than|nests lists and maps more than)/);
  });

  it.each([
    ['50,000 unclosed "["', `a: ${'['.repeat(50_000)}`],
    ['50,000 closed "["', `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['3,000 indented maps', Array.from({ length: 3_000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n')],
    ['5,000 compact sequences', `${'- '.repeat(5_000)}x`],
    ['5,000 "{a: "', `${'{a: '.repeat(5_000)}`],
  ])('refuses deep nesting as a sentence, not "Maximum call stack size exceeded": %s', (_, text) => {
    const [problem, ...rest] = read(text).problems;
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/nests lists and maps more than 32 levels deep/);
  });

  it('says "more than one YAML document" where the parser says "use YAML.parseAllDocuments()"', () => {
    const [problem] = read('title: A\n---\ntitle: B\n').problems;
    expect(problem?.format()).toMatch(/^syndic\.yaml:2(:\d+)?: invalid YAML: this line holds more than one YAML document/);
  });

  it('still reads what only the second parser accepts (tabs between tokens)', () => {
    expect(read('tags:\t[one,\ttwo]\n').data).toEqual({ tags: ['one', 'two'] });
  });

  it('never shows parser text: every message is one of its own sentences', () => {
    const texts = ['a: "x', 'a: [1, 2', 'a: 1\na: 2', 'a: *nope', 'a: !weird 1', '\tb: 1', 'a:\n  b: 1\n c: 2', 'a: "\\q"', '? [a, b]\n: c\nx: y: z'];
    for (const text of texts) {
      for (const problem of read(text).problems) expect(problem.message, text).toMatch(/^invalid YAML: this line (?!.*(?:YAML\.|parseAll|Error|exceeded|\(\d))/);
    }
  });
});
