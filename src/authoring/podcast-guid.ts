// podcast:guid is assigned once (https://podcasting2.org/docs/podcast-namespace/tags/guid): the
// show keeps it when its feed moves, so the first real build of a podcast whose syndic.yaml has
// none writes the guid that feed carried into the file. Pure: the build command reads and writes.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, parseDocument } from 'yaml';

/** True when syndic.yaml has a `podcast:` block and no `guid` in it: a build must write one. */
export function lacksPodcastGuid(text: string): boolean {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return false;
  const podcast = doc.get('podcast');
  return isMap(podcast) && !podcast.has('guid');
}

/**
 * The settings text with `guid: <guid>` inserted as the first line under `podcast:`, at the
 * indentation of the block's own keys; every other byte (comments, quoting, order) as it was.
 * Undefined when the block is not one that line can go into (`podcast: {…}` on one line), so
 * the caller asks the user to add it instead of rewriting their file.
 */
export function withPodcastGuid(text: string, guid: string): { text: string; line: number } | undefined {
  const doc = parseDocument(text);
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root) || root.flow) return undefined;
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'podcast');
  const block = pair?.value;
  if (!pair || !isScalar(pair.key) || !isMap(block) || block.flow || block.has('guid')) return undefined;
  const first = block.items[0]?.key;
  const keyAt = pair.key.range?.[0];
  const firstAt = isScalar(first) ? first.range?.[0] : undefined;
  if (keyAt === undefined || firstAt === undefined) return undefined;
  const indent = text.slice(text.lastIndexOf('\n', firstAt - 1) + 1, firstAt);
  if (!/^ +$/.test(indent)) return undefined;
  const lineEnd = text.indexOf('\n', keyAt);
  if (lineEnd === -1) return undefined;
  const eol = text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const edited = `${text.slice(0, lineEnd + 1)}${indent}guid: ${guid}${eol}${text.slice(lineEnd + 1)}`;
  // The edit must add that one setting and change nothing else the file says.
  const after = parseDocument(edited);
  const expected = doc.toJS() as { podcast: Record<string, unknown> };
  const got = after.toJS() as { podcast?: Record<string, unknown> } | null;
  if (after.errors.length > 0 || !isDeepStrictEqual(got, { ...expected, podcast: { ...expected.podcast, guid } })) return undefined;
  return { text: edited, line: text.slice(0, lineEnd + 1).split('\n').length };
}
