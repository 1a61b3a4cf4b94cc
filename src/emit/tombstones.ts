// RFC 6721 tombstones (https://www.rfc-editor.org/rfc/rfc6721#section-3): a retracted or
// deleted entry leaves every format, and the Atom document that held it, or would have,
// says so with <at:deleted-entry ref="…" when="…">. RSS 2.0 and JSON Feed have no such
// element: there the entry only goes.
import type { Entry, FeedSpec, Tombstone } from '../model.js';
import { escapeAttribute, xmlText } from './escape.js';

export const TOMBSTONES = 'http://purl.org/atompub/tombstones/1.0';

/**
 * The document as readers get it: retracted entries taken out of `entries` and buried as
 * tombstones. They stay in the feed's plan, so archive pages keep their members and only the
 * page that held a retracted entry changes, in all three formats.
 */
export function tombstoned(spec: FeedSpec): FeedSpec {
  const withdrawn = spec.entries.filter((entry) => entry.retracted !== undefined);
  if (withdrawn.length === 0 && (spec.tombstones ?? []).length === 0) return spec;
  const entries = withdrawn.length === 0 ? spec.entries : spec.entries.filter((entry) => entry.retracted === undefined);
  const tombstones = sorted([...(spec.tombstones ?? []), ...withdrawn.map(tombstoneOf)]);
  // A withdrawal is a change of the feed: its `updated` is at least the newest tombstone's `when`.
  const latest = [...entries.map((entry) => entry.updated.getTime()), ...tombstones.map((stone) => Date.parse(stone.when))];
  return { ...spec, entries, tombstones, updated: new Date(Math.max(...latest)) };
}

function tombstoneOf(entry: Entry): Tombstone {
  const { when, reason } = entry.retracted as NonNullable<Entry['retracted']>;
  return { ref: entry.id, when, comment: reason };
}

/** Newest first, then by ref: the same tombstones give the same bytes. */
function sorted(stones: readonly Tombstone[]): Tombstone[] {
  const unique = new Map(stones.map((stone) => [stone.ref, stone]));
  return [...unique.values()].sort((a, b) => (a.when > b.when ? -1 : a.when < b.when ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

/** Tombstones of articles no longer published go on the subscription feeds whose readers may hold them. */
export function withGone<L extends { feed: FeedSpec }>(listings: readonly L[], gone: ReadonlyMap<string, readonly Tombstone[]>): L[] {
  if (gone.size === 0) return [...listings];
  return listings.map((listing) => {
    const stones = gone.get(listing.feed.dir);
    return stones === undefined ? listing : { ...listing, feed: { ...listing.feed, tombstones: [...(listing.feed.tombstones ?? []), ...stones] } };
  });
}

/**
 * The Atom document with its tombstones before the first entry (RFC 4287's RELAX NG grammar
 * wants extension elements of a feed before its entries; order means nothing to readers), and
 * the at: namespace on the root. `ref` is the id exactly as <id> has it (finish() writes ids as given).
 */
export function withAtomTombstones(xml: string, spec: FeedSpec): string {
  const stones = spec.tombstones ?? [];
  if (stones.length === 0) return xml;
  const root = xml.indexOf('<feed ');
  const firstEntry = xml.search(/ *<entry[ >]/);
  const at = firstEntry === -1 ? xml.lastIndexOf('</feed>') : firstEntry;
  if (root === -1 || at === -1) throw new Error('tombstones: no Atom <feed> element');
  const elements = stones.map((stone) => {
    const open = `    <at:deleted-entry ref="${escapeAttribute(stone.ref)}" when="${escapeAttribute(stone.when)}"`;
    return stone.comment === undefined ? `${open}/>\n` : `${open}>\n        <at:comment>${xmlText(stone.comment)}</at:comment>\n    </at:deleted-entry>\n`;
  });
  const name = root + '<feed'.length;
  return `${xml.slice(0, name)} xmlns:at="${TOMBSTONES}"${xml.slice(name, at)}${elements.join('')}${xml.slice(at)}`;
}
