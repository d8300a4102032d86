#!/usr/bin/env node
/** Entry point of the `lede` command. */
import { applyV8Flags } from '../util/v8-flags.js';

// Before any worker thread starts, so that every isolate of the process gets them.
applyV8Flags();

const { runCli } = await import('./program.js');

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});
process.exitCode = await runCli(process.argv.slice(2));
