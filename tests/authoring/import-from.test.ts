import { beforeAll, describe, expect, it } from 'vitest';
import { convertPost, dateString } from '../../src/authoring/import-from.js';
import { loadLanguageRegistry } from '../../src/input/language.js';
import { site } from '../support/factories.js';

beforeAll(loadLanguageRegistry);

const at = site({ url: 'https://old.example/' });

describe('dateString', () => {
  it.each([
    ['2024-11-21 10:00:00 +0100', '2024-11-21T10:00:00+01:00'],
    ['2024-11-21 10:00 +01:00', '2024-11-21T10:00:00+01:00'],
    ['2024-11-21 10:00:00', '2024-11-21T10:00:00'],
    ['2024-11-21', '2024-11-21'],
  ])('%s → %s', (jekyll, syndic) => {
    expect(dateString(jekyll)).toBe(syndic);
  });
});

describe('convertPost', () => {
  it('maps a Jekyll post: categories join tags, excerpt becomes summary, the old URL its id', () => {
    const text = '---\nlayout: post\ntitle: "Seoul warns"\ndate: 2024-11-21 10:00:00 +0100\ncategories: world asia\ntags: [Korea]\nexcerpt: "Short."\n---\n\nBody.\n';
    const converted = convertPost(text, '_posts/2024-11-21-seoul-warns.md', 'jekyll', at);
    expect(converted.ok && converted.value).toMatchObject({
      frontmatter: { title: 'Seoul warns', date: '2024-11-21T10:00:00+01:00', summary: 'Short.', tags: ['Korea', 'world', 'asia'], id: 'https://old.example/world/asia/2024/11/21/seoul-warns.html' },
      day: '2024-11-21',
      unmapped: ['layout (dropped)'],
      body: 'Body.\n',
    });
  });

  it('reads Hugo TOML frontmatter, with lastmod, description and its section URL', () => {
    const text = '+++\ntitle = "Le brief"\ndate = 2024-11-21T08:00:00+01:00\nlastmod = 2024-11-21T09:30:00+01:00\ndescription = "Résumé."\ncategories = ["Monde"]\nslug = "brief"\nweight = 1\n+++\n\nTexte.\n';
    const converted = convertPost(text, 'content/posts/le-brief.md', 'hugo', at);
    expect(converted.ok && converted.value.frontmatter).toEqual({
      title: 'Le brief',
      date: '2024-11-21T08:00:00+01:00',
      updated: '2024-11-21T09:30:00+01:00',
      summary: 'Résumé.',
      tags: ['Monde'],
      id: 'https://old.example/posts/brief/',
      slug: 'brief',
    });
    expect(converted.ok && converted.value.unmapped).toEqual(['weight (dropped)']);
  });

  it('keeps an explicit permalink as the id, and turns published: false into a draft', () => {
    const eleventy = convertPost('---\ntitle: Hi\ndate: 2024-11-20\npermalink: /blog/hi/\n---\nHi.\n', 'posts/hi.md', 'eleventy', at);
    expect(eleventy.ok && eleventy.value.frontmatter.id).toBe('https://old.example/blog/hi/');
    const draft = convertPost('---\ntitle: Note\npublished: false\n---\nX\n', '_posts/2024-11-22-note.md', 'jekyll', at);
    expect(draft.ok && draft.value.frontmatter).toMatchObject({ date: '2024-11-22', draft: true });
  });

  it('reports what it cannot read', () => {
    const missing = convertPost('---\ntitle: T\n---\nX\n', 'posts/t.md', 'hugo', at);
    expect(missing.ok ? [] : missing.problems.map((problem) => problem.message)).toEqual(['has no date']);
    const open = convertPost('+++\ntitle = "T"\n', 'posts/t.md', 'hugo', at);
    expect(open.ok ? [] : open.problems.map((problem) => problem.message)).toEqual(['frontmatter starting at line 1 is never closed by +++']);
  });
});
