// Content hashes: the cache's keys, the manifest's sums and media copies' identities. Apart
// from the cache so the stages that hash (media, write) do not depend on it.
import { createHash } from 'node:crypto';

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
