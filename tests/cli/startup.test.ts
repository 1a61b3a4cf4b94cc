// What a cron tick of `syndic build` loads before it knows whether anything changed: the
// dispatcher, the build command and build.ts up to its quiet check (src/incremental/quiet.ts).
// The stages and the other commands are imported when needed; a static import of one of them
// would load zod, the YAML parsers or marked on every tick (0.32 s instead of 0.17 s at 10,000
// articles). Read from the bundle bin/syndic.js runs, which `npm test` compiles first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../lib/bin');
const chunks = new Map(readdirSync(BIN).filter((name) => name.endsWith('.js')).map((name) => [name, readFileSync(path.join(BIN, name), 'utf8')]));

/** The chunk that holds a module (esbuild marks each with a `// lib/...` comment). */
function chunkOf(module: string): string {
  const found = [...chunks].find(([, text]) => text.includes(`\n// ${module}\n`));
  if (!found) throw new Error(`no chunk holds ${module}`);
  return found[0];
}

/** Every chunk a chunk loads before its code runs: its static imports, transitively. */
function loadedWith(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop() ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    const text = chunks.get(name) ?? '';
    // Static imports only: `import(...)` is what defers a module.
    for (const [, target] of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) stack.push(target ?? '');
    for (const [, target] of text.matchAll(/^import\s*"\.\/([^"]+)"/gm)) stack.push(target ?? '');
  }
  return seen;
}

function packagesIn(names: Set<string>): string[] {
  const found = new Set<string>();
  for (const name of names) for (const [, pkg] of (chunks.get(name) ?? '').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) found.add(pkg ?? '');
  return [...found].sort();
}

describe('the modules a cron tick of syndic build loads', () => {
  const tick = new Set([...loadedWith('cli.js'), ...loadedWith(chunkOf('lib/cli/commands/build.js')), ...loadedWith(chunkOf('lib/build.js'))]);

  it('hold the quiet check', () => {
    expect([...tick].some((name) => chunks.get(name)?.includes('\n// lib/incremental/quiet.js\n'))).toBe(true);
  });

  it('load no parser, schema library or renderer before the quiet check', () => {
    expect(packagesIn(tick)).toEqual(['picocolors']);
  });

  it('leave the other commands and the stages to be imported when they run', () => {
    for (const module of ['lib/cli/commands/import.js', 'lib/cli/commands/serve.js', 'lib/cli/commands/init.js', 'lib/generate.js', 'lib/pipeline.js', 'lib/incremental/cache.js']) {
      expect(tick.has(chunkOf(module)), module).toBe(false);
    }
  });
});
