// The podcast fixture's RSS read back by the parser Podcast Index apps use (podcast-partytime) and
// by feedsmith: both must find the Podcasting 2.0 values the fixture's syndic.yaml and frontmatter set.
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build } from '../../src/build.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/podcast/input');
const BASE = 'https://podcast.syndic.example/media/';

interface Recipient { name?: string; type: string; address: string; split: number; fee?: boolean; customKey?: string; customValue?: string }
interface Value { suggested?: string; recipients: Recipient[] }
interface Settings { podcast: { funding: Array<{ url: string; text: string }>; persons: Array<{ name: string }>; value: Value } }
interface Episode {
  title: string;
  season: number;
  seasonName: string;
  episode: number;
  episodeName: string;
  chapters: string;
  transcript: string;
  soundbites: Array<{ start: number; duration: number; title?: string }>;
  persons: Array<{ name: string; role: string }>;
  alternateEnclosures: Array<{ type: string; length: number; sources: string[]; integrity: string }>;
  value: Value;
}

/** A recipient as podcast-partytime gives it back: fee always there, the rest only when set. */
function asRead(recipient: Recipient): Recipient {
  return { ...recipient, fee: recipient.fee === true };
}

async function frontmatter(file: string): Promise<Episode> {
  const text = await readFile(path.join(FIXTURE, 'articles', file), 'utf8');
  return parseYaml(text.split('---\n')[1] ?? '') as Episode;
}

describe('the podcast fixture through two podcast parsers', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-roundtrip-'));
  await cp(FIXTURE, root, { recursive: true });
  await build({ root, now: new Date('2025-01-01T00:00:00Z') });
  const xml = await readFile(path.join(root, 'dist/rss.xml'), 'utf8');
  const settings = parseYaml(await readFile(path.join(FIXTURE, 'syndic.yaml'), 'utf8')) as Settings;
  const episode = await frontmatter('2024-11-08-episode-1.md');
  const partytime = parseFeed(xml);
  const feedsmith = parseRssFeed(xml);
  const ptItem = partytime?.items.find((item) => item.title === episode.title);
  const fsItem = feedsmith.items?.find((item) => item.title === episode.title);

  it('podcast-partytime reads funding, persons, chapters, soundbites, transcript, alternate enclosures, season and episode', () => {
    expect(partytime?.podcastFunding?.map(({ url, message }) => ({ url, text: message }))).toEqual(settings.podcast.funding);
    expect(partytime?.podcastPeople?.map((who) => who.name)).toEqual(settings.podcast.persons.map((who) => who.name));
    expect(ptItem?.podcastChapters).toEqual({ url: BASE + episode.chapters, type: 'application/json+chapters' });
    expect(ptItem?.podcastSoundbites?.map(({ startTime, duration }) => ({ start: startTime, duration }))).toEqual(episode.soundbites.map(({ start, duration }) => ({ start, duration })));
    expect(ptItem?.podcastSoundbites?.[0]?.title).toBe(episode.soundbites[0]?.title);
    expect(ptItem?.podcastTranscripts).toEqual([{ url: BASE + episode.transcript, type: 'application/srt', language: 'fr', rel: 'captions' }]);
    expect(ptItem?.podcastPeople?.map(({ name, role }) => ({ name, role: role.toLowerCase() }))).toEqual(episode.persons.map(({ name, role }) => ({ name, role })));
    const [alternate] = episode.alternateEnclosures;
    expect(ptItem?.alternativeEnclosures?.map((it) => ({ type: it.type, length: it.length, sources: it.source.map((s) => s.uri), integrity: it.integrity?.value }))).toEqual([alternate && { type: alternate.type, length: alternate.length, sources: alternate.sources, integrity: alternate.integrity }]);
    expect(ptItem?.podcastSeason).toEqual({ number: episode.season, name: episode.seasonName });
    expect(ptItem?.podcastEpisode).toEqual({ number: episode.episode, display: episode.episodeName });
  });

  it('podcast-partytime reads the show’s and the episode’s podcast:value with every recipient’s split', () => {
    expect(partytime?.value).toEqual({ type: 'lightning', method: 'keysend', suggested: Number(settings.podcast.value.suggested), recipients: settings.podcast.value.recipients.map(asRead) });
    expect(ptItem?.value).toEqual({ type: 'lightning', method: 'keysend', recipients: episode.value.recipients.map(asRead) });
  });

  it('feedsmith agrees with podcast-partytime', () => {
    const channel = feedsmith.podcast;
    expect(channel?.fundings?.map(({ url, display }) => ({ url, message: display }))).toEqual(partytime?.podcastFunding);
    expect(channel?.persons?.map((who) => who.display)).toEqual(partytime?.podcastPeople?.map((who) => who.name));
    const item = fsItem?.podcast;
    expect(item?.chapters).toEqual(ptItem?.podcastChapters);
    expect(item?.soundbites?.map(({ startTime, duration, display }) => [startTime, duration, display])).toEqual(ptItem?.podcastSoundbites?.map(({ startTime, duration }, at) => [startTime, duration, at === 0 ? episode.soundbites[0]?.title : undefined]));
    expect(item?.transcripts).toEqual(ptItem?.podcastTranscripts);
    expect(item?.persons?.map((who) => who.display)).toEqual(ptItem?.podcastPeople?.map((who) => who.name));
    expect(item?.alternateEnclosures?.map((it) => it.sources?.map((s) => s.uri))).toEqual(ptItem?.alternativeEnclosures?.map((it) => it.source.map((s) => s.uri)));
    expect(item?.alternateEnclosures?.[0]?.integrity).toEqual(ptItem?.alternativeEnclosures?.[0]?.integrity);
    expect(item?.season).toEqual(ptItem?.podcastSeason);
    expect(item?.episode).toEqual(ptItem?.podcastEpisode);
    for (const [values, read] of [[channel?.values, partytime?.value], [item?.values, ptItem?.value]] as const) {
      expect(values?.map(({ type, method, suggested, valueRecipients }) => ({ type, method, ...(suggested === undefined ? {} : { suggested }), recipients: valueRecipients?.map((who) => ({ ...who, fee: who.fee === true })) }))).toEqual([read]);
    }
  });

  it('both read the episode art and the channel cover', () => {
    expect(fsItem?.itunes?.image).toBe(`${BASE}images/episode-2.png`);
    expect(ptItem?.itunesImage).toBe(`${BASE}images/episode-2.png`);
    expect(feedsmith.podcast?.images?.[0]?.href).toBe(`${BASE}images/cover.png`);
    expect(feedsmith.itunes?.newFeedUrl).toBe('https://podcast.syndic.example/rss.xml');
  });
});

