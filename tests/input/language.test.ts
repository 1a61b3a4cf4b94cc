import { beforeAll, describe, expect, it } from 'vitest';
import { languageProblem, loadLanguageRegistry } from '../../src/input/language.js';

beforeAll(loadLanguageRegistry);

describe('languageProblem', () => {
  it.each(['en', 'fr', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'es-419', 'gsw'])('accepts %s', (tag) => {
    expect(languageProblem(tag)).toBeUndefined();
  });

  it.each([
    ['English', 'write en'],
    ['french', 'write fr'],
    ['iw', 'write he'],
    ['en_GB', 'write en-GB'],
  ])('refuses %s, well-formed or not, and suggests the tag (%s)', (tag, hint) => {
    expect(languageProblem(tag)?.hint).toBe(hint);
  });

  it('refuses a tag not in the registry with a general hint', () => {
    expect(languageProblem('xx')).toEqual({ message: 'is not a language tag in the IANA registry', hint: 'use a BCP 47 tag such as "fr", "en-GB" or "pt-BR"' });
  });
});
