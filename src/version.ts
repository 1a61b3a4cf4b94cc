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

let dependencies: Record<string, string> | undefined;

/**
 * The installed version of each of Syndic's dependencies, as Node would resolve them from
 * Syndic's own folder. A user's install has no lockfile, so the versions are read where they
 * are installed: ~20 small files, about a millisecond.
 */
export function dependencyVersions(): Record<string, string> {
  if (dependencies) return dependencies;
  const root = packageRoot();
  const own = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { dependencies?: Record<string, string> };
  const found: Record<string, string> = {};
  for (const name of Object.keys(own.dependencies ?? {}).sort()) {
    for (let dir = root; ; dir = new URL('../', dir)) {
      const file = new URL(`node_modules/${name}/package.json`, dir);
      if (existsSync(file)) {
        found[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
        break;
      }
      if (dir.pathname === '/') {
        found[name] = 'missing';
        break;
      }
    }
  }
  return (dependencies = found);
}
