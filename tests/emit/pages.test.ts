import { describe, expect, it } from 'vitest';
import { articlePage, indexPage } from '../../src/emit/pages.js';
import { entry, feedSpec, site } from '../support/factories.js';

describe('articlePage', () => {
  const story = entry({ title: 'Tom & <Jerry>', summary: 'Résumé "court"', tags: ['Russie', 'Défense'], html: '<p>Corps</p>\n' });
  const page = articlePage(story, site(), feedSpec([story])).contents;

  it('lives where the feed links point', () => {
    expect(articlePage(story, site(), feedSpec([story])).path).toBe('articles/story.html');
  });

  it('declares its language and escapes the title', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain('<h1>Tom &amp; &lt;Jerry&gt;</h1>');
    expect(page).toContain('<meta name="description" content="Résumé &quot;court&quot;">');
  });

  it('advertises all three feeds for autodiscovery', () => {
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Test News (RSS)" href="https://news.test.example/rss.xml">');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Test News (Atom)" href="https://news.test.example/atom.xml">');
    expect(page).toContain('<link rel="alternate" type="application/feed+json" title="Test News (JSON Feed)" href="https://news.test.example/feed.json">');
  });

  it('shows author, tags and a date localised in the site zone', () => {
    expect(page).toContain('<p>Peter van Halteren · <time datetime="2024-11-21T00:00:00+01:00">21 novembre 2024</time></p>');
    expect(page).toContain('<p>Russie · Défense</p>');
    expect(page).toContain('<p>Corps</p>');
  });
});

describe('indexPage', () => {
  it('lists entries in the order given, linking to their pages', () => {
    const entries = [entry({ slug: 'new', title: 'New' }), entry({ slug: 'old', title: 'Old' })];
    const html = indexPage(entries, site(), feedSpec(entries)).contents;
    expect(html.indexOf('articles/new.html')).toBeLessThan(html.indexOf('articles/old.html'));
    expect(html).toContain('<html lang="fr">');
  });
});
