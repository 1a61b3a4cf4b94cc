// Content hashes: the cache's keys, the manifest's sums and media copies' identities. Apart
// from the cache so the stages that hash (media, write) do not depend on it.
import { createHash } from 'node:crypto';

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/**
 * `body` behind a first line that is its hash, for a file Syndic writes and reads back (the
 * build cache, the quiet record): one cut short or edited by hand is then noticed on reading
 * even where every value still has the right type (a date moved by a year).
 */
export function signed(body: string): string {
  return `${hashText(body)}\n${body}`;
}

/** The body of a `signed()` text, or undefined when it is not what was written. */
export function verified(text: string): string | undefined {
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  return newline >= 0 && text.slice(0, newline) === hashText(body) ? body : undefined;
}
