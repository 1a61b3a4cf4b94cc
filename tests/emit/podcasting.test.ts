// Podcasting 2.0 tags (emit/podcasting.ts): each one written from its setting or frontmatter
// field, and each bad value refused with its file, line, field and a sentence.
import { describe, expect, it } from 'vitest';
import { atomDocument } from '../../src/emit/atom.js';
import { jsonDocument } from '../../src/emit/json.js';
import { feedPodcast } from '../../src/emit/podcasting.js';
import { rssDocument } from '../../src/emit/rss.js';
import type { PodcastChannel } from '../../src/model.js';
import { parseArticle, parseSettings } from '../../src/parse.js';
import { entry, feedSpec, SETTINGS_YAML, site, source } from '../support/factories.js';
import { validateRss } from '../support/validators.js';

const PODCAST: PodcastChannel = {
  owner: { name: 'Ann', email: 'podcast@news.test.example' },
  image: { url: 'https://news.test.example/media/cover.png', type: 'image/png', width: 1400, height: 1400 },
  categories: [['News', []]],
  explicit: false,
  type: 'episodic',
  locked: false,
};

const PODCAST_YAML = `${SETTINGS_YAML}podcast:
  owner: {name: Ann, email: podcast@news.test.example}
  image: https://news.test.example/cover.png
  categories: [News]
  explicit: false
`;

function settingsWith(lines: string) {
  return parseSettings(source('syndic.yaml', `${PODCAST_YAML}${lines}`));
}

function articleWith(lines: string) {
  return parseArticle(source('articles/ep.md', `---\ntitle: Ep\ndate: 2024-11-08\n${lines}---\n\nBody\n`), site());
}

function channel(lines: string): string {
  const parsed = settingsWith(lines);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const podcasting = parsed.value.podcast?.podcasting;
  return rssDocument(feedSpec([entry()], { podcast: { ...PODCAST, ...(podcasting === undefined ? {} : { podcasting }) } }));
}

function item(lines: string, assets: NonNullable<Parameters<typeof entry>[0]>['assets'] = {}): string {
  const parsed = articleWith(lines);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const { episode } = parsed.value;
  return rssDocument(feedSpec([entry({ ...(episode === undefined ? {} : { episode }), assets })], { podcast: PODCAST }));
}

describe('channel tags from syndic.yaml', () => {
  it.each([
    ['funding', '  funding: [{url: "https://x.example/give?a=1&b=2", text: "Give & help"}]\n', '<podcast:funding url="https://x.example/give?a=1&amp;b=2">Give &#x26; help</podcast:funding>'],
    ['persons', '  persons: [{name: Ann, role: Host, img: "https://x.example/a.jpg"}]\n', '<podcast:person role="host" img="https://x.example/a.jpg">Ann</podcast:person>'],
    ['location', '  location: {name: Brussels, geo: "geo:50.8,4.3", osm: R54094, country: BE}\n', '<podcast:location geo="geo:50.8,4.3" osm="R54094" country="BE">Brussels</podcast:location>'],
    ['license', '  license: {name: CC-BY-4.0, url: "https://creativecommons.org/licenses/by/4.0/"}\n', '<podcast:license url="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0</podcast:license>'],
    ['medium', '  medium: audiobook\n', '<podcast:medium>audiobook</podcast:medium>'],
    ['txt', '  txt: [{text: abc123, purpose: verify}]\n', '<podcast:txt purpose="verify">abc123</podcast:txt>'],
    ['podroll', '  podroll: [{feedGuid: 917393e3-1b1e-5cef-ace4-edaa54e1f810}]\n', '<podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810"/>'],
    ['updateFrequency', '  updateFrequency: {text: Weekly, rrule: "FREQ=WEEKLY", complete: false}\n', '<podcast:updateFrequency complete="false" rrule="FREQ=WEEKLY">Weekly</podcast:updateFrequency>'],
    ['trailer', '  trailer: [{url: "https://x.example/t.mp3", title: Trailer, pubdate: "2024-11-01T08:00:00+01:00"}]\n', '<podcast:trailer url="https://x.example/t.mp3" pubdate="Fri, 01 Nov 2024 07:00:00 GMT">Trailer</podcast:trailer>'],
    ['movedFrom', '  movedFrom: https://old.example/feed.xml\n', '<itunes:new-feed-url>https://news.test.example/rss.xml</itunes:new-feed-url>'],
    ['imageAlt', '  imageAlt: A microphone\n', '<podcast:image href="https://news.test.example/media/cover.png" alt="A microphone" aspect-ratio="1/1" width="1400" height="1400" type="image/png"/>'],
  ])('%s', async (_field, lines, expected) => {
    const rss = channel(lines);
    expect(rss).toContain(expected);
    expect(await validateRss(rss)).toEqual([]);
  });

  it('writes podcast:image for the cover even with no setting, and two persons as two elements', () => {
    const rss = channel('  persons: [{name: Ann}, {name: Bo, role: guest}]\n');
    expect(rss).toContain('<podcast:image href="https://news.test.example/media/cover.png"');
    expect(rss).toContain('<podcast:person>Ann</podcast:person>');
    expect(rss).toContain('<podcast:person role="guest">Bo</podcast:person>');
  });

  it.each([
    ['  persons: [{name: Ann, role: captain}]\n', 'podcast.persons.0.role', 'is not a role of the Podcasting 2.0 taxonomy'],
    ['  persons: [{name: Ann, group: band}]\n', 'podcast.persons.0.group', 'is not a group of the Podcasting 2.0 taxonomy'],
    ['  persons: [{name: Ann, role: host, group: writing}]\n', 'podcast.persons.0.role', 'is not a role of the group writing'],
    ['  location: {name: Here, geo: "50.8,4.3"}\n', 'podcast.location.geo', 'is not an RFC 5870 geo: URI'],
    ['  medium: radio\n', 'podcast.medium', ''],
    ['  funding: [{url: "ftp://x.example/", text: Give}]\n', 'podcast.funding.0.url', 'is not an absolute http(s) URL'],
    ['  podroll: [{feedGuid: nope}]\n', 'podcast.podroll.0.feedGuid', 'is not a podcast:guid'],
    ['  updateFrequency: {text: Weekly, rrule: "every week"}\n', 'podcast.updateFrequency.rrule', 'is not an RFC 5545 rule'],
    ['  trailer: [{url: "https://x.example/t.mp3", title: T, pubdate: someday}]\n', 'podcast.trailer.0.pubdate', 'is not a date'],
    ['  license: {name: "CC BY"}\n', 'podcast.license.name', 'licence identifier'],
    ['  groups: [{name: Politique, guid: "c9e3a5b0-1d2f-4a6b-8c7d-9e0f1a2b3c4d"}]\n', 'podcast.groups.0.guid', 'is not a version 5 UUID'],
    ['  groups: [{name: Politique, kind: category}]\n', 'podcast.groups.0.kind', ''],
    ['  groups: {Politique: {guid: "a832960f-78ba-5473-92e8-1a123e36fe85"}}\n', 'podcast.groups', ''],
  ])('refuses %s', (lines, field, message) => {
    const parsed = settingsWith(lines);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problems[0];
    expect(problem?.field).toBe(field);
    expect(problem?.file).toBe('syndic.yaml');
    expect(problem?.line).toBeGreaterThan(6);
    expect(problem?.message).toContain(message);
  });
});

