import { describe, expect, it } from 'vitest';
import { jsonLdScript, newsArticle } from '../../src/emit/json-ld.js';
import { articlePage } from '../../src/emit/pages.js';
import { jsonLdOf, withoutJsonLd } from '../support/json-ld.js';
import { entry, feedSpec, site } from '../support/factories.js';

type Data = Record<string, unknown>;

const image = { url: 'https://news.test.example/media/images/kyiv.jpg', type: 'image/jpeg', width: 1200, height: 800, alt: 'Vue de Kyiv' };
const logo = { url: 'https://news.test.example/media/logo.png', type: 'image/png', width: 600, height: 60 };
const story = entry({ title: 'Kyiv', summary: 'Le résumé', tags: ['Ukraine'], authors: [{ name: 'Ann', url: 'https://ann.example/' }, { name: 'Bo' }], updated: new Date('2024-11-22T10:00:00Z'), assets: { image } });

function dataOf(html: string): Data {
  const [data, ...others] = jsonLdOf(html);
  expect(others).toEqual([]);
  return data as Data;
}

describe('NewsArticle JSON-LD', () => {
  const groups = new Map([['authors/bo/', feedSpec([], { dir: 'authors/bo/', title: 'Bo · Test News', homeUrl: 'https://news.test.example/authors/bo/' })]]);
  const data = dataOf(articlePage(story, site(), feedSpec([story], { image: logo.url }), groups).contents);

  // schema.org marks no property required; Google's Article documentation lists the properties
  // it reads, all recommended (https://developers.google.com/search/docs/appearance/structured-data/article).
  it("carries every property of Google's Article list", () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    for (const property of ['author', 'dateModified', 'datePublished', 'headline', 'image']) expect(data, property).toHaveProperty(property);
    for (const author of data.author as Data[]) {
      expect(author['@type']).toBe('Person');
      expect(author.name).toEqual(expect.any(String));
      expect(author.url).toMatch(/^https:\/\//);
    }
  });

  it('carries what the news issue asks beyond it: publisher with logo, inLanguage, mainEntityOfPage, isAccessibleForFree', () => {
    expect(data).toMatchObject({
      headline: 'Kyiv',
      description: 'Le résumé',
      datePublished: '2024-11-21T00:00:00+01:00',
      dateModified: '2024-11-22T11:00:00+01:00',
      inLanguage: 'fr',
      url: 'https://news.test.example/articles/story.html',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.test.example/articles/story.html' },
      isAccessibleForFree: true,
      keywords: ['Ukraine'],
      publisher: { '@type': 'Organization', name: 'Test News', url: 'https://news.test.example/', logo: { '@type': 'ImageObject', url: logo.url } },
      image: [{ '@type': 'ImageObject', url: image.url, width: { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' } }],
    });
  });

  it("gives an author the settings' or frontmatter's url, else their page on this site, else none", () => {
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Ann', url: 'https://ann.example/' },
      { '@type': 'Person', name: 'Bo', url: 'https://news.test.example/authors/bo/' },
    ]);
    const alone = dataOf(articlePage(story, site(), feedSpec([])).contents);
    expect(alone.author).toEqual([{ '@type': 'Person', name: 'Ann', url: 'https://ann.example/' }, { '@type': 'Person', name: 'Bo' }]);
  });

  it('uses the podcast cover as the publisher logo when the feed has no image, and leaves image out when the article has none', () => {
    const plain = entry();
    const cover = { url: 'https://news.test.example/media/cover.jpg', type: 'image/jpeg', width: 1400, height: 1400 };
    const podcast = { owner: { name: 'O', email: 'o@example.org' }, image: cover, categories: [], explicit: false, type: 'episodic' as const, locked: false };
    const shown = dataOf(articlePage(plain, site(), feedSpec([], { podcast })).contents);
    expect(shown.publisher).toMatchObject({ logo: { url: cover.url } });
    expect(shown).not.toHaveProperty('image');
    expect(dataOf(articlePage(plain, site(), feedSpec([])).contents).publisher).not.toHaveProperty('logo');
  });

  it('cannot be broken out of: a hostile title stays data, and the page runs no script', () => {
    const hostile = entry({ title: '</script><script>alert(1)</script><!-- \u2028 & </SCRIPT >', summary: '"><img src=x onerror=alert(2)>' });
    const html = articlePage(hostile, site(), feedSpec([])).contents;
    expect(dataOf(html).headline).toBe(hostile.title);
    expect(dataOf(html).description).toBe(hostile.summary);
    expect(withoutJsonLd(html)).not.toMatch(/<script/i);
    const script = html.slice(html.indexOf('<script type="application/ld+json">'), html.indexOf('</script>') + '</script>'.length);
    // Exactly one element, closed where Syndic closes it, with no markup inside.
    expect(script.slice('<script type="application/ld+json">'.length, -'</script>'.length)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('escapes as \\u sequences, so JSON.parse gives back the same value', () => {
    const value = { text: '</script> <!-- a & b \u2028\u2029 >' };
    const written = jsonLdScript(value);
    expect(written).toBe('<script type="application/ld+json">{"text":"\\u003c/script\\u003e \\u003c!-- a \\u0026 b \\u2028\\u2029 \\u003e"}</script>');
    expect(jsonLdOf(written)).toEqual([value]);
  });

  it('writes the same bytes for the same entry', () => {
    expect(JSON.stringify(newsArticle(story, site(), logo, () => undefined))).toBe(JSON.stringify(newsArticle({ ...story }, site(), { ...logo }, () => undefined)));
  });
});
