// The one line a first podcast build adds to syndic.yaml, and nothing else.
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lacksPodcastGuid, withPodcastGuid } from '../../src/authoring/podcast-guid.js';

const GUID = '917393e3-1b1e-5cef-ace4-edaa54e1f810';

describe('withPodcastGuid', () => {
  it('adds `guid:` as the first line of the podcast block, at its keys’ indentation, keeping comments', () => {
    const text = ['title: Hebdo', '# The show', 'podcast:   # Apple and Podcast Index', '    # who answers Apple', '    owner: {name: A, email: "a@b.example"}', '    image: cover.png', 'language: fr', ''].join('\n');
    expect(withPodcastGuid(text, GUID)).toEqual({
      text: ['title: Hebdo', '# The show', 'podcast:   # Apple and Podcast Index', `    guid: ${GUID}`, '    # who answers Apple', '    owner: {name: A, email: "a@b.example"}', '    image: cover.png', 'language: fr', ''].join('\n'),
      line: 4,
    });
  });

  it('keeps CRLF line ends', () => {
    expect(withPodcastGuid('podcast:\r\n  image: c.png\r\n', GUID)?.text).toBe(`podcast:\r\n  guid: ${GUID}\r\n  image: c.png\r\n`);
  });

  it('leaves a one-line podcast block, a guid already there, or no podcast at all to the user', () => {
    expect(withPodcastGuid('podcast: {image: c.png}\n', GUID)).toBeUndefined();
    expect(withPodcastGuid(`podcast:\n  guid: ${GUID}\n  image: c.png\n`, GUID)).toBeUndefined();
    expect(withPodcastGuid('title: x\n', GUID)).toBeUndefined();
    expect(withPodcastGuid('podcast: [\n', GUID)).toBeUndefined();
  });

  it('says which settings need one', () => {
    expect(lacksPodcastGuid('podcast:\n  image: c.png\n')).toBe(true);
    expect(lacksPodcastGuid(`podcast:\n  image: c.png\n  guid: ${GUID}\n`)).toBe(false);
    expect(lacksPodcastGuid('title: x\n')).toBe(false);
  });

  it('changes nothing else the file says, whatever comments and keys surround the block', () => {
    const comment = fc.stringMatching(/^[ a-zA-Z0-9:#'"-]{0,20}$/).map((words) => `# ${words}`);
    const key = fc.stringMatching(/^[a-z]{1,8}$/).filter((name) => name !== 'guid' && name !== 'podcast');
    fc.assert(
      fc.property(fc.array(comment, { maxLength: 3 }), fc.uniqueArray(key, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.option(comment, { nil: undefined }), (before, keys, width, trailing) => {
        const indent = ' '.repeat(width);
        const text = [...before, `podcast:${trailing === undefined ? '' : ` ${trailing}`}`, ...keys.map((name) => `${indent}${name}: "v ${name}"`), 'title: t', ''].join('\n');
        const edited = withPodcastGuid(text, GUID);
        expect(edited).toBeDefined();
        const lines = edited?.text.split('\n') ?? [];
        expect(lines[(edited?.line ?? 0) - 1]).toBe(`${indent}guid: ${GUID}`);
        expect(lines.filter((_, at) => at !== (edited?.line ?? 0) - 1).join('\n')).toBe(text);
        expect(parse(edited?.text ?? '')).toEqual({ ...parse(text), podcast: { guid: GUID, ...parse(text).podcast } });
      }),
    );
  });
});