describe('group podcasts', () => {
  const show: PodcastChannel = {
    ...PODCAST,
    guid: 'a832960f-78ba-5473-92e8-1a123e36fe85',
    podcasting: { movedFrom: 'https://old.example/feed.xml', funding: [{ url: 'https://x.example/give', text: 'Give' }] },
    groups: [{ kind: 'tag', name: 'Politique étrangère', image: { url: 'https://news.test.example/media/pol.png', type: 'image/png', width: 1400, height: 1400 } }],
  };

  it('gives a named tag the show with its own cover and guid, and the show keeps the move', () => {
    const channel = feedPodcast('tag', 'politique etrangere', show);
    expect(channel?.image.url).toBe('https://news.test.example/media/pol.png');
    expect(channel?.guid).toBeUndefined();
    expect(channel?.podcasting).toEqual({ funding: [{ url: 'https://x.example/give', text: 'Give' }] });
    expect(feedPodcast('site', 'Test News', show)).toBe(show);
    expect(feedPodcast('tag', 'Sport', show)).toBeUndefined();
    expect(feedPodcast('author', 'Politique étrangère', show)).toBeUndefined();
  });

  it('reads groups as a list of {name, kind, guid, image}', () => {
    const parsed = settingsWith('  groups:\n    - {name: Politique, image: images/pol.png}\n    - {name: Ann, kind: author, guid: "a832960f-78ba-5473-92e8-1a123e36fe85"}\n');
    expect(parsed.ok && parsed.value.podcast?.groups).toEqual([
      { kind: 'tag', name: 'Politique', line: 13, image: { location: 'images/pol.png', file: 'syndic.yaml', line: 13, field: 'podcast.groups.0.image' } },
      { kind: 'author', name: 'Ann', line: 14, guid: 'a832960f-78ba-5473-92e8-1a123e36fe85' },
    ]);
  });
});

describe('the cover in every format', () => {
  it('is RSS <image>, Atom <logo> and JSON Feed icon in podcast mode, and absent otherwise', async () => {
    const spec = feedSpec([entry()], { podcast: PODCAST });
    const cover = 'https://news.test.example/media/cover.png';
    expect(rssDocument(spec)).toContain(`<image>\n            <title>Test News</title>\n            <url>${cover}</url>`);
    expect(atomDocument(spec)).toContain(`<logo>${cover}</logo>`);
    expect((JSON.parse(jsonDocument(spec)) as { icon?: string }).icon).toBe(cover);
    expect(await validateRss(rssDocument(spec))).toEqual([]);
    const plain = feedSpec([entry()]);
    expect(rssDocument(plain)).not.toContain('<image>');
    expect(atomDocument(plain)).not.toContain('<logo>');
    expect(JSON.parse(jsonDocument(plain))).not.toHaveProperty('icon');
  });
});

