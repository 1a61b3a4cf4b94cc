// `feedContent: summary`: the feed carries each article's summary (else its excerpt) and link,
// never its text: no content:encoded in RSS, no content in Atom (RFC 4287 §4.1.2 then needs the
// alternate link and a summary, both always written), no content_html in JSON Feed (json.ts).
import type { Item } from 'feed';
import type { Entry, FeedSpec } from '../model.js';
import { baseItem } from './feed-adapter.js';

/** True when the feed leaves the articles' text out. */
export function summaryOnly(spec: Pick<FeedSpec, 'feedContent'>): boolean {
  return spec.feedContent === 'summary';
}

/** The item fields both XML formats share, without the content in a summary feed. */
export function itemText(entry: Entry, spec: FeedSpec): Item {
  const { content, ...item } = baseItem(entry);
  return summaryOnly(spec) || content === undefined ? item : { ...item, content };
}
