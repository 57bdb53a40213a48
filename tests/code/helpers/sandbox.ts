import { openSandbox } from '../../../src/code/sandbox/open-sandbox.js';
import type { Sandbox } from '../../../src/code/sandbox/sandbox.js';

/**
 * The sandbox functional tests run generated code in: bubblewrap where it works here, else the
 * unconfined one, so they pass on any machine. The escape tests check which one is in force.
 */
export function testSandbox(
  env: Record<string, string | undefined> = process.env,
): Promise<Sandbox> {
  return openSandbox({ allowUnconfined: true, env });
}

/** Limits for fast tests on a busy machine. */
export const testLimits = { timeoutMs: 20_000, memoryLimitMb: 128, diskQuotaMb: 64 };
