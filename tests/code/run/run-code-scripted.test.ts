import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { openCodeRunStore } from '../../../src/code/run/open-code-run-store.js';
import { runCode } from '../../../src/code/run/run-code.js';
import { ModelCallError } from '../../../src/errors/model-call-error.js';
import { readJournal } from '../../../src/store/journal.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import {
  jsonTurn,
  scriptedToolModel,
  type ToolTurn,
  toolTurnStream,
} from '../helpers/tool-model.js';

const spec = [
  '# Number toolkit',
  '- [ ] 1. Provide a function `sum(numbers)` returning the sum of an array of numbers.',
  '- [ ] 2. Provide a function `mean(numbers)` returning the average, throwing on an empty array.',
].join('\n');

const plan = jsonTurn({
  instructions: [
    {
      title: 'Sum',
      details: 'src/stats.js exports sum.',
      requirements: [
        '1. Provide a function `sum(numbers)` returning the sum of an array of numbers.',
      ],
      files: ['src/stats.js'],
      testFiles: ['test/stats.test.js'],
    },
    {
      title: 'Mean',
      details: 'Add mean to src/stats.js.',
      requirements: [
        '2. Provide a function `mean(numbers)` returning the average, throwing on an empty array.',
      ],
      files: ['src/stats.js'],
      testFiles: ['test/mean.test.js'],
    },
  ],
});

const header = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n";
const buggySum =
  '/** Sums and averages of numbers. */\nexport function sum(numbers) {\n  return numbers.length;\n}\n';
const fixedSum =
  '/** Sums and averages of numbers. */\nexport function sum(numbers) {\n  return numbers.reduce((total, n) => total + n, 0);\n}\n';
const withMean = `${fixedSum}\nexport function mean(numbers) {\n  if (numbers.length === 0) throw new RangeError('mean of nothing');\n  return sum(numbers) / numbers.length;\n}\n`;
const sumTest = `${header}import { sum } from '../src/stats.js';\ntest('sums', () => assert.equal(sum([2, 3, 4]), 9));\n`;
const meanTest = `${header}import { mean } from '../src/stats.js';\ntest('averages', () => assert.equal(mean([2, 4]), 3));\ntest('refuses empty', () => assert.throws(() => mean([]), RangeError));\n`;

const call = (toolName: string, input: unknown): ToolTurn => ({ toolCalls: [{ toolName, input }] });
const stepOne: ToolTurn[] = [
  call('list_files', {}),
  {
    text: 'Writing the module and its test.',
    toolCalls: [
      {
        toolName: 'write_files',
        input: {
          files: [
            { path: 'src/stats.js', content: buggySum },
            { path: 'test/stats.test.js', content: sumTest },
          ],
        },
      },
    ],
  },
  call('step_complete', { summary: 'Added sum in src/stats.js with a test.' }),
  call('write_files', { files: [{ path: 'src/stats.js', content: fixedSum }] }),
  call('step_complete', {
    summary: 'src/stats.js exports sum(numbers); test/stats.test.js covers it.',
  }),
];
const stepTwo: ToolTurn[] = [
  call('read_files', { paths: ['src/stats.js'] }),
  call('write_files', {
    files: [
      { path: 'src/stats.js', content: withMean },
      { path: 'test/mean.test.js', content: meanTest },
    ],
  }),
  call('step_complete', {
    summary: 'Added mean(numbers), which throws RangeError on an empty array.',
  }),
];

const retry = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
const settings = { testTimeoutMs: 20_000, memoryLimitMb: 128 };
const model = { spec: 'scripted', modelId: 'scripted', simulated: false };
const promptText = (mock: MockLanguageModelV3, index: number) =>
  JSON.stringify(mock.doStreamCalls[index]?.prompt ?? '');

