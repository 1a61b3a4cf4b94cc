// Hostile frontmatter and settings: every limit of src/input/limits.ts, each with file, line and field.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/input/limits.js';
import { parseArticle, parseSettings } from '../src/parse.js';
import { SETTINGS_YAML, site, source } from './support/factories.js';

function problems(frontmatter: string, body = 'Body.\n', name = 'articles/a.md'): string[] {
  const parsed = parseArticle(source(name, `---\n${frontmatter}\n---\n${body}`), site());
  return parsed.ok ? [] : parsed.problems.map((p) => p.format().split('\n')[0] as string);
}

function settingsProblems(text: string): string[] {
  const parsed = parseSettings(source('syndic.yaml', text));
  return parsed.ok ? [] : parsed.problems.map((p) => p.format().split('\n')[0] as string);
}

const base = 'title: T\ndate: 2024-11-21';

describe('article limits', () => {
  it('refuses more than 50 tags, a tag over 100 characters and a title over 200', () => {
    const tags = Array.from({ length: LIMITS.tags + 1 }, (_, k) => `t${k}`);
    expect(problems(`${base}\ntags: [${tags.join(', ')}]`)).toEqual(['articles/a.md:4: tags: lists more than 50 tags']);
    expect(problems(`${base}\ntags: [${'a'.repeat(101)}]`)).toEqual(['articles/a.md:4: tags.0: is longer than 100 characters']);
    expect(problems(`title: ${'T'.repeat(201)}\ndate: 2024-11-21`)).toEqual(['articles/a.md:2: title: is longer than 200 characters']);
    expect(problems(`${base}\nsummary: ${'s'.repeat(2_001)}`)).toEqual(['articles/a.md:4: summary: is longer than 2000 characters']);
  });

  it('refuses an article over 1 MiB before reading it', () => {
    expect(problems(base, 'x'.repeat(LIMITS.articleBytes))).toEqual(['articles/a.md:1: is larger than 1024 KiB (1025 KiB)']);
    expect(problems(base, 'é'.repeat(LIMITS.articleBytes / 2 - 100))).toEqual([]);
  });

  it('reports a symbol-only tag whose folder name would pass 255 bytes, instead of failing at write time', () => {
    expect(problems(`${base}\ntags: ["${'!'.repeat(86)}"]`)).toEqual([expect.stringMatching(/^articles\/a\.md:4: tags: "!+…" makes a folder name of 2\d\d bytes, more than 200$/)]);
    expect(problems(`${base}\ntags: ["!!", "?"]`)).toEqual([]);
  });

  it('refuses titles, tags and authors made only of invisible characters', () => {
    expect(problems('title: "\\u200b\\u200e\\u2060"\ndate: 2024-11-21\ntags: ["\\u00ad"]\nauthor: "\\u3164"')).toEqual([
      'articles/a.md:2: title: has no visible character: only spaces, control or invisible characters such as zero-width spaces',
      'articles/a.md:5: author: has no visible character: only spaces, control or invisible characters such as zero-width spaces',
      'articles/a.md:4: tags.0: has no visible character: only spaces, control or invisible characters such as zero-width spaces',
    ]);
  });

  it('caps durations at 999:59:59 (never 3.6e+33 in itunes:duration)', () => {
    expect(problems(`${base}\nduration: "${'9'.repeat(30)}:00:00"`)).toEqual(['articles/a.md:4: duration: must be a number of seconds or a string "HH:MM:SS", at most 999:59:59']);
    expect(problems(`${base}\nduration: 1e300`)[0]).toMatch(/^articles\/a\.md:4: duration: must be a number of seconds/);
    const parsed = parseArticle(source('articles/a.md', `---\n${base}\nduration: "999:59:59"\n---\n`), site());
    expect(parsed.ok && parsed.value.episode?.duration).toBe(LIMITS.durationSeconds);
  });

  it('allows ids with exactly the schemes tag:, urn:, http: and https:', () => {
    for (const id of ['tag:example.org,2024:a', 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66', 'https://example.org/a', 'http://example.org/a']) {
      expect(problems(`${base}\nid: "${id}"`), id).toEqual([]);
    }
    for (const id of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'mailto:a@b.c', 'https://', 'tag:a b', 'urn:']) {
      expect(problems(`${base}\nid: "${id}"`), id).toEqual(['articles/a.md:4: id: must be a tag:, urn:, http: or https: URI, such as tag:example.org,2024:my-story']);
    }
  });

  it('says what is wrong with a value of the wrong type, and never "received null"', () => {
    const parsed = parseArticle(source('articles/a.md', '---\ntitle: [1]\ndate: 2024-11-21\nsummary:\n---\n'), site());
    const shown = parsed.ok ? [] : parsed.problems.map((p) => p.format());
    expect(shown).toEqual(['articles/a.md:2: title: must be text, such as title: "…"\n  hint: received a list of 1 item', 'articles/a.md:4: summary: has no value\n  hint: write a value after `summary:`, or remove the line']);
  });

  it('reads an NFD file name as NFC, so the id and slug do not depend on how the name was saved', () => {
    const nfd = parseArticle(source('articles/2024-11-21-cafe\u0301.md', `---\n${base}\n---\n`), site());
    const nfc = parseArticle(source('articles/2024-11-21-caf\u00e9.md', `---\n${base}\n---\n`), site());
    expect(nfd.ok && [nfd.value.id, nfd.value.slug]).toEqual(nfc.ok && [nfc.value.id, nfc.value.slug]);
  });

  it('never runs a "---js" frontmatter through gray-matter\'s JavaScript engine (eval)', () => {
    const ran = { value: false };
    Object.assign(globalThis, { syndicRan: ran });
    const parsed = parseArticle(source('articles/a.md', '---js\n(function(){ globalThis.syndicRan.value = true; return {title: "T", date: "2024-11-21"}; })()\n---\nBody\n'), site());
    expect(ran.value).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.format().split('\n')[0])).toEqual(['articles/a.md:1: opens its frontmatter with "---js"']);
    for (const opening of ['---javascript', '---coffee', '---toml', '---json', '---yaml']) {
      expect(parseArticle(source('articles/a.md', `${opening}\ntitle: T\n---\n`), site()).ok, opening).toBe(false);
    }
  });

  it('reports Markdown too complex to render at parse time, with its line', () => {
    expect(problems(base, `\n${'>'.repeat(2_000)}\n`)).toEqual(['articles/a.md:6: is too complex: its Markdown nests blockquotes and lists more than 32 levels deep']);
  });

  it('bounds the hint of a huge value', () => {
    const parsed = parseArticle(source('articles/a.md', `---\ntitle: T\ndate: "${'9'.repeat(1_000_000)}"\n---\n`), site());
    expect(parsed.ok ? '' : parsed.problems.map((p) => p.format()).join('\n').length).toBeLessThan(500);
  });
});

