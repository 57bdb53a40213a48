import { join } from 'node:path';
import {
  type CodeSettings,
  type CodeSettingsInput,
  CodeSettingsSchema,
} from '../../../src/code/code-settings.js';
import type { CodeInstruction } from '../../../src/code/plan/code-plan.js';
import { openWorkspace, type Workspace } from '../../../src/code/workspace/workspace.js';

/** An instruction with sensible defaults; override what the test is about. */
export function createInstruction(overrides: Partial<CodeInstruction> = {}): CodeInstruction {
  return {
    id: 'step-01',
    title: 'Greeting',
    details: 'Write src/greet.js exporting greet(name).',
    requirements: [{ id: 'R1', text: 'Greet people by name.', line: 1 }],
    files: ['src/greet.js'],
    testFiles: ['test/greet.test.js'],
    requiresTests: false,
    status: 'pending',
    attempts: 0,
    ...overrides,
  };
}

/** Code settings for fast tests: defaults, with test limits suited to a busy machine. */
export function createSettings(overrides: CodeSettingsInput = {}): CodeSettings {
  return CodeSettingsSchema.parse({ testTimeoutMs: 20_000, memoryLimitMb: 128, ...overrides });
}

/** A fresh workspace inside `base`, with a package.json declaring ES modules. */
export async function createWorkspace(base: string): Promise<Workspace> {
  const workspace = await openWorkspace({ root: join(base, 'workspace') });
  await workspace.write('package.json', '{"type":"module"}\n');
  return workspace;
}

/** Retry settings that fail at once: scripted models never need a second attempt. */
export const noRetry = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
