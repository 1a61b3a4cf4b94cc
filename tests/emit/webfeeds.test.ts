// Feedly's webfeeds: elements and the one logo/icon setting, in every format that has a place
// for them: RSS <image>, Atom <logo>/<icon>, JSON Feed icon/favicon.
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { jsonDocument } from '../../src/emit/json.js';
import { rssDocument } from '../../src/emit/rss.js';
import { entry, feedSpec } from '../support/factories.js';
import { validateAtom, validateRss } from '../support/validators.js';

const LOGO = 'https://news.test.example/logo.png?v=1&size=2';
const ICON = 'https://news.test.example/icon.png';
const spec = feedSpec([entry()], {
  image: LOGO,
  icon: ICON,
  webfeeds: { cover: 'https://news.test.example/cover.jpg', accentColor: '2A6EBB', related: { layout: 'card', target: 'browser' } },
});

describe('webfeeds and the logo', () => {
  it('RSS: webfeeds: icon, logo, cover, accentColor, related, declared; the logo is <image>', async () => {
    const xml = rssDocument(spec);
    expect(xml).toContain('xmlns:webfeeds="http://webfeeds.org/rss/1.0"');
    expect(xml).toContain(`<webfeeds:icon>${ICON}</webfeeds:icon>`);
    expect(xml).toContain('<webfeeds:logo>https://news.test.example/logo.png?v=1&#x26;size=2</webfeeds:logo>');
    expect(xml).toContain('<webfeeds:cover image="https://news.test.example/cover.jpg"/>');
    expect(xml).toContain('<webfeeds:accentColor>2A6EBB</webfeeds:accentColor>');
    expect(xml).toContain('<webfeeds:related layout="card" target="browser"/>');
    expect(parseRssFeed(xml).image?.url).toBe(LOGO);
    expect(await validateRss(xml)).toEqual([]);
  });

  it('Atom: the same elements at feed level, the logo as <logo> and the icon as <icon>', async () => {
    const xml = atomDocument(spec);
    expect(xml).toMatch(/^<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xmlns:webfeeds="http:\/\/webfeeds.org\/rss\/1.0"/m);
    expect(xml).toContain('<webfeeds:accentColor>2A6EBB</webfeeds:accentColor>');
    const feed = parseAtomFeed(xml);
    expect(feed.logo).toBe(LOGO);
    expect(feed.icon).toBe(ICON);
    expect(xml.indexOf('<webfeeds:icon>')).toBeLessThan(xml.indexOf('<entry>'));
    expect(await validateAtom(xml)).toEqual([]);
  });

  it('JSON Feed: the icon is icon and favicon', () => {
    const json = JSON.parse(jsonDocument(spec)) as Record<string, unknown>;
    expect(json.icon).toBe(ICON);
    expect(json.favicon).toBe(ICON);
  });

  it('writes nothing of it, and no namespace, when the settings name none', () => {
    const plain = feedSpec([entry()]);
    for (const xml of [rssDocument(plain), atomDocument(plain)]) {
      expect(xml).not.toContain('webfeeds');
      expect(xml).not.toMatch(/<image>|<logo>|<icon>/);
    }
    expect(JSON.parse(jsonDocument(plain))).not.toHaveProperty('icon');
  });
});
