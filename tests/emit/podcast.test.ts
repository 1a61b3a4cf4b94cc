// Podcast mode: Apple Podcasts and Podcasting 2.0 elements of the RSS feed (row 11 of the adapter's table).
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { rssDocument } from '../../src/emit/rss.js';
import { podcastGuid } from '../../src/emit/podcast.js';
import type { PodcastChannel } from '../../src/model.js';
import { entry, feedSpec } from '../support/factories.js';
import { validateAtom, validateRss } from '../support/validators.js';

const PODCAST: PodcastChannel = {
  owner: { name: 'Ann & Bo', email: 'podcast@news.test.example' },
  image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: 1400, height: 1400 },
  categories: [['News', ['Politics', 'Daily News']], ['Technology', []]],
  explicit: false,
  type: 'serial',
  locked: true,
};
const EPISODE = entry({
  episode: { duration: 754, episode: 3, season: 2, episodeType: 'bonus' },
  assets: { enclosure: { url: 'https://news.test.example/media/ep3.mp3', type: 'audio/mpeg', length: 1668 }, transcript: { url: 'https://news.test.example/media/ep3.vtt', type: 'text/vtt' } },
});
const rss = rssDocument(feedSpec([EPISODE], { podcast: PODCAST }));

describe('podcastGuid', () => {
  it.each([
    // The examples of the Podcasting 2.0 specification (docs/tags/guid.md).
    ['https://mp3s.nashownotes.com/pc20rss.xml', '917393e3-1b1e-5cef-ace4-edaa54e1f810'],
    ['podnews.net/rss', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
    ['http://podnews.net/rss///', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
  ])('%s → %s', (url, guid) => {
    expect(podcastGuid(url)).toBe(guid);
  });
});

describe('a podcast feed', () => {
  it('declares the itunes and podcast namespaces', () => {
    expect(rss).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"');
  });

  it('has the channel elements Apple and Podcast Index ask for', () => {
    for (const element of [
      '<itunes:author>Rédaction</itunes:author>',
      '<itunes:owner>\n            <itunes:name>Ann &#x26; Bo</itunes:name>\n            <itunes:email>podcast@news.test.example</itunes:email>\n        </itunes:owner>',
      '<itunes:image href="https://news.test.example/media/cover.png"/>',
      '<itunes:category text="News">\n            <itunes:category text="Politics"/>\n            <itunes:category text="Daily News"/>\n        </itunes:category>\n        <itunes:category text="Technology"/>',
      '<itunes:explicit>false</itunes:explicit>',
      '<itunes:type>serial</itunes:type>',
      `<podcast:guid>${podcastGuid('https://news.test.example/rss.xml')}</podcast:guid>`,
      '<podcast:locked owner="podcast@news.test.example">yes</podcast:locked>',
    ]) {
      expect(rss).toContain(element);
    }
    expect(rss).not.toContain('googleplay');
  });

  it('has the episode elements', () => {
    for (const element of ['<itunes:duration>754</itunes:duration>', '<itunes:episode>3</itunes:episode>', '<itunes:season>2</itunes:season>', '<itunes:episodeType>bonus</itunes:episodeType>', '<podcast:transcript url="https://news.test.example/media/ep3.vtt" type="text/vtt" language="fr" rel="captions"/>']) {
      expect(rss).toContain(element);
    }
  });

  it('passes the validators', async () => {
    expect(await validateRss(rss)).toEqual([]);
    expect(await validateAtom(atomDocument(feedSpec([EPISODE], { podcast: PODCAST })))).toEqual([]);
  });

  it('writes the author setting when given, and locked "no"', () => {
    const other = rssDocument(feedSpec([EPISODE], { podcast: { ...PODCAST, author: 'Studio X', locked: false } }));
    expect(other).toContain('<itunes:author>Studio X</itunes:author>');
    expect(other).toContain('>no</podcast:locked>');
  });

  it('is a plain feed outside podcast mode', () => {
    const plain = rssDocument(feedSpec([EPISODE]));
    expect(plain).not.toMatch(/itunes:|podcast:/);
  });
});
