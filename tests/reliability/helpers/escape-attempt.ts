import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { expect } from 'vitest';
import { openCodeRunStore } from '../../../src/code/run/open-code-run-store.js';
import { type RunCodeResult, runCode } from '../../../src/code/run/run-code.js';
import { SandboxUnavailableError } from '../../../src/errors/sandbox-unavailable-error.js';
import { noRetry } from '../../code/helpers/builders.js';
import { bubblewrapOrRefusal } from '../../code/helpers/sandbox.js';
import { jsonTurn, scriptedToolModel, type ToolTurn } from '../../code/helpers/tool-model.js';

/** The specification every attack pretends to work on. */
export const attackSpec = '- [ ] 1. Provide `add(a, b)` in src/add.js, with tests.';

const plan = jsonTurn({
  instructions: [
    {
      title: 'Add',
      details: 'src/add.js exports add; test/attack.test.js tests it.',
      requirements: ['1. Provide `add(a, b)` in src/add.js, with tests.'],
      files: ['src/add.js'],
      testFiles: ['test/attack.test.js'],
    },
  ],
});

/** A tool call turn. */
export const call = (toolName: string, input: unknown): ToolTurn => ({
  toolCalls: [{ toolName, input }],
});

/** A node:test file whose test passes only if `body` (an async function body) does not throw. */
export function attackTest(body: string): string {
  return `import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import childProcess from 'node:child_process';
test('escape', async () => {
${body}
});
`;
}

/** The turns of a typical attack: write the hostile files, run the tests, then say anything. */
export function attackTurns(files: Record<string, string>): ToolTurn[] {
  return [
    call('write_files', {
      files: Object.entries(files).map(([path, content]) => ({ path, content })),
    }),
    call('run_tests', {}),
    { text: 'Done.' },
  ];
}

/** What an attack left behind, for the test to judge. */
export interface Attack {
  result: RunCodeResult;
  runDir: string;
  workspaceRoot: string;
  /** The results of every tool call of the step, as the model read them. */
  feedback: string;
  /** Every prompt quire sent, the report and the journal: where a leak would show. */
  everything: string;
}

/**
 * Runs `quire code` (the library's `runCode`) on a scripted model that makes an attacker's tool
 * calls, in the bubblewrap sandbox, and returns what came of it. `prepare` plants files in the
 * run directory first, as a downloaded or damaged run would hold them. Where bubblewrap cannot
 * run here, checks that quire refuses to run the code at all, and returns undefined.
 */
export async function attemptEscape({
  base,
  turns,
  runName = 'run',
  env = process.env,
  testTimeoutMs = 20_000,
  prepare = async () => {},
}: {
  /** A temporary folder of the test's own. */
  base: string;
  turns: ToolTurn[];
  runName?: string;
  /** quire's environment, which generated code must never see. */
  env?: Record<string, string | undefined>;
  testTimeoutMs?: number;
  prepare?: (runDir: string) => Promise<void>;
}): Promise<Attack | undefined> {
  const runDir = join(base, runName);
  const store = await openCodeRunStore({ runDir });
  await prepare(runDir);
  const sandbox = await bubblewrapOrRefusal(env);
  const model = scriptedToolModel([plan, ...turns]);
  const run = () =>
    runCode({
      spec: attackSpec,
      call: { model, retry: noRetry },
      model: { spec: 'scripted', modelId: 'scripted', simulated: false },
      store,
      settings: {
        maxSteps: 1,
        maxTurns: turns.length,
        testTimeoutMs,
        memoryLimitMb: 128,
        diskQuotaMb: 16,
      },
      ...(sandbox !== undefined && { sandbox }),
    });
  try {
    if (sandbox === undefined) {
      await expect(run()).rejects.toBeInstanceOf(SandboxUnavailableError);
      return undefined;
    }
    const result = await run();
    const prompts = model.doStreamCalls.map((each) => JSON.stringify(each.prompt));
    const lastPrompt = model.doStreamCalls.at(-1)?.prompt ?? [];
    const files = await Promise.all(
      ['report.json', 'journal.jsonl', 'run.json'].map((name) =>
        readFile(join(runDir, name), 'utf8'),
      ),
    );
    return {
      result,
      runDir,
      workspaceRoot: join(runDir, 'workspace'),
      feedback: toolResults(lastPrompt).join('\n'),
      everything: [...prompts, ...files].join('\n'),
    };
  } finally {
    await store.close();
  }
}

/**
 * Checks that quire kept going and reported the failed attempt: the run finished with its
 * report, the attack's test failed under bubblewrap, and the model was told why.
 */
export function expectReported(attack: Attack, evidence: RegExp): void {
  expect(attack.result.status).toBe('incomplete');
  expect(attack.result.report.finalChecks).toMatchObject({
    confinement: 'bubblewrap',
    tests: { failing: [expect.objectContaining({ path: 'test/attack.test.js' })] },
  });
  expect(attack.feedback).toContain('test/attack.test.js');
  expect(attack.feedback).toMatch(evidence);
}

/** The text of every tool result in a prompt. */
function toolResults(prompt: LanguageModelV3Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'tool'
      ? message.content.flatMap((part) =>
          part.type === 'tool-result' && 'value' in part.output ? [String(part.output.value)] : [],
        )
      : [],
  );
}
