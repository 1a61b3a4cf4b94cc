// syndic.published.json: read back what was written, sorted bytes, and a missing file is a first build.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_MEMORY, readPublished, serialisePublished, writePublished, type PublishedMemory } from '../../src/retractions/published-memory.js';

const MEMORY: PublishedMemory = {
  articles: 'articles',
  entries: [
    { id: 'tag:x,2024:b', source: 'articles/b.md', date: '2024-01-02T00:00:00.000Z', feeds: ['tags/z/', ''] },
    { id: 'tag:x,2024:a', source: 'articles/a.md', date: '2024-01-01T00:00:00.000Z', feeds: [''] },
  ],
  deleted: [{ id: 'tag:x,2024:c', date: '2024-01-03T00:00:00.000Z', when: '2024-02-01T00:00:00.000Z', feeds: [''] }],
  retracted: [{ id: 'tag:x,2024:d', source: 'articles/d.md', page: 'articles/d.html', url: 'https://x.example/articles/d.html', title: 'D', lang: 'en', date: '2024-01-04T00:00:00.000Z', when: '2024-02-02T00:00:00.000Z', reason: 'Wrong.', feeds: [] }],
};

describe('syndic.published.json', () => {
  it('is read back as written, sorted by id with sorted feeds', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-memory-'));
    const file = path.join(dir, 'syndic.published.json');
    expect(await writePublished(file, 'syndic.published.json', MEMORY)).toBe(true);
    expect(await writePublished(file, 'syndic.published.json', MEMORY)).toBe(false);
    const back = await readPublished(file, 'syndic.published.json');
    expect(back.entries.map((entry) => entry.id)).toEqual(['tag:x,2024:a', 'tag:x,2024:b']);
    expect(back.entries[1]?.feeds).toEqual(['', 'tags/z/']);
    expect(serialisePublished(back)).toBe(await readFile(file, 'utf8'));
  });

  it('is no memory when missing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-memory-'));
    expect(await readPublished(path.join(dir, 'syndic.published.json'), 'syndic.published.json')).toEqual(NO_MEMORY);
  });

  it('is refused with a sentence when broken', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'syndic-memory-'));
    const file = path.join(dir, 'syndic.published.json');
    await writeFile(file, '{"version": 1, "entries": [}');
    await expect(readPublished(file, 'syndic.published.json')).rejects.toMatchObject({ code: 'INVALID_PUBLISHED', line: 1, message: 'is not valid JSON' });
  });
});
