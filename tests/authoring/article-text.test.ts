import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFileName, articleText } from '../../src/authoring/article-text.js';
import { parseArticle } from '../../src/parse.js';
import { site, source } from '../support/factories.js';

describe('articleText', () => {
  it('writes the frontmatter in a fixed order, the title double-quoted', () => {
    expect(articleText({ title: "L'été: « chaud »", date: '2024-07-01', authors: [{ name: 'Ann' }], lang: 'fr', draft: true }, '')).toBe(
      '---\ntitle: "L\'été: « chaud »"\ndate: 2024-07-01\nauthor: Ann\nlang: fr\ndraft: true\n---\n\n',
    );
  });

  it('writes a person with an email as a mapping, and several as a list', () => {
    const text = articleText({ title: 'T', date: '2024-07-01', authors: [{ name: 'Ann', email: 'ann@x.example' }, { name: 'Bob' }] }, 'Body\n\n');
    expect(text).toBe('---\ntitle: "T"\ndate: 2024-07-01\nauthor:\n  - name: Ann\n    email: ann@x.example\n  - Bob\n---\n\nBody\n');
    const parsed = parseArticle(source('articles/2024-07-01-t.md', text), site());
    expect(parsed.ok && parsed.value.authors).toEqual([{ name: 'Ann', email: 'ann@x.example' }, { name: 'Bob' }]);
  });

  it('round-trips any title and author name through the real parser', () => {
    const words = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((value) => value.trim().length > 0);
    fc.assert(
      fc.property(words, words, (title, name) => {
        const parsed = parseArticle(source('articles/2024-07-01-x.md', articleText({ title, date: '2024-07-01', authors: [{ name }], lang: 'fr', draft: true }, 'Body')), site());
        expect(parsed.ok ? { title: parsed.value.title, authors: parsed.value.authors, draft: parsed.value.draft } : parsed.problems.map((p) => p.format())).toEqual({
          title: title.trim().normalize('NFC'),
          authors: [{ name: name.trim().normalize('NFC') }],
          draft: true,
        });
      }),
    );
  });
});

describe('articleFileName', () => {
  it('is the date and the slugified title', () => {
    expect(articleFileName('2024-11-21', "Titre de l'article")).toBe('2024-11-21-titre-de-l-article.md');
    expect(articleFileName('2024-11-21', 'Corée du Nord : 100 000 soldats ?')).toBe('2024-11-21-coree-du-nord-100-000-soldats.md');
  });

  it('is undefined when the title has no letters or digits', () => {
    expect(articleFileName('2024-11-21', '?!…')).toBeUndefined();
  });
});

describe('articleFileName of a long title', () => {
  it('cuts the slug at a word within 200 bytes, so `new` never asks for a name the filesystem refuses', () => {
    const name = articleFileName('2024-11-21', 'Élection présidentielle '.repeat(40)) ?? '';
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^2024-11-21-(election-presidentielle-)+election(-presidentielle)?\.md$/);
  });

  it('keeps every name within 255 bytes and the page name SLUG.html too, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (title) => {
        const name = articleFileName('2024-11-21', title);
        if (name === undefined) return;
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
        expect(Buffer.byteLength(`${name.slice('2024-11-21-'.length, -'.md'.length)}.html`)).toBeLessThanOrEqual(255);
      }),
    );
  });
});