describe('any Podcasting 2.0 text', () => {
  it('comes back from podcast-partytime as written, through funding, person and soundbite', async () => {
    const { default: fc } = await import('fast-check');
    const { rssDocument } = await import('../../src/emit/rss.js');
    const { entry, feedSpec } = await import('../support/factories.js');
    // Visible text as a setting would hold it: trimmed, NFC, no control characters.
    const words = fc.string({ unit: fc.constantFrom('a', 'é', '&', '<', '>', '"', "'", ']]>', '&amp;', '&#x26;', ' ', '中', '🎙'), minLength: 1, maxLength: 20 }).map((value) => value.trim().normalize('NFC')).filter((value) => value !== '');
    fc.assert(
      fc.property(words, words, words, (fund, name, bite) => {
        const podcast = {
          owner: { name: 'Ann', email: 'podcast@news.test.example' },
          image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: 1400, height: 1400 },
          categories: [['News', []]] as Array<[string, string[]]>,
          explicit: false,
          type: 'episodic' as const,
          locked: false,
          podcasting: { funding: [{ url: 'https://x.example/give', text: fund }], persons: [{ name }] },
        };
        const story = entry({ episode: { podcasting: { soundbites: [{ start: 1, duration: 2, title: bite }] } }, assets: { enclosure: { url: 'https://news.test.example/media/ep.mp3', type: 'audio/mpeg', length: 10 } } });
        const parsed = parseFeed(rssDocument(feedSpec([story], { podcast })));
        expect(parsed?.podcastFunding?.[0]?.message).toBe(fund);
        expect(parsed?.podcastPeople?.[0]?.name).toBe(name);
        expect(parsed?.items[0]?.podcastSoundbites?.[0]?.title).toBe(bite);
      }),
      { numRuns: 200 },
    );
  });
});
