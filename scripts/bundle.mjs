// Bundles the compiled CLI into a few files under lib/bin. Resolving and loading ~400
// separate modules cost 0.4 s on every cron tick; the bundle loads in a fraction of that,
// and --splitting keeps --help and --version from loading the build at all.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes; stale ones would pile up.
rmSync('lib/bin', { recursive: true, force: true });

await build({
  // Named entries keep lib/bin/ flat: bin/syndic.js imports lib/bin/cli.js, and the parse pool
  // finds its worker next to itself (lib/bin/parse-worker.js).
  entryPoints: { cli: 'lib/cli/cli.js', 'parse-worker': 'lib/incremental/parse-worker.js' },
  // tinypool starts its workers from files next to its own code, so it must stay in node_modules.
  external: ['tinypool'],
  outdir: 'lib/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __syndicRequire } from 'node:module'; const require = __syndicRequire(import.meta.url);" },
});
