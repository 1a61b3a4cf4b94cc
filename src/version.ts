import { existsSync, readFileSync } from 'node:fs';

let cached: { version: string; root: URL } | undefined;

function ownPackage(): { version: string; root: URL } {
  // Compiled (lib/) and bundled (lib/bin/) code sit at different depths below package.json.
  for (let url = new URL('../package.json', import.meta.url); !cached; url = new URL('../package.json', url)) {
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'syndic') cached = { version: pkg.version, root: new URL('./', url) };
    }
    if (url.pathname === '/package.json') break;
  }
  if (!cached) throw new Error('syndic: cannot find its own package.json');
  return cached;
}

/** Syndic's own version, from its package.json. Part of the build cache key. */
export function version(): string {
  return ownPackage().version;
}

/** The folder of Syndic's own package.json, which holds assets/ and lib/. */
export function packageRoot(): URL {
  return ownPackage().root;
}
