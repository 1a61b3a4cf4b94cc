// Each feed's own title, description, pictures and feedContent: the group's `about` entry,
// then its kind's settings, then the site's.
import { describe, expect, it } from 'vitest';
import type { Entry, FeedSpec, Site } from '../src/model.js';
import { plans, subscriptionSpec } from '../src/select.js';
import { entry, site } from './support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');

function specs(options: Site, entries: Entry[]): Map<string, FeedSpec> {
  return new Map(plans(entries, options).map((feed) => [feed.dir, subscriptionSpec(feed, options, (e) => e, NOW)]));
}

const entries = [entry({ slug: 'a', tags: ['Politique', '__proto__', 'Sport'] })];

describe('feed presentation', () => {
  const options = site({
    logo: 'https://news.test.example/logo.png',
    feedContent: 'summary',
    groups: {
      tag: { feedLimit: 20, minArticles: 1, feedContent: 'full', about: [{ name: 'politique', title: 'La politique', description: 'Tout sur la politique', image: 'https://news.test.example/politique.png' }, { name: '__proto__', feedContent: 'summary' }] },
      author: { feedLimit: 20, minArticles: 1 },
    },
  });
  const all = specs(options, entries);

  it('gives a group its about entry’s title, description and image, found by folder', () => {
    const politique = all.get('tags/politique/');
    expect(politique?.title).toBe('La politique');
    expect(politique?.description).toBe('Tout sur la politique');
    expect(politique?.image).toBe('https://news.test.example/politique.png');
  });

  it('keeps the defaults and the site logo for groups without an entry, __proto__ included', () => {
    expect(all.get('tags/sport/')).toMatchObject({ title: 'Sport · Test News', description: 'Sport · News for tests', image: 'https://news.test.example/logo.png' });
    expect(all.get('tags/proto/')).toMatchObject({ title: '__proto__ · Test News', image: 'https://news.test.example/logo.png' });
  });

  it('takes feedContent from the entry, then the kind, then the site', () => {
    expect(all.get('')?.feedContent).toBe('summary');
    expect(all.get('tags/politique/')).not.toHaveProperty('feedContent');
    expect(all.get('tags/proto/')?.feedContent).toBe('summary');
    expect(all.get('authors/peter-van-halteren/')?.feedContent).toBe('summary');
  });

  it('uses the logo as icon when no icon is set, and names the site’s stylesheet', () => {
    expect(all.get('')).toMatchObject({ icon: 'https://news.test.example/logo.png', stylesheet: 'https://news.test.example/feed.xsl' });
    expect(specs(site({ icon: 'https://news.test.example/i.png' }), entries).get('')).toMatchObject({ icon: 'https://news.test.example/i.png' });
    expect(specs(site(), entries).get('')).not.toHaveProperty('image');
  });
});
