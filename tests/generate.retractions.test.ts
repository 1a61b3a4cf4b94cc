// syndic.published.json is an input of generateSite(), as of build(): the same memory gives the
// same tombstones, and generate() returns the memory a build would write.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../src/pipeline.js';
import { loadLanguageRegistry } from '../src/input/language.js';
import type { PublishedMemory } from '../src/retractions/published-memory.js';
import { SETTINGS_YAML, source } from './support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const settings = source('syndic.yaml', SETTINGS_YAML);
const kept = source('articles/kept.md', '---\ntitle: Kept\ndate: 2024-12-01\n---\nText.\n');

beforeAll(loadLanguageRegistry);

describe('generateSite() with syndic.published.json', () => {
  it('tombstones a remembered entry that is no longer there, and returns the next memory', async () => {
    const memory: PublishedMemory = { articles: 'articles', entries: [{ id: 'tag:news.test.example,2024-11-30:gone', source: 'articles/gone.md', date: '2024-11-29T23:00:00.000Z', feeds: [''] }], deleted: [], retracted: [] };
    const result = await generateSite(settings, [kept], { published: memory }, NOW);
    const atom = result.outputs.find((output) => output.path === 'atom.xml')?.contents ?? '';
    expect(atom).toContain('<at:deleted-entry ref="tag:news.test.example,2024-11-30:gone" when="2024-11-30T23:00:00.000Z"/>');
    expect(result.memory.deleted.map((entry) => entry.id)).toEqual(['tag:news.test.example,2024-11-30:gone']);
    expect(result.memory.entries.map((entry) => entry.source)).toEqual(['articles/kept.md']);
  });

  it('writes a retracted article as its notice page, without memory', async () => {
    const retracted = source('articles/wrong.md', '---\ntitle: Wrong\ndate: 2024-12-02\nretracted: {date: 2024-12-03, reason: It was wrong.}\n---\nText.\n');
    const result = await generateSite(settings, [kept, retracted], {}, NOW);
    const page = result.outputs.find((output) => output.path === 'articles/2024/12/02/wrong.html')?.contents ?? '';
    expect(page).toContain('<h1>Retracted: Wrong</h1>');
    expect(result.outputs.find((output) => output.path === 'feed.json')?.contents).not.toContain('Wrong');
    expect(result.memory.retracted.map((entry) => entry.reason)).toEqual(['It was wrong.']);
  });
});
