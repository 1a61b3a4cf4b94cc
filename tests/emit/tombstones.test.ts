// RFC 6721 tombstones in the Atom document; the retracted entry leaves RSS and JSON Feed.
import { describe, expect, it } from 'vitest';
import { feedDocuments } from '../../src/emit/index.js';
import { tombstoned } from '../../src/emit/tombstones.js';
import { entry, feedSpec } from '../support/factories.js';

const kept = entry({ slug: 'kept', title: 'Kept' });
const gone = entry({ slug: 'gone', title: 'Gone', id: 'urn:uuid:1f0e9c1a-0000-4000-8000-000000000001', retracted: { when: '2024-12-01T00:00:00.000Z', reason: 'A <b>bad</b> & wrong claim ]]>' } });

describe('tombstones', () => {
  it('moves retracted entries out of the document and bumps updated to the newest when', () => {
    const spec = tombstoned(feedSpec([gone, kept]));
    expect(spec.entries.map((item) => item.title)).toEqual(['Kept']);
    expect(spec.tombstones).toEqual([{ ref: gone.id, when: '2024-12-01T00:00:00.000Z', comment: 'A <b>bad</b> & wrong claim ]]>' }]);
    expect(spec.updated?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });

  it('writes at:deleted-entry with the id as <id> has it and the reason escaped, in Atom only', () => {
    const [rss, atom, json] = feedDocuments(feedSpec([gone, kept])).map((output) => output.contents);
    expect(atom).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
    expect(atom).toContain(`<at:deleted-entry ref="${gone.id}" when="2024-12-01T00:00:00.000Z">\n        <at:comment>A &#x3C;b&#x3E;bad&#x3C;/b&#x3E; &#x26; wrong claim ]]&#x3E;</at:comment>\n    </at:deleted-entry>\n    <entry>`);
    for (const document of [rss, json]) {
      expect(document).not.toContain('Gone');
      expect(document).not.toContain('deleted-entry');
    }
  });

  it('leaves a document without tombstones as it was', () => {
    const spec = feedSpec([kept]);
    expect(tombstoned(spec)).toBe(spec);
  });
});
