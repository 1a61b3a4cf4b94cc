// Podcast mode: the Apple Podcasts (itunes:) and Podcasting 2.0 (podcast:) elements of the RSS
// feed, as `feed` extensions. feed's own `podcast: true` is not used (row 11 of the adapter's table).
//   Apple: https://podcasters.apple.com/support/823-podcast-requirements
//   Podcasting 2.0: https://podcasting2.org/docs/podcast-namespace
import type { Extension } from 'feed';
import { v5 as uuidv5 } from 'uuid';
import type { Entry, FeedSpec, PodcastChannel } from '../model.js';
import { xmlJsAttributes as attributes, xmlJsText as text } from './escape.js';
import { byName } from './feed-adapter.js';
import { playTime } from './enclosures.js';
import { podcastingChannelExtensions, podcastingItemExtensions, transcriptExtension } from './podcasting.js';

export const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
export const PODCAST = 'https://podcastindex.org/namespace/1.0';
/** The namespace of podcast:guid UUIDs (Podcasting 2.0, tags/guid.md). */
const GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/**
 * podcast:guid: a UUIDv5 of the feed URL without its scheme and trailing slashes, so that
 * moving to https or adding a slash keeps the show's identity.
 */
export function podcastGuid(feedUrl: string): string {
  return uuidv5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, ''), GUID_NAMESPACE);
}


/**
 * Channel elements. feed appends channel extensions after the items; RSS 2.0 sets no order.
 * feed keeps one channel extension per name, so repeated tags (funding, person) are grouped.
 */
export function podcastChannelExtensions(spec: FeedSpec, podcast: PodcastChannel): Extension[] {
  const author = podcast.author ?? spec.authors.map((person) => person.name).join(', ');
  const categories = podcast.categories.map(([top, subs]) => ({
    ...attributes({ text: top }),
    ...(subs.length === 0 ? {} : { 'itunes:category': subs.map((sub) => attributes({ text: sub })) }),
  }));
  return byName([
    { name: 'itunes:author', objects: text(author) },
    { name: 'itunes:owner', objects: { 'itunes:name': text(podcast.owner.name), 'itunes:email': text(podcast.owner.email) } },
    { name: 'itunes:image', objects: attributes({ href: podcast.image.url }) },
    // An array makes xml-js repeat the element; feed's type says object, its code passes it on.
    { name: 'itunes:category', objects: categories as unknown as Record<string, unknown> },
    // Apple asks for true/false since 2019; the W3C validator accepts only these too.
    { name: 'itunes:explicit', objects: text(String(podcast.explicit)) },
    { name: 'itunes:type', objects: text(podcast.type) },
    { name: 'podcast:guid', objects: text(podcast.guid ?? podcastGuid(spec.urls.rss)) },
    { name: 'podcast:locked', objects: { ...attributes({ owner: podcast.owner.email }), ...text(podcast.locked ? 'yes' : 'no') } },
    ...podcastingChannelExtensions(spec, podcast),
  ]);
}

/** Item elements: an episode's duration, numbers, type and transcript. */
export function podcastItemExtensions(entry: Entry, spec: FeedSpec): Extension[] {
  const episode = entry.episode ?? {};
  const duration = playTime(entry);
  return [
    ...(duration === undefined ? [] : [{ name: 'itunes:duration', objects: text(String(duration)) }]),
    ...(episode.episode === undefined ? [] : [{ name: 'itunes:episode', objects: text(String(episode.episode)) }]),
    ...(episode.season === undefined ? [] : [{ name: 'itunes:season', objects: text(String(episode.season)) }]),
    ...(episode.episodeType === undefined ? [] : [{ name: 'itunes:episodeType', objects: text(episode.episodeType) }]),
    ...transcriptExtension(entry, spec),
    ...podcastingItemExtensions(entry),
  ];
}
