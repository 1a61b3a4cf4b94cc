// The feed presentation settings of issue 15: logo, icon, webfeeds, feedContent and the
// per-group `about` lists, as parseSettings turns them into the Site.
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../src/parse.js';
import type { Site } from '../src/model.js';
import { SETTINGS_YAML, source } from './support/factories.js';

function parsed(extra: string): Site {
  const result = parseSettings(source('syndic.yaml', SETTINGS_YAML + extra));
  if (!result.ok) throw new Error(result.problems.map((p) => p.format()).join('\n'));
  return result.value;
}

function problems(extra: string): string[] {
  const result = parseSettings(source('syndic.yaml', SETTINGS_YAML + extra));
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => p.format());
}

describe('feed presentation settings', () => {
  it('adds nothing to the Site when none is set, so the cache key and outputs stay as they were', () => {
    const site = parsed('');
    for (const key of ['logo', 'icon', 'webfeeds', 'feedContent'] as const) expect(site).not.toHaveProperty(key);
    expect(parsed('feedContent: full\n')).not.toHaveProperty('feedContent');
  });

  it('reads logo, icon, feedContent and webfeeds (the colour without #, upper case)', () => {
    const site = parsed('logo: https://news.test.example/logo.png\nicon: https://news.test.example/icon.png\nfeedContent: summary\nwebfeeds: {accentColor: "#2a6ebb", related: {layout: card}}\n');
    expect(site.logo).toBe('https://news.test.example/logo.png');
    expect(site.icon).toBe('https://news.test.example/icon.png');
    expect(site.feedContent).toBe('summary');
    expect(site.webfeeds).toEqual({ accentColor: '2A6EBB', related: { layout: 'card' } });
  });

  it('reads the about lists and each kind’s feedContent', () => {
    const site = parsed('groups:\n  tags:\n    feedContent: summary\n    about:\n      - name: Politique\n        title: "Politique & monde"\n        image: https://news.test.example/p.png\n  authors:\n    about:\n      - {name: __proto__, feedContent: full}\n');
    expect(site.groups.tag).toEqual({ feedLimit: 20, minArticles: 1, feedContent: 'summary', about: [{ name: 'Politique', title: 'Politique & monde', image: 'https://news.test.example/p.png' }] });
    expect(site.groups.author).toEqual({ feedLimit: 20, minArticles: 1, about: [{ name: '__proto__', feedContent: 'full' }] });
    expect(Object.getPrototypeOf(site.groups.author)).toBe(Object.prototype);
  });

  it('refuses about as a map keyed by names, with its line and the list form as hint', () => {
    expect(problems('groups:\n  tags:\n    about:\n      __proto__: {title: X}\n')).toEqual([
      expect.stringMatching(/^syndic\.yaml:9: groups\.tags\.about: must be a list of \{name: …\} entries, not a map keyed by name\n {2}hint: write each group as "- name: Politique"/),
    ]);
  });

  it('refuses two entries for one folder, a local or relative image, and an unknown feedContent', () => {
    expect(problems('groups:\n  tags:\n    about:\n      - name: Économie\n      - name: economie\n').join('\n')).toMatch(/syndic\.yaml:11: groups\.tags\.about\.1\.name: "economie" is described twice \(first as "Économie"\): both name the tag folder tags\/economie\//);
    expect(problems('logo: media/logo.png\n').join('\n')).toMatch(/logo: is not an absolute http\(s\) URL/);
    expect(problems('feedContent: excerpt\n').join('\n')).toMatch(/feedContent: must be one of full, summary|feedContent: must be full or summary/);
    expect(problems('webfeeds: {accentColor: red}\n').join('\n')).toMatch(/webfeeds\.accentColor: must be a colour of six hex digits/);
  });
});
