import { expect } from 'vitest';
import { openSandbox } from '../../../src/code/sandbox/open-sandbox.js';
import type { Sandbox } from '../../../src/code/sandbox/sandbox.js';
import { SandboxUnavailableError } from '../../../src/errors/sandbox-unavailable-error.js';

/**
 * The sandbox functional tests run generated code in: bubblewrap where it works here, else the
 * unconfined one, so they pass on any machine. The escape tests check which one is in force.
 */
export function testSandbox(
  env: Record<string, string | undefined> = process.env,
): Promise<Sandbox> {
  return openSandbox({ allowUnconfined: true, env });
}

/**
 * The bubblewrap sandbox, or undefined where it cannot run on this machine, after checking that
 * quire then refuses to run generated code at all (the behaviour a test asserts in either case).
 */
export async function bubblewrapOrRefusal(
  env: Record<string, string | undefined> = process.env,
): Promise<Sandbox | undefined> {
  try {
    const sandbox = await openSandbox({ env });
    expect(sandbox.confinement).toBe('bubblewrap');
    return sandbox;
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    return undefined;
  }
}

/** Limits for fast tests on a busy machine. */
export const testLimits = { timeoutMs: 20_000, memoryLimitMb: 128, diskQuotaMb: 64 };

/**
 * A CommonJS script that tries to start 200 short-lived processes and prints how many started
 * and the error that stopped the rest: a fork loop that stays harmless even where no limit holds.
 */
export const forkLoopScript = `const { spawn } = require('node:child_process');
let started = 0, failed = null, pending = 200;
const done = () => { if (--pending === 0) { console.log(JSON.stringify({ started, failed })); process.exit(0); } };
for (let i = 0; i < 200; i++) {
  const child = spawn('/usr/bin/sleep', ['5'], { stdio: 'ignore' });
  child.on('spawn', () => { started++; done(); });
  child.on('error', (error) => { failed = error.code; done(); });
}
`;
