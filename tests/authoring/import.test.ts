import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fr } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { dateLocale as localeFor } from '../../src/emit/date-locale.js';
import { importArticle, parseDay } from '../../src/authoring/import.js';

const SEED = path.resolve(import.meta.dirname, '../fixtures/seed/000_2424ce9b224a0d52.txt');

function problems(text: string, language = 'fr'): string[] {
  const result = importArticle(text, 'scrape.txt', language);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => problem.format());
}

describe('importArticle', () => {
  it('takes the title from ##, the author and date from the byline, and keeps the rest as the body', async () => {
    const result = importArticle(await readFile(SEED, 'utf8'), 'seed.txt', 'fr');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ title: "La Corée du Nord pourrait envoyer jusqu'à 100 000 soldats en Russie", date: '2024-11-21', authors: ['Peter van Halteren'] });
    expect(result.value.body).toMatch(/^La Corée du Nord pourrait déployer .*Troisième Guerre mondiale\.\n$/s);
  });

  it('reads several authors, a plain date and a CRLF file', () => {
    const result = importArticle('## Titre\r\n\r\n- Ann\r\n- [Bob](https://x.example/bob)\r\n- 02/03/2024\r\n\r\nTexte.\r\n', 'a.txt', 'fr');
    expect(result).toEqual({ ok: true, value: { title: 'Titre', date: '2024-03-02', authors: ['Ann', 'Bob'], body: 'Texte.\n' } });
  });

  it('reads dates the way the site language writes them', () => {
    expect(importArticle('## T\n\n- 11/21/2024\n\nBody\n', 'a.txt', 'en').ok).toBe(true);
    expect(problems('## T\n\n- 11/21/2024\n\nBody\n', 'fr')).toEqual(['scrape.txt:3: "11/21/2024" is not a date\n  hint: write it as 21/11/2024 (the site\'s language is fr) or YYYY-MM-DD']);
    expect(parseDay('21 novembre 2024', fr)).toBe('2024-11-21');
    expect(parseDay('2024-11-21', fr)).toBe('2024-11-21');
    expect(parseDay('Peter', fr)).toBeUndefined();
  });

  it('finds the date-fns locale of a BCP 47 tag', () => {
    expect(localeFor('fr').code).toBe('fr');
    expect(localeFor('fr-CA').code).toBe('fr-CA');
    expect(localeFor('en').code).toBe('en-US');
    expect(localeFor('en-GB').code).toBe('en-GB');
    expect(localeFor('de-AT').code).toBe('de-AT');
  });

  it.each([
    ['', 'scrape.txt:1: no `##` title heading found\n  hint: the headline must be a line starting with "## "'],
    ['# Only a level-one heading\n\nText', 'scrape.txt:1: no `##` title heading found\n  hint: the headline must be a line starting with "## "'],
    ['\n\n## Title\n\nText without byline\n', 'scrape.txt:5: no byline list found under the title\n  hint: list the author and the date under the headline, e.g. "- Peter van Halteren" and "- 21/11/2024"'],
    ['## Title\n\n- Ann\n\nText\n', 'scrape.txt:3: no date found in the byline list\n  hint: add an item with the publication date, e.g. "- 21/11/2024"'],
    ['## Title\n- Ann\n- [32/13/2024](#)\n\nText\n', 'scrape.txt:3: "32/13/2024" is not a date\n  hint: write it as 21/11/2024 (the site\'s language is fr) or YYYY-MM-DD'],
  ])('names what is missing in %j', (text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('reports every problem of one file at once', () => {
    expect(problems('## Title\n\n- Ann\n\n')).toEqual([
      'scrape.txt:3: no date found in the byline list\n  hint: add an item with the publication date, e.g. "- 21/11/2024"',
      'scrape.txt:4: no article text found after the byline\n  hint: the scrape may be cut short: check the source page',
    ]);
  });
});
