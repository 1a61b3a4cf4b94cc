// The Podcasting 2.0 tags beyond guid and locked (https://podcasting2.org/docs/podcast-namespace,
// docs/tags/*.md), as `feed` extensions for emit/podcast.ts. Text goes through markers
// (escape.ts field table: `podcast:` and `itunes:` are plain text), attributes are escaped here.
import type { Extension } from 'feed';
import type { Asset, Entry, FeedSpec, GroupKind, PodcastChannel } from '../model.js';
import { groupSlug } from '../addresses/urls.js';
import type { PodcastingChannel, PodcastingEpisode } from '../schema.js';
import { xmlJsAttributes as attributes, xmlJsText as text } from './escape.js';

type Person = NonNullable<PodcastingChannel['persons']>[number];
type Location = NonNullable<PodcastingChannel['location']>;

/** Only the attributes that have a value, as strings. */
function defined(values: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((pair): pair is [string, string | number | boolean] => pair[1] !== undefined).map(([key, value]) => [key, String(value)]));
}

function element(name: string, attrs: Record<string, string | number | boolean | undefined>, body?: string): Extension {
  return { name, objects: { ...attributes(defined(attrs)), ...(body === undefined ? {} : text(body)) } };
}

function persons(list: readonly Person[] | undefined): Extension[] {
  return (list ?? []).map((who) => element('podcast:person', { role: who.role, group: who.group, img: who.img, href: who.href }, who.name));
}

function location(place: Location | undefined): Extension[] {
  return place === undefined ? [] : [element('podcast:location', { rel: place.rel, geo: place.geo, osm: place.osm, country: place.country }, place.name)];
}

type Value = NonNullable<PodcastingChannel['value']>;

/** podcast:value and its podcast:valueRecipient elements. */
function value(payments: Value | undefined): Extension[] {
  if (payments === undefined) return [];
  const recipients = payments.recipients.map((who) =>
    attributes(defined({ name: who.name, type: who.type, address: who.address, split: who.split, fee: who.fee === true ? true : undefined, customKey: who.customKey, customValue: who.customValue })),
  );
  return [{ name: 'podcast:value', objects: { ...attributes(defined({ type: payments.type, method: payments.method, suggested: payments.suggested })), 'podcast:valueRecipient': recipients } }];
}

/** podcast:image for a square picture whose size is known; apps pick art by aspect ratio. */
function image(asset: Asset, alt?: string): Extension[] {
  return [element('podcast:image', { href: asset.url, alt, 'aspect-ratio': asset.width !== undefined && asset.width === asset.height ? '1/1' : undefined, width: asset.width, height: asset.height, type: asset.type })];
}

/** Channel tags set in syndic.yaml. */
export function podcastingChannelExtensions(spec: FeedSpec, podcast: PodcastChannel): Extension[] {
  const tags = podcast.podcasting ?? {};
  return [
    // Apple reads it in the feed at the new address, which the old one redirects to.
    ...(tags.movedFrom === undefined ? [] : [{ name: 'itunes:new-feed-url', objects: text(spec.urls.rss) }]),
    ...image(podcast.image, tags.imageAlt),
    ...(tags.funding ?? []).map((fund) => element('podcast:funding', { url: fund.url }, fund.text)),
    ...persons(tags.persons),
    ...location(tags.location),
    ...(tags.license === undefined ? [] : [element('podcast:license', { url: tags.license.url }, tags.license.name)]),
    ...(tags.medium === undefined ? [] : [element('podcast:medium', {}, tags.medium)]),
    ...(tags.txt ?? []).map((txt) => element('podcast:txt', { purpose: txt.purpose }, txt.text)),
    ...(tags.podroll === undefined
      ? []
      : [{ name: 'podcast:podroll', objects: { 'podcast:remoteItem': tags.podroll.map((show) => attributes(defined({ feedGuid: show.feedGuid, feedUrl: show.feedUrl }))) } }]),
    ...(tags.updateFrequency === undefined ? [] : [element('podcast:updateFrequency', { complete: tags.updateFrequency.complete, rrule: tags.updateFrequency.rrule }, tags.updateFrequency.text)]),
    ...(tags.trailer ?? []).map((trailer) =>
      element('podcast:trailer', { url: trailer.url, pubdate: new Date(trailer.pubdate).toUTCString(), length: trailer.length, type: trailer.type, season: trailer.season }, trailer.title),
    ),
    ...value(tags.value),
  ];
}

