import { describe, expect, it } from 'vitest';
import { feedDocuments, WRITERS } from '../src/emit/index.js';
import { FEED_FORMATS, FORMATS } from '../src/formats.js';
import { FEED_PATHS } from '../src/addresses/urls.js';
import { entry, feedSpec } from './support/factories.js';

describe('the table of formats', () => {
  it('names each format once: its file, media type and label', () => {
    expect(FORMATS).toEqual({
      rss: { file: 'rss.xml', mime: 'application/rss+xml', label: 'RSS' },
      atom: { file: 'atom.xml', mime: 'application/atom+xml', label: 'Atom' },
      json: { file: 'feed.json', mime: 'application/feed+json', label: 'JSON Feed' },
    });
    expect(FEED_PATHS).toEqual({ rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' });
  });

  it('has a writer for every format, and a feed is one document per format in its folder', () => {
    expect(Object.keys(WRITERS).sort()).toEqual([...FEED_FORMATS].sort());
    const spec = feedSpec([entry()], { dir: 'tags/x/' });
    expect(feedDocuments(spec).map((output) => output.path)).toEqual(['tags/x/rss.xml', 'tags/x/atom.xml', 'tags/x/feed.json']);
    expect(feedDocuments(spec).map((output) => output.contents)).toEqual(FEED_FORMATS.map((format) => WRITERS[format](spec)));
  });
});
