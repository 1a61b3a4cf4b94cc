import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageRegistry } from '../src/input/language.js';
import { defaultId, parseArticle, parseSettings } from '../src/parse.js';
import type { Article, Site } from '../src/model.js';
import { SETTINGS_YAML, site, source } from './support/factories.js';

function article(text: string, name = 'articles/2024-11-21-story.md', at: Site = site()): Article {
  const parsed = parseArticle(source(name, text), at);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.format()).join('\n'));
  return parsed.value;
}

function problems(text: string, name = 'articles/bad.md'): string[] {
  const parsed = parseArticle(source(name, text), site());
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((p) => p.format());
}

beforeAll(loadLanguageRegistry);

describe('parseSettings', () => {
  it('reads a complete file and normalises the base URL to end in /', () => {
    const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML.replace('example/', 'example/news')));
    expect(parsed.ok && parsed.value).toMatchObject({ url: 'https://news.test.example/news/', timezone: 'Europe/Brussels', feedLimit: 20, authors: [{ name: 'Rédaction' }] });
  });

  it('defaults timezone to UTC and feedLimit to 20', () => {
    const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML.replace('timezone: Europe/Brussels\n', '')));
    expect(parsed.ok && [parsed.value.timezone, parsed.value.feedLimit]).toEqual(['UTC', 20]);
  });

  it('defaults pageSize to 50, takes a given one and refuses one below 1', () => {
    const read = (extra: string) => parseSettings(source('syndic.yaml', SETTINGS_YAML + extra));
    const defaulted = read('');
    expect(defaulted.ok && defaulted.value.pageSize).toBe(50);
    const given = read('pageSize: 20\n');
    expect(given.ok && given.value.pageSize).toBe(20);
    const zero = read('pageSize: 0\n');
    expect(zero.ok ? [] : zero.problems.map((p) => p.format().split('\n')[0])).toEqual([expect.stringMatching(/^syndic\.yaml:7: pageSize: /)]);
  });

  it('lets CLI overrides win over the file', () => {
    const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML), { url: 'http://other.example', timezone: 'UTC' });
    expect(parsed.ok && [parsed.value.url, parsed.value.timezone]).toEqual(['http://other.example/', 'UTC']);
  });

  it('reports every bad field with its line at once', () => {
    const parsed = parseSettings(source('syndic.yaml', 'title: ""\nurl: not a url\nlanguage: "!!"\ntimezone: Mars/Olympus\nauthor: X\ncolour: red\n'));
    expect(parsed.ok).toBe(false);
    const lines = parsed.ok ? [] : parsed.problems.map((p) => p.format().split('\n')[0]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'syndic.yaml:1: title: must not be empty',
        'syndic.yaml:1: description: is required',
        'syndic.yaml:2: url: is not an absolute http(s) URL',
        'syndic.yaml:3: language: is not a language tag in the IANA registry',
        'syndic.yaml:4: timezone: is not an IANA time zone',
        'syndic.yaml:6: colour: is not a known field',
      ]),
    );
  });

  it('names the flag when an override is wrong', () => {
    const parsed = parseSettings(source('syndic.yaml', SETTINGS_YAML), { url: 'ftp://x' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.code, p.message])).toEqual([['USAGE', '--base-url is not an absolute http(s) URL']]);
  });
});