type Alternate = NonNullable<PodcastingEpisode['alternateEnclosures']>[number];

function alternateEnclosure(alternate: Alternate): Extension {
  const attrs = defined({ type: alternate.type, length: alternate.length, bitrate: alternate.bitrate, height: alternate.height, lang: alternate.lang, title: alternate.title, default: alternate.default });
  return {
    name: 'podcast:alternateEnclosure',
    objects: {
      ...attributes(attrs),
      'podcast:source': alternate.sources.map((uri) => attributes({ uri })),
      ...(alternate.integrity === undefined ? {} : { 'podcast:integrity': attributes({ type: 'sri', value: alternate.integrity }) }),
    },
  };
}

/** The transcript types the namespace names (docs/tags/transcript.md); SRT is application/srt there. */
const TRANSCRIPT_TYPES: Record<string, string> = { 'application/x-subrip': 'application/srt' };
const CAPTIONS = new Set(['text/vtt', 'application/srt']);

/** podcast:transcript with the namespace's type, the episode's language, and rel="captions" for timed text. */
export function transcriptExtension(entry: Entry, spec: FeedSpec): Extension[] {
  const transcript = entry.assets?.transcript;
  if (transcript?.type === undefined) return [];
  const type = TRANSCRIPT_TYPES[transcript.type] ?? transcript.type;
  return [element('podcast:transcript', { url: transcript.url, type, language: entry.lang ?? spec.language, rel: CAPTIONS.has(type) ? 'captions' : undefined })];
}

/** Item tags set in the frontmatter, with the episode art and chapters resolved. */
export function podcastingItemExtensions(entry: Entry): Extension[] {
  const episode = entry.episode ?? {};
  const tags = episode.podcasting ?? {};
  const chapters = entry.assets?.chapters;
  const art = entry.assets?.episodeImage;
  return [
    ...(art === undefined ? [] : [{ name: 'itunes:image', objects: attributes({ href: art.url }) }, ...image(art)]),
    ...(chapters?.type === undefined ? [] : [element('podcast:chapters', { url: chapters.url, type: chapters.type })]),
    ...(tags.soundbites ?? []).map((bite) => element('podcast:soundbite', { startTime: bite.start, duration: bite.duration }, bite.title)),
    ...persons(tags.persons),
    ...(episode.season === undefined ? [] : [element('podcast:season', { name: tags.seasonName }, String(episode.season))]),
    ...(episode.episode === undefined ? [] : [element('podcast:episode', { display: tags.episodeName }, String(episode.episode))]),
    ...(tags.alternateEnclosures ?? []).map(alternateEnclosure),
    ...location(tags.location),
    ...(tags.socialInteract ?? []).map((place) => element('podcast:socialInteract', { uri: place.uri, protocol: place.protocol, accountId: place.accountId, accountUrl: place.accountUrl, priority: place.priority })),
    ...value(tags.value),
  ];
}

/**
 * The podcast a feed is: the show for the site feed; for a tag or author feed named in
 * `podcast.groups`, the show with that group's guid and cover. A move, a verification text
 * and trailers belong to the show's own feed, so a group podcast does not repeat them.
 */
export function feedPodcast(kind: 'site' | GroupKind, name: string, podcast: PodcastChannel | undefined): PodcastChannel | undefined {
  if (podcast === undefined || kind === 'site') return podcast;
  const group = podcast.groups?.find((candidate) => candidate.kind === kind && groupSlug(candidate.name) === groupSlug(name));
  if (group === undefined) return undefined;
  const { groups: _groups, guid: _guid, podcasting, ...show } = podcast;
  const { movedFrom: _moved, txt: _txt, trailer: _trailer, ...tags } = podcasting ?? {};
  return { ...show, image: group.image ?? podcast.image, ...(group.guid === undefined ? {} : { guid: group.guid }), podcasting: tags };
}
