import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCodeStep } from '../../../src/code/agent/run-code-step.js';
import type { CodeSettingsInput } from '../../../src/code/code-settings.js';
import type { CodeRunEvent } from '../../../src/code/run/code-run-event.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import {
  createInstruction,
  createSettings,
  createWorkspace,
  noRetry,
} from '../helpers/builders.js';
import { testSandbox } from '../helpers/sandbox.js';
import { scriptedToolModel, type ToolTurn } from '../helpers/tool-model.js';

const call = (toolName: string, input: unknown): ToolTurn => ({ toolCalls: [{ toolName, input }] });
const done = call('step_complete', { summary: 'Wrote the greeting.' });
const greetModule = "export const greet = (name) => 'Hi ' + name;\n";

describe('runCodeStep', () => {
  const tempDir = useTempDir();

  async function run(
    turns: ToolTurn[],
    {
      settings = {},
      runTokensLeft,
      requiresTests = false,
    }: { settings?: CodeSettingsInput; runTokensLeft?: number; requiresTests?: boolean } = {},
  ) {
    const base = await tempDir();
    const workspace = await createWorkspace(base);
    const model = scriptedToolModel(turns);
    const events: CodeRunEvent[] = [];
    const result = await runCodeStep({
      call: { model, retry: noRetry },
      workspace,
      spec: 'Greet people by name.',
      instruction: createInstruction({ requiresTests }),
      stepNumber: 1,
      stepCount: 1,
      previousSummary: undefined,
      settings: createSettings(settings),
      runTokensLeft,
      sandbox: await testSandbox(),
      onEvent: (event) => events.push(event),
    });
    return { result, model, events, workspace, base };
  }

  it('ends as failed when the turns run out', async () => {
    const turns = Array.from({ length: 5 }, (_, index) =>
      call('list_files', { directory: `d${index}` }),
    );
    const { result, model } = await run(turns, { settings: { maxTurns: 5 } });
    expect(result).toMatchObject({ status: 'failed', reason: 'maxTurns', turns: 5 });
    expect(model.doStreamCalls).toHaveLength(5);
    expect(result.summary).toContain('did not finish');
  });

  it('nudges and raises the temperature on repeated calls, then stops the step', async () => {
    const turns = Array.from({ length: 6 }, () => call('run_tests', {}));
    const { result, model, events } = await run(turns, {
      settings: { repeatLimit: 3, temperature: 0.2 },
    });
    expect(result).toMatchObject({
      status: 'failed',
      reason: 'repeatedCalls',
      turns: 6,
      nudges: 3,
    });
    expect(model.doStreamCalls.map((each) => each.temperature)).toEqual([
      0.2, 0.2, 0.2, 0.5, 0.8, 1.1,
    ]);
    expect(JSON.stringify(model.doStreamCalls[3]?.prompt)).toContain(
      'with exactly the same input 3 times',
    );
    expect(events.filter((event) => event.type === 'loop-nudge')).toHaveLength(3);
  });

  it('tells a model that answers in plain text to use the tools, and stops one that keeps doing it', async () => {
    const { result, model } = await run(
      [
        { text: 'I would write a file.' },
        { text: 'Sure.' },
        { text: 'Okay.' },
        { text: 'Done?' },
        { text: 'Hmm.' },
        { text: 'Yes.' },
      ],
      { settings: { repeatLimit: 3 } },
    );
    expect(result).toMatchObject({ status: 'failed', reason: 'repeatedCalls' });
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain(
      'Plain text does not change the project',
    );
  });

  it('turns bad calls and escape attempts into error results the model reads, and carries on', async () => {
    const turns: ToolTurn[] = [
      {
        toolCalls: [
          {
            toolName: 'write_files',
            input: {
              files: [
                { path: '../escaped.js', content: 'x' },
                { path: '/tmp/abs.js', content: 'x' },
              ],
            },
          },
          { toolName: 'read_files', input: { paths: ['../../etc/passwd'] } },
        ],
      },
      call('delete_files', { paths: 'not-a-list' }),
      call('open_shell', {}),
      call('write_files', {
        files: [{ path: 'src/greet.js', content: greetModule }],
      }),
      done,
    ];
    const { result, model, base } = await run(turns);
    expect(result).toMatchObject({
      status: 'passed',
      reason: 'completed',
      written: ['src/greet.js'],
      turns: 5,
    });
    expect((await readdir(base)).sort()).toEqual(['workspace']);
    const second = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(second).toContain('../escaped.js: refused');
    expect(second).toContain('/tmp/abs.js: refused');
    expect(second).toContain('error-text');
    expect(JSON.stringify(model.doStreamCalls[2]?.prompt)).toContain('does not match its schema');
    expect(JSON.stringify(model.doStreamCalls[3]?.prompt)).toContain('there is no tool named');
  });

  it('does not accept step_complete while the checks fail', async () => {
    const turns: ToolTurn[] = [
      call('write_files', {
        files: [{ path: 'src/greet.js', content: greetModule }],
      }),
      done,
      call('write_files', {
        files: [
          {
            path: 'test/greet.test.js',
            content:
              "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { greet } from '../src/greet.js';\ntest('greets', () => assert.equal(greet('Ada'), 'Hi Ada'));\n",
          },
        ],
      }),
      done,
    ];
    const { result, model, events } = await run(turns, { requiresTests: true });
    expect(result).toMatchObject({ status: 'passed', turns: 4, summary: 'Wrote the greeting.' });
    expect(JSON.stringify(model.doStreamCalls[2]?.prompt)).toContain('this step must write tests');
    expect(
      events
        .filter((event) => event.type === 'check-end')
        .map((event) => event.type === 'check-end' && event.passed),
    ).toEqual([false, true]);
  });

  it('summarises and restarts when the conversation outgrows its budget, and fails past the restart cap', async () => {
    const big = `// ${'filler '.repeat(1_500)}\nexport const big = 1;\n`;
    const turns: ToolTurn[] = [
      call('write_files', { files: [{ path: 'src/big.js', content: big }] }),
      { text: 'Progress: src/big.js is written; nothing else remains.' },
      done,
    ];
    const { result, model, events } = await run(turns, { settings: { conversationTokens: 2_000 } });
    expect(result).toMatchObject({ status: 'passed', restarts: 1 });
    expect(events.filter((event) => event.type === 'step-restart')).toHaveLength(1);
    const afterRestart = JSON.stringify(model.doStreamCalls[2]?.prompt);
    expect(afterRestart).toContain('Progress so far in this step');
    expect(afterRestart).toContain('src/big.js is written');
    expect(afterRestart).not.toContain('filler '.repeat(40));

    const capped = await run(
      [call('write_files', { files: [{ path: 'src/big.js', content: big }] })],
      { settings: { conversationTokens: 2_000, maxRestarts: 0 } },
    );
    expect(capped.result).toMatchObject({ status: 'failed', reason: 'maxRestarts' });
  });

  it('stops at the step token cap and at the run token budget', async () => {
    const turns = Array.from({ length: 12 }, (_, index) =>
      call('list_files', { directory: `d${index}` }),
    );
    const stepCapped = await run(turns, { settings: { maxStepTokens: 1_000 } });
    expect(stepCapped.result).toMatchObject({ status: 'failed', reason: 'stepTokens', turns: 9 });
    const runCapped = await run(turns, { runTokensLeft: 250 });
    expect(runCapped.result).toMatchObject({ status: 'failed', reason: 'runTokens', turns: 3 });
  });
});
