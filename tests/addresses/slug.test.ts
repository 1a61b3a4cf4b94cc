import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSlug, legacy, nameSlug, slug } from '../../src/addresses/slug.js';

describe('slug', () => {
  it.each([
    ["Les Œuvres d'art", 'les-oeuvres-d-art'],
    ["McDonald's et l'iPhone", 'mcdonalds-et-l-iphone'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['東京', '東京'],
    ['서울 뉴스', '서울-뉴스'],
    ['日本語News', '日本語news'],
    ['Politique étrangère', 'politique-etrangere'],
    ['Корея', 'koreya'],
    ['Straße', 'strasse'],
    ['Arts & Culture', 'arts-and-culture'],
    ['Peter van Halteren', 'peter-van-halteren'],
  ])('%s → %s', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  it('is the same for file names, tags and authors (one policy)', () => {
    expect(fileSlug('2024-11-21-東京')).toBe('東京');
    expect(fileSlug("2024-11-21-Les Œuvres d'art")).toBe(slug("Les Œuvres d'art"));
    expect(nameSlug('C++')).toBe(slug('C++'));
  });

  it('names a name without letters or digits by its code points', () => {
    expect(slug('?!')).toBe('');
    expect(nameSlug('?!')).toBe('u3f-21');
  });

  it('keeps what 0.2.0 made, to know where pages and feeds used to be', () => {
    expect(legacy.nameSlug('C++')).toBe('c');
    expect(legacy.fileSlug("2024-11-21-McDonald's et l'iPhone")).toBe('mc-donalds-et-l-i-phone');
    expect(legacy.nameSlug('東京')).toBe('東京');
  });

  it('never makes a path that leaves its folder, and is stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const made = nameSlug(text);
        expect(made).not.toMatch(/[/\\?#%\s]|^\.\.?$/);
        expect(made.length).toBeGreaterThan(0);
        expect(nameSlug(text)).toBe(made);
        // Letters of any script (a few, like ℾ, have no lower case), digits and "-" only.
        expect(slug(text)).toMatch(/^[\p{L}\p{N}-]*$/u);
      }),
    );
  });
});
