#!/usr/bin/env node
// Runs the compiled CLI: no TypeScript loader is paid for on every cron tick.
import { main, EXIT } from '../lib/bin/cli.js';

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    ...(process.stderr.isTTY ? { terminal: process.stderr } : {}),
    env: process.env,
  });
} catch (error) {
  // Only unexpected errors get here; they keep their stack so they can be reported.
  console.error(error);
  process.exitCode = EXIT.internal;
}
