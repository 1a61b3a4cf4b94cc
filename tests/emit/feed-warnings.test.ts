// `syndic check` warns about a lead image Flipboard would not show (under 400 px) and about an
// `about` entry that describes no group.
import { describe, expect, it } from 'vitest';
import { feedWarnings } from '../../src/emit/feed-warnings.js';
import { podcastWarnings } from '../../src/emit/podcast-warnings.js';
import type { ResolvedMedia } from '../../src/media/assets.js';
import type { Assets } from '../../src/model.js';
import { article, site } from '../support/factories.js';

const image = { location: 'media/lead.png', file: 'articles/a.md', line: 4, field: 'image.url' };

function media(assets: Record<string, Assets>): ResolvedMedia {
  return { assets: new Map(Object.entries(assets)), rejected: new Set(), problems: [] };
}

describe('feed warnings', () => {
  it('warns at the image line when a probed lead image is under 400 px on a side', () => {
    const small = article({ slug: 'a', source: 'articles/a.md', image });
    const warnings = feedWarnings([small], site(), media({ 'articles/a.md': { image: { url: 'https://news.test.example/media/lead.png', width: 640, height: 360 } } }));
    expect(warnings.map((w) => w.format())).toEqual([expect.stringMatching(/^articles\/a\.md:4: image\.url: is 640×360 pixels; Flipboard and other aggregators want a lead image of at least 400 pixels a side/)]);
  });

  it('says nothing for a large image, or a remote one whose size is unknown', () => {
    const one = article({ slug: 'a', source: 'articles/a.md', image });
    expect(feedWarnings([one], site(), media({ 'articles/a.md': { image: { url: 'https://x.example/a.png', width: 1200, height: 800 } } }))).toEqual([]);
    expect(feedWarnings([one], site(), media({ 'articles/a.md': { image: { url: 'https://x.example/a.png' } } }))).toEqual([]);
  });

  it('warns about an about entry no article’s tag makes, and reaches check through podcastWarnings', () => {
    const options = site({ groups: { tag: { feedLimit: 20, minArticles: 1, about: [{ name: 'Russie' }, { name: 'Sprot' }] }, author: false } });
    const articles = [article({ tags: ['russie'] })];
    const expected = [expect.stringMatching(/^syndic\.yaml: groups\.tags\.about\.1\.name: names no tag of any article/)];
    expect(feedWarnings(articles, options, media({})).map((w) => w.format())).toEqual(expected);
    expect(podcastWarnings(articles, options, media({})).map((w) => w.format())).toEqual(expected);
  });
});
