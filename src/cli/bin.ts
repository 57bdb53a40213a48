#!/usr/bin/env node
import { main } from './main.js';

// One AbortController for the whole process: the first Ctrl-C asks the running command to stop
// and save (it then exits 130 with a resume command); a second one exits at once.
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new Error('interrupted by the user'));
});
process.on('SIGTERM', () => controller.abort(new Error('terminated')));

process.exitCode = await main({ argv: process.argv.slice(2), abortSignal: controller.signal });
