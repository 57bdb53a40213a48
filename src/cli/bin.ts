#!/usr/bin/env node
import { type StopSignal, signalExitCodes } from './format-error.js';
import { main } from './main.js';
import { StopRequest } from './stop-request.js';

/** How long a stopped command may take to save its work before the process exits anyway. */
const gracePeriodMs = 10_000;

// One AbortController for the whole process. The first SIGINT (Ctrl-C), SIGTERM or SIGHUP asks
// the running command to stop and save (it then exits 130, 143 or 129 with a resume command);
// a second one, or a command still busy after the grace period, exits at once. Nothing is lost
// either way: every write is atomic and the journal is flushed line by line.
const controller = new AbortController();
for (const signal of Object.keys(signalExitCodes) as StopSignal[]) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(signalExitCodes[signal]);
    controller.abort(new StopRequest(signal));
    setTimeout(() => process.exit(signalExitCodes[signal]), gracePeriodMs).unref();
  });
}

process.exitCode = await main({ argv: process.argv.slice(2), abortSignal: controller.signal });
