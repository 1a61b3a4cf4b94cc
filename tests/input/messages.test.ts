// The error-message table of issue 12: each input gives a sentence a person can act on.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageRegistry } from '../../src/input/language.js';
import { closest, suggestTimeZone } from '../../src/input/messages.js';
import { parseArticle, parseSettings } from '../../src/parse.js';
import { SETTINGS_YAML, site, source } from '../support/factories.js';

beforeAll(loadLanguageRegistry);

function articleProblems(text: string): string[] {
  const parsed = parseArticle(source('articles/a.md', text), site());
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((problem) => problem.format());
}

function settingsProblems(text: string): string[] {
  const parsed = parseSettings(source('syndic.yaml', text));
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((problem) => problem.format());
}

describe('error messages', () => {
  it('tags written as text: shows the list to write', () => {
    expect(articleProblems('---\ntitle: T\ndate: 2024-11-21\ntags: Russie, Ukraine\n---\nX\n')[0]).toMatch(/^articles\/a\.md:4: tags: must be a list: tags: \[Russie, Ukraine\]\n {2}hint: /);
  });

  it('draft: yes: true or false', () => {
    expect(articleProblems('---\ntitle: T\ndate: 2024-11-21\ndraft: yes\n---\nX\n')[0]).toBe('articles/a.md:4: draft: is true or false\n  hint: write draft: true or draft: false (received "yes")');
  });

  it('feedLimit: 0: a sentence with the allowed range', () => {
    expect(settingsProblems(`${SETTINGS_YAML}feedLimit: 0\n`)).toContainEqual(expect.stringMatching(/^syndic\.yaml:\d+: feedLimit: must be a whole number from 1 to 100000\n {2}hint: received 0$/));
  });

  it('an unclosed quote: one sentence, the position once', () => {
    const [problem = ''] = articleProblems('---\ntitle: T\nsummary: "Une citation\ndate: 2024-11-21\n---\nX\n');
    expect(problem).toMatch(/^articles\/a\.md:3:10: this line opens a value with " that is never closed\n {2}hint: add the closing "/);
    expect(problem).not.toMatch(/line \d|column \d|Missing closing/);
  });

  it('frontmatter never closed', () => {
    expect(articleProblems('---\ntitle: T\ndate: 2024-11-21\n\nLe texte.\n')).toEqual(['articles/a.md:1: frontmatter starting at line 1 is never closed by ---\n  hint: add a line "---" after the last field, before the article text']);
  });

  it('TOML frontmatter', () => {
    expect(articleProblems('+++\ntitle = "T"\ndate = 2024-11-21\n+++\nX\n')[0]).toMatch(/^articles\/a\.md:1: TOML frontmatter is not supported; use YAML, or syndic import --from hugo\n/);
  });

  it('did you mean, for fields and time zones', () => {
    expect(articleProblems('---\ntitel: T\ndate: 2024-11-21\n---\nX\n')).toContain('articles/a.md:2: titel: is not a known field\n  hint: did you mean title?');
    expect(settingsProblems(SETTINGS_YAML.replace('timezone: Europe/Brussels', 'timezone: Paris'))).toContainEqual(expect.stringMatching(/timezone: is not an IANA time zone\n {2}hint: did you mean Europe\/Paris\?$/));
    expect(settingsProblems(`${SETTINGS_YAML}groups: {tag: false}\n`)).toContainEqual('syndic.yaml:7: groups.tag: is not a known field\n  hint: did you mean groups.tags?');
    expect(suggestTimeZone('new york')).toBe('America/New_York');
    expect(suggestTimeZone('Europe/Pris')).toBe('Europe/Paris');
    expect(closest('feedlimit', ['title', 'feedLimit'])).toBe('feedLimit');
  });

  it("names the Syndic field for another generator's", () => {
    expect(articleProblems('---\ntitle: T\ndate: 2024-11-21\ndescription: D\n---\nX\n')).toEqual([
      'articles/a.md:4: description: is not a known field\n  hint: a Jekyll, Hugo or Eleventy field: write summary: instead; syndic import --from jekyll|hugo|eleventy DIR converts a whole folder',
    ]);
  });

  it('languages: English → en, french → fr', () => {
    expect(settingsProblems(SETTINGS_YAML.replace(/language: \S+/, 'language: English'))).toContainEqual(expect.stringMatching(/language: is not a language tag in the IANA registry\n {2}hint: write en$/));
    expect(articleProblems('---\ntitle: T\ndate: 2024-11-21\nlang: french\n---\nX\n')[0]).toBe('articles/a.md:4: lang: is not a language tag in the IANA registry\n  hint: write fr');
  });

  it('an empty body is a warning, not silence, and not a failure', () => {
    const parsed = parseArticle(source('articles/a.md', '---\ntitle: T\ndate: 2024-11-21\n---\n\n'), site());
    expect(parsed.ok && parsed.value.notices?.map((notice) => notice.message)).toEqual(['has no text after its frontmatter; readers will get an empty entry']);
    const draft = parseArticle(source('articles/a.md', '---\ntitle: T\ndate: 2024-11-21\ndraft: true\n---\n'), site());
    expect(draft.ok && draft.value.notices).toBeUndefined();
  });
});