describe('runCode with a scripted model', () => {
  const tempDir = useTempDir();

  it('gates each step on its tests, feeds failures back, and leaves a codebase whose tests pass under plain node --test', async () => {
    const runDir = join(await tempDir(), 'run');
    const mock = scriptedToolModel([plan, ...stepOne, ...stepTwo]);
    const store = await openCodeRunStore({ runDir });
    const result = await runCode({ spec, call: { model: mock, retry }, model, store, settings });
    await store.close();

    expect(result.status).toBe('completed');
    expect(result.report.requirements).toMatchObject({ total: 2, met: 2, unmet: 0 });
    expect(result.plan.instructions.map((step) => [step.id, step.status, step.attempts])).toEqual([
      ['step-01', 'passed', 1],
      ['step-02', 'passed', 1],
    ]);
    expect(mock.doStreamCalls).toHaveLength(1 + stepOne.length + stepTwo.length);

    // The failed step_complete came back to the model as its tool result, with the failing test.
    const afterFailedCompletion = promptText(mock, 4);
    expect(afterFailedCompletion).toContain('Step checks: FAILED');
    expect(afterFailedCompletion).toContain('test/stats.test.js has 1 failing test(s): sums');
    expect(afterFailedCompletion).toContain('Fix these problems, then call step_complete again.');
    // Step 2 started fresh: the spec, its own instruction, the file list and step 1's summary.
    const stepTwoOpening = promptText(mock, 6);
    expect(stepTwoOpening).toContain('Current step (2 of 2)');
    expect(stepTwoOpening).toContain('src/stats.js (');
    expect(stepTwoOpening).toContain('Sums and averages of numbers.');
    expect(stepTwoOpening).toContain(
      'src/stats.js exports sum(numbers); test/stats.test.js covers it.',
    );
    expect(stepTwoOpening).not.toContain('Writing the module and its test.');

    const workspace = join(runDir, 'workspace');
    const plain = spawnSync(process.execPath, ['--test'], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/# pass 3/);

    const journal = await readJournal(join(runDir, 'journal.jsonl'));
    const kinds = journal
      .map((event) => event.type)
      .filter((type) => type !== 'tool-call' && type !== 'usage');
    expect(kinds).toEqual([
      'run-start',
      'plan-end',
      'step-start',
      'check-end',
      'check-end',
      'step-end',
      'step-start',
      'check-end',
      'step-end',
      'run-end',
    ]);
    expect(JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8'))).toMatchObject({
      status: 'completed',
      finalChecks: { tests: { status: 'passed' } },
    });
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'completed',
      stepsRun: 2,
      task: { kind: 'code' },
    });
  });

  it('resumes after a failure: passed steps and the workspace are kept, only the rest runs', async () => {
    const runDir = join(await tempDir(), 'run');
    const refused = new APICallError({
      message: 'bad request',
      url: 'http://model',
      requestBodyValues: {},
      statusCode: 400,
      isRetryable: false,
    });
    const scripted = [plan, ...stepOne];
    let calls = 0;
    const broken = new MockLanguageModelV3({
      modelId: 'scripted',
      // The provider refuses the first call of step 2 (a 400: not retried).
      doStream: async () => {
        const turn = scripted[calls++];
        if (turn === undefined) throw refused;
        return toolTurnStream(turn);
      },
    });
    const firstSession = await openCodeRunStore({ runDir });
    await expect(
      runCode({ spec, call: { model: broken, retry }, model, store: firstSession, settings }),
    ).rejects.toBeInstanceOf(ModelCallError);
    await firstSession.close();
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'failed',
      stepsRun: 1,
    });

    const resumed = scriptedToolModel(stepTwo);
    const secondSession = await openCodeRunStore({ runDir });
    const result = await runCode({
      spec,
      call: { model: resumed, retry },
      model,
      store: secondSession,
      settings,
    });
    await secondSession.close();
    expect(result).toMatchObject({ status: 'completed', resumed: true });
    expect(resumed.doStreamCalls).toHaveLength(stepTwo.length);
    expect(result.plan.instructions.map((step) => [step.status, step.attempts])).toEqual([
      ['passed', 1],
      ['passed', 2],
    ]);
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'completed',
      stepsRun: 2,
    });
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')).error).toBeUndefined();
  });

  it('refuses to resume a run directory with a different specification', async () => {
    const runDir = join(await tempDir(), 'run');
    const store = await openCodeRunStore({ runDir });
    await runCode({
      spec,
      call: { model: scriptedToolModel([plan, ...stepOne, ...stepTwo]), retry },
      model,
      store,
      settings,
    });
    await expect(
      runCode({
        spec: 'Something else',
        call: { model: scriptedToolModel([]), retry },
        model,
        store,
        settings,
      }),
    ).rejects.toThrow(/different specification/);
    await store.close();
  });
});
