// `syndic serve`: build a preview into a folder of its own, then serve it on 127.0.0.1,
// rebuilding and reloading open pages with --watch. The real dist/ and its cache are never touched.
import path from 'node:path';
import type { BuildOptions } from '../../build.js';
import type { Server, ServeOptions } from '../../dev/serve.js';
import { EXIT, type Command, type Io } from '../io.js';
import { BUILD_OPTIONS, buildOptionsOf, intoDist } from './build.js';
import { interrupted, reportOutcome } from './build-watch.js';
import { badUsage, parseCommand, PREVIEW } from '../options.js';
import { previewOf } from '../report.js';
import { projectPaths } from '../../paths.js';

export const SERVE_HELP = `Usage
  $ syndic serve [--port N] [--watch] [--drafts] [--future] [build options]

Builds a preview of the site into ROOT/${PREVIEW.outDir}, with its own cache
and the server's address as base URL, then serves it at http://127.0.0.1:PORT/
with the content types, ETags, Range requests and compression a real host uses.
The real dist/ and its build cache are never touched.

Options
  --root DIR         Project folder (default: .)
  --port N           Port to listen on; 0 picks a free one (default: 8080)
  --watch            Rebuild when articles, settings or media change, and reload open pages
  --drafts           Show drafts too
  --future           Show articles dated later too
  --out DIR          Preview folder (default: ROOT/${PREVIEW.outDir}; never dist/)
  --base-url URL     Links to this address instead of the server's own
  -h, --help         Show this help
  (and the other build options: --articles, --config, --timezone, --now,
   --keep-going, --no-cache, --jobs)

Examples
  $ syndic serve --watch
  $ syndic serve --watch --drafts --future
  $ syndic serve --port 0 --root site
`;

const OPTIONS = { ...BUILD_OPTIONS, port: { type: 'string' }, watch: { type: 'boolean' } } as const;

export const command: Command = {
  name: 'serve',
  summary: 'Build a preview with its own folder and cache, and serve it on localhost',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'serve', help: SERVE_HELP, positionals: { min: 0, max: 0, what: '' } }, io);
    if (typeof parsed === 'number') return parsed;
    const { port: portFlag, watch: watching, ...flags } = parsed.values;
    const port = Number(portFlag ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65_535) return badUsage(io, 'serve', `--port "${portFlag ?? ''}" is not a port number (0 to 65535)`);
    const asked = buildOptionsOf(flags);
    if (asked instanceof Error) return badUsage(io, 'serve', asked.message);
    if (asked.outDir !== undefined && intoDist(asked)) {
      return badUsage(io, 'serve', 'serve never writes into dist/, which readers see; leave out --out to preview in ' + `${PREVIEW.outDir}/`);
    }
    // A preview never updates syndic.published.json and never stops on deletions: readers never see it.
    const options: BuildOptions = { ...asked, outDir: asked.outDir ?? PREVIEW.outDir, cacheFile: PREVIEW.cacheFile, remember: false, confirmDeletions: true };
    const { outDir: dir, root } = projectPaths(options);
    const shown = `${path.relative(root, dir) || '.'}/`;
    const { serve } = await import('../../dev/serve.js');
    // Listening first gives the preview its base URL: canonical links and feeds point here.
    const server = await start(serve, { dir, port, liveReload: watching === true }, io);
    if (!server) return EXIT.usage;
    const preview: BuildOptions = { ...options, baseUrl: asked.baseUrl ?? server.url };

    if (!watching) {
      // The same build and report as `syndic build`, with its exit statuses (1 bad input, 75 locked…).
      const { runBuild } = await import('./build.js');
      const status = await runBuild(preview, 'plain', io);
      if (status !== EXIT.ok && status !== EXIT.partial) {
        await server.close();
        return status;
      }
      io.stdout(`serving ${shown} at ${server.url} (Ctrl-C to stop)\n`);
      await interrupted(io.interrupt);
      await server.close();
      return EXIT.ok;
    }

    // The first build may fail; the server still runs, serving whatever was built before.
    const { watch } = await import('../../dev/watch.js');
    const watcher = await watch(preview, (outcome) => {
      reportOutcome(outcome, io, previewOf(preview));
      if (outcome.ok && outcome.result.changed.length > 0) server.reload();
    });
    io.stdout(`serving ${shown} at ${server.url}, rebuilding on changes (Ctrl-C to stop)\n`);
    await interrupted(io.interrupt);
    await watcher.close();
    await server.close();
    return EXIT.ok;
  },
};

/** Starts the server, or says which port to pick instead when this one is taken. */
async function start(serve: (options: ServeOptions) => Promise<Server>, options: ServeOptions, io: Io): Promise<Server | undefined> {
  try {
    return await serve(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    io.stderr(`syndic serve: cannot listen on port ${options.port ?? 0} (${(error as NodeJS.ErrnoException).code ?? ''})\n  hint: pass another --port, or --port 0 for any free one\n`);
    return undefined;
  }
}