describe('episode tags from the frontmatter', () => {
  it.each([
    ['soundbites', 'soundbites: [{start: 12.5, duration: 30, title: "A & B"}]\n', '<podcast:soundbite startTime="12.5" duration="30">A &#x26; B</podcast:soundbite>'],
    ['persons', 'persons: [{name: Bo, role: guest, href: "https://bo.example/"}]\n', '<podcast:person role="guest" href="https://bo.example/">Bo</podcast:person>'],
    ['seasonName', 'season: 2\nseasonName: Autumn\n', '<podcast:season name="Autumn">2</podcast:season>'],
    ['episodeName', 'episode: 3\nepisodeName: "Ep. 3"\n', '<podcast:episode display="Ep. 3">3</podcast:episode>'],
    ['location', 'location: {name: Kyiv, rel: subject}\n', '<podcast:location rel="subject">Kyiv</podcast:location>'],
    ['socialInteract', 'socialInteract: [{uri: "https://m.example/@a/1", protocol: activitypub}]\n', '<podcast:socialInteract uri="https://m.example/@a/1" protocol="activitypub"/>'],
  ])('%s', async (_field, lines, expected) => {
    const rss = item(lines);
    expect(rss).toContain(expected);
    expect(await validateRss(rss)).toEqual([]);
  });

  it('writes an alternate enclosure with its sources and integrity', () => {
    const rss = item('alternateEnclosures:\n  - {type: audio/ogg, length: 10, bitrate: 32000, default: true, sources: ["https://a.example/e.ogg", "https://b.example/e.ogg"], integrity: "sha256-AbC="}\n');
    expect(rss).toContain('<podcast:alternateEnclosure type="audio/ogg" length="10" bitrate="32000" default="true">');
    expect(rss).toContain('<podcast:source uri="https://a.example/e.ogg"/>');
    expect(rss).toContain('<podcast:source uri="https://b.example/e.ogg"/>');
    expect(rss).toContain('<podcast:integrity type="sri" value="sha256-AbC="/>');
  });

  it('links chapters with the type Syndic sets, and episode art with itunes:image and podcast:image', () => {
    const rss = item('', {
      chapters: { url: 'https://news.test.example/media/ep.chapters.json', type: 'application/json+chapters' },
      episodeImage: { url: 'https://news.test.example/media/ep.png', type: 'image/png', width: 1400, height: 1400 },
    });
    expect(rss).toContain('<podcast:chapters url="https://news.test.example/media/ep.chapters.json" type="application/json+chapters"/>');
    expect(rss).toContain('<itunes:image href="https://news.test.example/media/ep.png"/>');
    expect(rss).toContain('<podcast:image href="https://news.test.example/media/ep.png" aspect-ratio="1/1" width="1400" height="1400" type="image/png"/>');
  });

  it('gives an SRT transcript the namespace type application/srt, the language and rel="captions"', () => {
    const rss = item('', { transcript: { url: 'https://news.test.example/media/ep.srt', type: 'application/x-subrip' } });
    expect(rss).toContain('<podcast:transcript url="https://news.test.example/media/ep.srt" type="application/srt" language="fr" rel="captions"/>');
    const html = item('', { transcript: { url: 'https://news.test.example/media/ep.html', type: 'text/html' } });
    expect(html).toContain('<podcast:transcript url="https://news.test.example/media/ep.html" type="text/html" language="fr"/>');
  });

  it.each([
    ['soundbites: [{start: 1, duration: 0}]\n', 'soundbites.0.duration', 'must be more than 0 seconds'],
    ['persons: [{name: Bo, role: villain}]\n', 'persons.0.role', 'is not a role of the Podcasting 2.0 taxonomy'],
    ['socialInteract: [{uri: "https://m.example/1", protocol: myspace}]\n', 'socialInteract.0.protocol', 'must be one of'],
    ['alternateEnclosures: [{type: audio/mp3, length: 1, sources: ["https://a.example/e.mp3"]}]\n', 'alternateEnclosures.0.type', 'is not a registered MIME type'],
    ['alternateEnclosures: [{type: audio/mpeg, length: 1, sources: []}]\n', 'alternateEnclosures.0.sources', 'must name at least one URL'],
    ['alternateEnclosures: [{type: audio/mpeg, length: 1, sources: ["https://a.example/e.mp3"], integrity: "md5-x"}]\n', 'alternateEnclosures.0.integrity', 'Subresource Integrity'],
    ['chapters: ../chapters.json\n', 'chapters', 'path inside the project'],
    ['seasonName: Autumn\n', 'seasonName', 'names the season but gives no season number'],
    ['episodeName: "Ep. 1"\n', 'episodeName', 'names the episode but gives no episode number'],
  ])('refuses %s', (lines, field, message) => {
    const parsed = articleWith(lines);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problems[0];
    expect(problem?.field).toBe(field);
    expect(problem?.file).toBe('articles/ep.md');
    expect(problem?.line).toBe(4);
    expect(problem?.message).toContain(message);
  });
});
