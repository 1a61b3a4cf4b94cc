// The retraction step: which remembered entries are deleted, which tombstones each feed shows,
// and what the next build remembers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedMemory } from '../../src/retractions/published-memory.js';
import { NO_MEMORY } from '../../src/retractions/published-memory.js';
import { MAX_DELETIONS, retractionPlan } from '../../src/retractions/plan.js';
import { SyndicError } from '../../src/errors.js';
import { article, site } from '../support/factories.js';

const NOW = new Date('2025-01-01T00:00:00Z');
const story = (n: number, extra: Parameters<typeof article>[0] = {}) =>
  article({ slug: `s${n}`, source: `articles/s${n}.md`, id: `tag:x,2024:s${n}`, page: `articles/s${n}.html`, date: new Date(Date.UTC(2024, 0, n)), ...extra });
const remembered = (n: number) => ({ id: `tag:x,2024:s${n}`, source: `articles/s${n}.md`, date: new Date(Date.UTC(2024, 0, n)).toISOString(), feeds: [''] });
const input = (present: string[]) => ({ now: NOW, present: new Set(present), articles: 'articles' });

describe('retractionPlan', () => {
  it('remembers the newest feedLimit entries of each feed, and nothing older', () => {
    const plan = retractionPlan([3, 2, 1].map((n) => story(n)), NO_MEMORY, site({ feedLimit: 2 }), input([]));
    expect(plan.memory.entries.map((entry) => entry.id)).toEqual(['tag:x,2024:s3', 'tag:x,2024:s2']);
  });

  it('tombstones a remembered entry whose file is gone, on the feeds that held it, dated by the site, never by the clock', () => {
    const memory: PublishedMemory = { articles: 'articles', entries: [remembered(1), remembered(2)], deleted: [], retracted: [] };
    const plan = retractionPlan([story(1)], memory, site(), input(['articles/s1.md']));
    // The newest change of the site that noticed it, and never before the entry's own date.
    const when = new Date(Math.max(story(1).updated.getTime(), Date.parse(remembered(2).date))).toISOString();
    expect(when).not.toBe(NOW.toISOString());
    expect(plan.deletions).toEqual(['tag:x,2024:s2']);
    expect(plan.gone.get('')).toEqual([{ ref: 'tag:x,2024:s2', when }]);
    expect(plan.memory.deleted).toEqual([{ id: 'tag:x,2024:s2', date: remembered(2).date, when, feeds: [''] }]);
    expect(retractionPlan([story(1)], memory, site(), { ...input(['articles/s1.md']), now: new Date('2030-01-01T00:00:00Z') }).memory.deleted).toEqual(plan.memory.deleted);
  });

  it('forgets a tombstone once feedLimit newer entries exist', () => {
    const memory: PublishedMemory = { articles: 'articles', entries: [], deleted: [{ id: 'tag:x,2024:s1', date: remembered(1).date, when: NOW.toISOString(), feeds: [''] }], retracted: [] };
    expect(retractionPlan([2].map((n) => story(n)), memory, site({ feedLimit: 2 }), input(['articles/s2.md'])).gone.size).toBe(1);
    const later = retractionPlan([2, 3].map((n) => story(n)), memory, site({ feedLimit: 2 }), input(['articles/s2.md', 'articles/s3.md']));
    expect(later.gone.size).toBe(0);
    expect(later.memory.deleted).toEqual([]);
  });

  it('keeps a retraction whose file is gone as a notice, and lets a published article take its page back', () => {
    const retracted = { id: 'tag:x,2024:s1', source: 'articles/s1.md', page: 'articles/s1.html', url: 'https://news.test.example/articles/s1.html', title: 'T', lang: 'fr', date: remembered(1).date, when: NOW.toISOString(), reason: 'Wrong.', feeds: [''] };
    const memory: PublishedMemory = { articles: 'articles', entries: [], deleted: [], retracted: [retracted] };
    expect(retractionPlan([story(2)], memory, site(), input(['articles/s2.md'])).notices).toEqual([retracted]);
    expect(retractionPlan([story(2, { page: 'articles/s1.html' })], memory, site(), input(['articles/s2.md'])).notices).toEqual([]);
  });

  it(`stops at more than ${MAX_DELETIONS} deletions unless confirmed`, () => {
    const memory: PublishedMemory = { articles: 'articles', entries: [1, 2, 3, 4].map(remembered), deleted: [], retracted: [] };
    const present = ['articles/other.md'];
    expect(() => retractionPlan([], memory, site(), input(present))).toThrow(SyndicError);
    expect(retractionPlan([], memory, site(), { ...input(present), confirmDeletions: true }).deletions).toHaveLength(4);
    expect(retractionPlan([], { ...memory, entries: memory.entries.slice(0, MAX_DELETIONS) }, site(), input(present)).deletions).toHaveLength(MAX_DELETIONS);
  });

  it('never takes an entry whose file is still there, or any entry of another articles folder, as deleted', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.boolean(), (numbers, there, moved) => {
        const memory: PublishedMemory = { articles: moved ? 'elsewhere' : 'articles', entries: numbers.map(remembered), deleted: [], retracted: [] };
        const present = numbers.filter((_, k) => there[k]).map((n) => `articles/s${n}.md`);
        const plan = retractionPlan([], memory, site(), { ...input([...present, 'articles/z.md']), confirmDeletions: true });
        const deleted = new Set(plan.deletions);
        for (const [k, n] of numbers.entries()) if (there[k] || moved) expect(deleted.has(`tag:x,2024:s${n}`)).toBe(false);
        expect(plan.deletions.length + plan.memory.entries.length).toBe(numbers.length);
      }),
    );
  });
});

describe('retractionPlan, ids that change', () => {
  it('never deletes the id of a file that is still there, and counts only what readers may hold', () => {
    const memory: PublishedMemory = { articles: 'articles', entries: [remembered(1)], deleted: [], retracted: [] };
    // Another --base-url gives the default ids another host: a staging build must not bury production's.
    const renamed = story(1, { id: 'tag:x,2024:new' });
    expect(retractionPlan([renamed], memory, site(), input(['articles/s1.md'])).deletions).toEqual([]);
    const pushedOut = retractionPlan([3, 2].map((n) => story(n)), memory, site({ feedLimit: 2 }), input(['articles/s2.md', 'articles/s3.md']));
    expect(pushedOut.deletions).toEqual([]);
    expect(pushedOut.memory.deleted).toEqual([]);
  });
});
