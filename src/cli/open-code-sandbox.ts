import { openSandbox } from '../code/sandbox/open-sandbox.js';
import type { Sandbox } from '../code/sandbox/sandbox.js';
import type { CliIo } from './cli-io.js';

/**
 * Opens the sandbox for a command that runs generated code, before anything is written: where
 * bubblewrap cannot run, throws `SandboxUnavailableError` (exit 2), or with `--allow-unconfined`
 * says in one line on stderr that the code runs unconfined, and why.
 */
export async function openCodeSandbox({
  io,
  allowUnconfined,
}: {
  io: CliIo;
  allowUnconfined: boolean;
}): Promise<Sandbox> {
  const sandbox = await openSandbox({ allowUnconfined, env: io.env });
  if (sandbox.weakness !== undefined) {
    io.stderr.write(
      `quire: generated code runs unconfined (--allow-unconfined): ${sandbox.weakness}; only Node's permission model and resource limits stand between it and this machine.\n`,
    );
  }
  return sandbox;
}
