// `syndic serve`: build, then serve the output folder on 127.0.0.1, rebuilding and reloading open pages with --watch.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Server, ServeOptions } from '../serve.js';
import { EXIT, type Command, type Io } from '../cli.js';
import { BUILD_OPTIONS, buildOptionsOf } from './build.js';
import { interrupted, reportOutcome } from './build-watch.js';
import { projectPaths } from '../paths.js';

export const SERVE_HELP = `Usage
  $ syndic serve [--port N] [--watch] [build options]

Builds the site, then serves the output folder at http://127.0.0.1:PORT/
with the content types, ETags and compression a real host would use.

Options
  --root DIR         Project folder (default: .)
  --port N           Port to listen on; 0 picks a free one (default: 8080)
  --watch            Rebuild when articles, settings or media change, and reload open pages
  --out DIR          Output folder to build and serve (default: ROOT/dist)
  -h, --help         Show this help
  (and the other build options: --articles, --config, --base-url, --timezone,
   --now, --keep-going, --no-cache, --jobs)

Examples
  $ syndic serve --watch
  $ syndic serve --port 0 --root site
`;

export const command: Command = {
  name: 'serve',
  summary: 'Build, then serve dist/ on localhost with live reload (--watch)',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        strict: true,
        allowPositionals: false,
        options: { ...BUILD_OPTIONS, port: { type: 'string' }, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      io.stderr(`syndic serve: ${(error as Error).message}\nRun "syndic serve --help" for usage.\n`);
      return EXIT.usage;
    }
    const { port: portFlag, watch: watching, help, ...flags } = parsed.values;
    if (help) {
      io.stdout(SERVE_HELP);
      return EXIT.ok;
    }
    const port = Number(portFlag ?? '8080');
    const options = buildOptionsOf(flags);
    if (!Number.isInteger(port) || port < 0 || port > 65_535 || options instanceof Error) {
      io.stderr(`syndic serve: ${options instanceof Error ? options.message : `--port "${portFlag ?? ''}" is not a port number (0 to 65535)`}\n`);
      return EXIT.usage;
    }
    const { root, outDir: dir } = projectPaths(options);
    const shown = `${path.relative(root, dir) || '.'}/`;
    const { serve } = await import('../serve.js');

    if (!watching) {
      // The same build and report as `syndic build`, with its exit statuses (1 bad input, 75 locked…).
      const { runBuild } = await import('./build.js');
      const status = await runBuild(options, 'plain', io);
      if (status !== EXIT.ok && status !== EXIT.partial) return status;
      const server = await start(serve, { dir, port }, io);
      if (!server) return EXIT.usage;
      io.stdout(`serving ${shown} at ${server.url} (Ctrl-C to stop)\n`);
      await interrupted(io.interrupt);
      await server.close();
      return EXIT.ok;
    }

    // The first build may fail; the server still starts, serving whatever was built before.
    const { watch } = await import('../watch.js');
    let server: Server | undefined;
    const watcher = await watch(options, (outcome) => {
      reportOutcome(outcome, io);
      if (outcome.ok && outcome.result.changed.length > 0) server?.reload();
    });
    // A first build that failed may have left no output folder to serve yet.
    await mkdir(dir, { recursive: true });
    server = await start(serve, { dir, port, liveReload: true }, io);
    if (!server) {
      await watcher.close();
      return EXIT.usage;
    }
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