describe('parseArticle', () => {
  it('reads a date-only value as midnight in the site time zone', () => {
    expect(article('---\ntitle: T\ndate: 2024-11-21\n---\nBody\n').date.toISOString()).toBe('2024-11-20T23:00:00.000Z');
  });

  it('keeps the offset of an RFC 3339 date-time', () => {
    expect(article('---\ntitle: T\ndate: 2024-07-01T10:00:00-04:00\n---\n').date.toISOString()).toBe('2024-07-01T14:00:00.000Z');
  });

  it('applies defaults: site author and language, no tags, not a draft, updated = date', () => {
    const a = article('---\ntitle: T\ndate: 2024-11-21\n---\n');
    expect(a).toMatchObject({ authors: [{ name: 'Rédaction' }], lang: 'fr', tags: [], draft: false, slug: 'story' });
    expect(a.updated).toEqual(a.date);
  });

  it('accepts every author shape', () => {
    const a = article('---\ntitle: T\ndate: 2024-11-21\nauthor:\n  - Ana\n  - {name: Bo, email: bo@x.example, url: "https://bo.example/"}\n---\n');
    expect(a.authors).toEqual([{ name: 'Ana' }, { name: 'Bo', email: 'bo@x.example', url: 'https://bo.example/' }]);
  });

  it('derives a tag: id from host, day and file name, not from the title or slug', () => {
    const a = article('---\ntitle: T\ndate: 2024-11-21\nslug: other\n---\n');
    expect(a.id).toBe('tag:news.test.example,2024-11-21:2024-11-21-story');
    expect(article('---\ntitle: Retitled\ndate: 2024-11-21\n---\n').id).toBe(a.id);
  });

  it('keeps the id across http→https and a dropped trailing slash', () => {
    const date = new Date('2024-11-20T23:00:00Z');
    expect(defaultId(site({ url: 'http://news.test.example/' }), date, 's')).toBe(defaultId(site({ url: 'https://news.test.example' }), date, 's'));
  });

  it('slugs the file name, dropping a date prefix and accents', () => {
    expect(article('---\ntitle: T\ndate: 2024-11-21\n---\n', 'articles/2024-11-21-Politique étrangère.md').slug).toBe('politique-etrangere');
  });

  it('ignores a BOM and CRLF line endings', () => {
    expect(article('\uFEFF---\r\ntitle: T\r\ndate: 2024-11-21\r\n---\r\nBody\r\n').markdown.trim()).toBe('Body');
  });

  it('keeps Markdown on the same line numbers as the file', () => {
    expect(article('---\ntitle: T\ndate: 2024-11-21\n---\nBody\n').markdown.split('\n')[4]).toBe('Body');
  });

  it('reports a missing title and a bad date with file, line, field and hint', () => {
    expect(problems('---\ndate: 32/13/2024\n---\n')).toEqual([
      'articles/bad.md:1: title: is required: add a line `title: "…"`',
      'articles/bad.md:2: date: "32/13/2024" is not a date\n  hint: use YYYY-MM-DD, or an RFC 3339 date-time such as 2024-11-21T09:30:00+01:00',
    ]);
  });

  it('rejects impossible calendar dates', () => {
    expect(problems('---\ntitle: T\ndate: 2024-02-30\n---\n')[0]).toContain('articles/bad.md:3: date: "2024-02-30" is not a date');
  });

  it('reports invalid YAML with its line and column', () => {
    const [first = ''] = problems('---\ntitle: T\ndate: [2024\n---\n');
    expect(first).toMatch(/^articles\/bad\.md:3:\d+: /);
    // The position is said once, in file:line:column, not again in the message.
    expect(first).not.toMatch(/line \d|column \d/);
  });

  it('rejects updated before date', () => {
    expect(problems('---\ntitle: T\ndate: 2024-11-21\nupdated: 2024-11-20\n---\n')[0]).toContain('articles/bad.md:4: updated: 2024-11-20 is earlier than date 2024-11-21');
  });

  it('rejects a slug that could leave the output folder', () => {
    expect(problems('---\ntitle: T\ndate: 2024-11-21\nslug: ../../x\n---\n')[0]).toContain('articles/bad.md:4: slug: may use only');
  });

  it('rejects unknown fields, with the field meant when one is close, else the known ones', () => {
    expect(problems('---\ntitle: T\ndate: 2024-11-21\ntitel: typo\n---\n')[0]).toBe('articles/bad.md:4: titel: is not a known field\n  hint: did you mean title?');
    expect(problems('---\ntitle: T\ndate: 2024-11-21\nzzz: typo\n---\n')[0]).toMatch(/^articles\/bad\.md:4: zzz: is not a known field\n {2}hint: known fields: title, date/);
  });

  it('rejects a file without frontmatter', () => {
    expect(problems('Just text\n')[0]).toContain('articles/bad.md:1: has no frontmatter');
  });

  it('rejects ids that are not absolute URIs', () => {
    expect(problems('---\ntitle: T\ndate: 2024-11-21\nid: my story\n---\n')[0]).toContain('articles/bad.md:4: id: must be a tag:, urn:, http: or https: URI');
  });
});