describe('settings limits', () => {
  it('reports keys named like Object properties at their line, not as "[object Object]"', () => {
    expect(settingsProblems(`${SETTINGS_YAML}__proto__: 1\nconstructor: 2\ntoString: 3\n`)).toEqual([
      'syndic.yaml:7: __proto__: is not a known field',
      'syndic.yaml:8: constructor: is not a known field',
      'syndic.yaml:9: toString: is not a known field',
    ]);
  });

  it('refuses a site url with credentials, a query or a fragment', () => {
    const withUrl = (url: string) => settingsProblems(SETTINGS_YAML.replace('https://news.test.example/', url));
    expect(withUrl('https://user:pass@news.test.example/')).toEqual(['syndic.yaml:3: url: must not contain a user name or password']);
    expect(withUrl('https://news.test.example/?page=1')[0]).toMatch(/^syndic\.yaml:3: url: must not have a query/);
    expect(withUrl('https://news.test.example/#top')[0]).toMatch(/^syndic\.yaml:3: url: must not have a query/);
  });

  it('writes hub and author URLs in WHATWG serialisation', () => {
    const parsed = parseSettings(source('syndic.yaml', `${SETTINGS_YAML.replace('author: Rédaction\n', 'author: {name: R, url: "HTTPS://Example.ORG"}\n')}hub: "https://Hub.Example:443/a b"\n`));
    expect(parsed.ok && [parsed.value.hubs, parsed.value.authors]).toEqual([['https://hub.example/a%20b'], [{ name: 'R', url: 'https://example.org/' }]]);
  });

  it('refuses a site author whose folder name would pass 200 bytes', () => {
    expect(settingsProblems(SETTINGS_YAML.replace('author: Rédaction', `author: "${'?'.repeat(80)}"`))[0]).toMatch(/^syndic\.yaml:6: author: "\?+…" makes a folder name of \d+ bytes, more than 200$/);
  });

  it('refuses a settings file over 64 KiB, a title over 200 characters, and an alias bomb', () => {
    expect(settingsProblems(`${SETTINGS_YAML}# ${'x'.repeat(LIMITS.settingsBytes)}\n`)).toEqual(['syndic.yaml:1: is larger than 64 KiB (65 KiB)']);
    expect(settingsProblems(SETTINGS_YAML.replace('title: Test News', `title: ${'x'.repeat(201)}`))).toEqual(['syndic.yaml:1: title: is longer than 200 characters']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, k) => `b${k}: &b${k} [${Array(9).fill(k === 0 ? '*a' : `*b${k - 1}`).join(', ')}]`)].join('\n');
    expect(settingsProblems(`${SETTINGS_YAML}${bomb}\ncopyright: *b7\n`)).toEqual(['syndic.yaml:8: expands to more than 10,000 values once its aliases (*name) are followed']);
  });
});
