// Lead images and enclosures in RSS, Atom and JSON Feed (rows 7, 9, 10 and 12 of the adapter's table).
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { jsonDocument } from '../../src/emit/json.js';
import { rssDocument } from '../../src/emit/rss.js';
import type { Assets } from '../../src/model.js';
import { entry, feedSpec } from '../support/factories.js';
import { parseFeed, validateAtom, validateJsonFeed, validateRss } from '../support/validators.js';

const IMAGE = { url: 'https://news.test.example/media/a.png?x=1&y=2', type: 'image/png', length: 10, width: 1200, height: 630, alt: 'Tom & <Jerry>' };
const PDF = { url: 'https://news.test.example/media/report.pdf', type: 'application/pdf', length: 2048 };
const spec = (assets: Assets) => feedSpec([entry({ assets, episode: { duration: 754 } })]);

describe('a lead image', () => {
  const rss = rssDocument(spec({ image: IMAGE }));

  it('is Media RSS content and thumbnail, with the namespace declared, and the RSS enclosure', () => {
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(rss).toContain('<media:content url="https://news.test.example/media/a.png?x=1&amp;y=2" medium="image" type="image/png" width="1200" height="630">');
    expect(rss).toContain('<media:description type="plain">Tom &#x26; &#x3C;Jerry&#x3E;</media:description>');
    expect(rss).toContain('<media:thumbnail url="https://news.test.example/media/a.png?x=1&amp;y=2" width="1200" height="630"/>');
    expect(rss).toContain('<enclosure length="10" type="image/png" url="https://news.test.example/media/a.png?x=1&amp;y=2"/>');
  });

  it('passes the validators in every format', async () => {
    expect(await validateRss(rss)).toEqual([]);
    expect(await validateAtom(atomDocument(spec({ image: IMAGE })))).toEqual([]);
    const json = JSON.parse(jsonDocument(spec({ image: IMAGE }))) as { items: Array<Record<string, unknown>> };
    expect(validateJsonFeed(json)).toEqual([]);
    expect(json.items[0]?.image).toBe(IMAGE.url);
    expect(json.items[0]).not.toHaveProperty('attachments');
  });

  it('carries the caption as media:description and the credit as media:credit, valid in RSS', async () => {
    const captioned = rssDocument(spec({ image: { ...IMAGE, caption: 'Kyiv, le 20 novembre & après', credit: 'Photo : AFP' } }));
    expect(captioned).toContain('<media:description type="plain">Kyiv, le 20 novembre &#x26; après</media:description>');
    expect(captioned).toContain('<media:credit>Photo : AFP</media:credit>');
    expect(await validateRss(captioned)).toEqual([]);
  });

  it('strips XML-illegal characters from the alt text, as from every other string', async () => {
    const dirty = rssDocument(spec({ image: { ...IMAGE, alt: 'Tom\u0001 & Jerry' } }));
    expect(dirty).toContain('<media:description type="plain">Tom &#x26; Jerry</media:description>');
    expect(await validateRss(dirty)).toEqual([]);
  });

  it('leaves no media namespace in a feed without images', () => {
    expect(rssDocument(feedSpec([entry()]))).not.toContain('xmlns:media');
  });
});

describe('an enclosure', () => {
  it('is the one RSS enclosure even with an image, with only url, type and length (row 9)', async () => {
    const rss = rssDocument(spec({ image: IMAGE, enclosure: PDF }));
    expect(rss.match(/<enclosure /g)).toHaveLength(1);
    expect(rss).toContain('<enclosure length="2048" type="application/pdf" url="https://news.test.example/media/report.pdf"/>');
    expect(rss).not.toContain('duration=');
    expect(await validateRss(rss)).toEqual([]);
  });

  it('is an Atom enclosure link with the mime database type, not image/pdf (row 7)', async () => {
    const atom = atomDocument(spec({ enclosure: PDF }));
    expect(atom).toContain('<link rel="enclosure" href="https://news.test.example/media/report.pdf" type="application/pdf" length="2048"/>');
    expect(atom).not.toContain('image/pdf');
    expect(await validateAtom(atom)).toEqual([]);
  });

  it('is a JSON Feed attachment with its size and duration', () => {
    const json = JSON.parse(jsonDocument(spec({ enclosure: PDF }))) as { items: Array<Record<string, unknown>> };
    expect(json.items[0]?.attachments).toEqual([{ url: PDF.url, mime_type: 'application/pdf', size_in_bytes: 2048, duration_in_seconds: 754 }]);
    expect(validateJsonFeed(json)).toEqual([]);
  });

  it('has length 0 in RSS when its size is unknown, the RSS Advisory Board’s value', async () => {
    const rss = rssDocument(spec({ enclosure: { url: 'https://cdn.example/ep.mp3', type: 'audio/mpeg' } }));
    expect(rss).toContain('<enclosure length="0" type="audio/mpeg" url="https://cdn.example/ep.mp3"/>');
    expect(atomDocument(spec({ enclosure: { url: 'https://cdn.example/ep.mp3', type: 'audio/mpeg' } }))).toContain('<link rel="enclosure" href="https://cdn.example/ep.mp3" type="audio/mpeg"/>');
  });

  it('reaches readers through a real parser', async () => {
    const feed = await parseFeed(rssDocument(spec({ enclosure: PDF })));
    expect(feed.items).toHaveLength(1);
  });
});
