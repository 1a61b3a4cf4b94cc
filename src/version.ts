import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** Syndic's own version, from package.json. Part of the build cache key. */
export function version(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
