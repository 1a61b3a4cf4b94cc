// Lead images and enclosures in each feed format. feed-adapter.ts calls these hooks; what
// feed 6.0.0 gets wrong about media (rows 7 and 9–11 of its table) is worked around here.
import type { Enclosure, Extension } from 'feed';
import type { Asset, Entry } from '../model.js';
import { escapeAttribute, xmlJsAttributes, xmlJsText } from './escape.js';

export const MEDIA_RSS = 'http://search.yahoo.com/mrss/';

/**
 * What the RSS item's one `<enclosure>` is: the enclosure, else the lead image (so readers
 * that know no Media RSS still show it). feed writes every key it is given as an attribute
 * (a `duration` would become one) and defaults `length` to 0, the RSS Advisory Board's value
 * for an unknown size; so exactly url, type and length are passed.
 */
export function rssEnclosure(entry: Entry): { enclosure?: Enclosure } {
  const asset = entry.assets?.enclosure ?? entry.assets?.image;
  if (asset?.type === undefined) return {};
  return { enclosure: { url: asset.url, type: asset.type, length: asset.length ?? 0 } };
}

/** Media RSS `media:content` and `media:thumbnail` for the lead image (needs xmlns:media). */
export function rssImageExtensions(entry: Entry): Extension[] {
  const image = entry.assets?.image;
  if (!image) return [];
  const size = image.width === undefined || image.height === undefined ? {} : { width: String(image.width), height: String(image.height) };
  const description = image.caption ?? image.alt;
  const content: Record<string, unknown> = {
    ...xmlJsAttributes({ url: image.url, medium: 'image', ...(image.type === undefined ? {} : { type: image.type }), ...size }),
    // The caption says what the picture shows; without one, its alt text is the best description.
    ...(description === undefined ? {} : { 'media:description': { ...xmlJsAttributes({ type: 'plain' }), ...xmlJsText(description) } }),
    ...(image.credit === undefined ? {} : { 'media:credit': xmlJsText(image.credit) }),
  };
  return [
    { name: 'media:content', objects: content },
    { name: 'media:thumbnail', objects: xmlJsAttributes({ url: image.url, ...size }) },
  ];
}

/** True when an RSS document of these entries uses the media: prefix. */
export function usesMediaRss(entries: readonly Entry[]): boolean {
  return entries.some((entry) => entry.assets?.image !== undefined);
}

/**
 * Atom `link rel="enclosure"` elements, written by us: feed 6 derives their type from the
 * file extension under a fixed category (`image/jpg`, or `image/pdf` for a PDF). Same choice
 * as RSS: the enclosure, else the lead image.
 */
export function atomEnclosureLinks(entry: Entry): string[] {
  const asset = entry.assets?.enclosure ?? entry.assets?.image;
  if (asset?.type === undefined) return [];
  const length = asset.length === undefined ? '' : ` length="${asset.length}"`;
  return [`<link rel="enclosure" href="${escapeAttribute(asset.url)}" type="${escapeAttribute(asset.type)}"${length}/>`];
}

/**
 * Seconds of play: measured from a local MP3 or M4A's header when it says, since the file is
 * what listeners get; otherwise the frontmatter's `duration` (a remote file, or a header that
 * does not say).
 */
export function playTime(entry: Pick<Entry, 'assets' | 'episode'>): number | undefined {
  return entry.assets?.enclosure?.duration ?? entry.episode?.duration;
}

/** JSON Feed 1.1 `attachments` (https://jsonfeed.org/version/1.1#attachments-key). */
export function jsonAttachments(entry: Entry): { attachments?: Array<Record<string, unknown>> } {
  const enclosure: Asset | undefined = entry.assets?.enclosure;
  if (enclosure?.type === undefined) return {};
  const duration = playTime(entry);
  return {
    attachments: [
      {
        url: enclosure.url,
        mime_type: enclosure.type,
        ...(enclosure.length === undefined ? {} : { size_in_bytes: enclosure.length }),
        ...(duration === undefined ? {} : { duration_in_seconds: duration }),
      },
    ],
  };
}
