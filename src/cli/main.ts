#!/usr/bin/env node
/** Entry point of the `lede` command. */
import { runCli } from './program.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});
process.exitCode = await runCli(process.argv.slice(2));
