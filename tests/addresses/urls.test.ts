import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedUrls, groupDir, groupSlug, groupUrl } from '../../src/addresses/urls.js';
import { site } from '../support/factories.js';

describe('groupSlug', () => {
  it.each([
    ['Politique étrangère', 'politique-etrangere'],
    ['Corée du Nord', 'coree-du-nord'],
    ['R&D', 'r-and-d'],
    ['Peter van Halteren', 'peter-van-halteren'],
    ['日本語', '日本語'],
    ['עברית', 'עברית'],
    ['?!', 'u3f-21'],
  ])('%s → %s', (name, slug) => {
    expect(groupSlug(name)).toBe(slug);
  });

  it('gives the same folder to the same name written in NFC or NFD', () => {
    expect(groupSlug('Corée'.normalize('NFD'))).toBe(groupSlug('Corée'.normalize('NFC')));
  });

  it('is never empty and never leaves its folder, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (name) => {
        const slug = groupSlug(name);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug).not.toMatch(/[/\\]|^\.\.?$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('group addresses', () => {
  it('put each group in its own folder below the base URL, percent-encoded where needed', () => {
    expect(groupDir('tag', 'Politique étrangère')).toBe('tags/politique-etrangere/');
    expect(groupUrl('author', 'Peter van Halteren', site({ url: 'https://x.example/news/' }))).toBe('https://x.example/news/authors/peter-van-halteren/');
    expect(feedUrls(groupDir('tag', '日本語'), site({ url: 'https://x.example/' })).atom).toBe('https://x.example/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/atom.xml');
  });
});
