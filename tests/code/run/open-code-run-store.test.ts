import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodeRunEvent } from '../../../src/code/run/format-code-run-event.js';
import { openCodeRunStore } from '../../../src/code/run/open-code-run-store.js';
import { readCodeRunRecord } from '../../../src/code/run/read-code-run-record.js';
import { RunDirectoryError } from '../../../src/errors/run-directory-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('openCodeRunStore', () => {
  const tempDir = useTempDir();

  it('reads nothing from a new directory, journals events with their time, and clears crash leftovers', async () => {
    const runDir = join(await tempDir(), 'run');
    const first = await openCodeRunStore({
      runDir,
      clock: { now: () => Date.UTC(2025, 0, 2), sleep: async () => {} },
    });
    expect(await first.readRun()).toBeUndefined();
    expect(await first.readPlan()).toBeUndefined();
    await first.appendEvent({
      type: 'usage',
      totals: {
        inputTokens: 1,
        outputTokens: 2,
        cachedInputTokens: 0,
        reasoningTokens: 0,
        calls: 1,
        failedAttempts: 0,
        latencyMs: 3,
      },
    });
    await first.close();
    expect(JSON.parse(await readFile(join(runDir, 'journal.jsonl'), 'utf8'))).toMatchObject({
      time: '2025-01-02T00:00:00.000Z',
      type: 'usage',
    });
    await writeFile(join(runDir, 'plan.json.ab12.partial'), '{');
    const second = await openCodeRunStore({ runDir });
    await second.close();
    await expect(readFile(join(runDir, 'plan.json.ab12.partial'))).rejects.toThrow();
  });

  it('refuses a damaged file, and a run of another kind, with a RunDirectoryError naming it', async () => {
    const runDir = await tempDir();
    await writeFile(
      join(runDir, 'run.json'),
      '{"version": 1, "task": {"kind": "prose", "prompt": "x"}}',
    );
    await expect(readCodeRunRecord({ runDir })).rejects.toMatchObject({
      problem: 'notARun',
      message: expect.stringContaining('not a code run'),
    });
    await writeFile(join(runDir, 'run.json'), '{"version": 1, "task": {"kind": "code"');
    await expect(readCodeRunRecord({ runDir })).rejects.toBeInstanceOf(RunDirectoryError);
    await writeFile(join(runDir, 'plan.json'), '{"kind": "code", "version": 1}');
    const store = await openCodeRunStore({ runDir });
    await expect(store.readPlan()).rejects.toMatchObject({
      problem: 'corrupt',
      message: expect.stringContaining('plan.json is damaged'),
    });
    await store.close();
  });
});

describe('formatCodeRunEvent', () => {
  it('shows steps and checks as plain lines, and leaves single tool calls to the journal', () => {
    expect(
      formatCodeRunEvent({
        type: 'step-start',
        stepId: 'step-02',
        title: 'Cart',
        stepNumber: 2,
        stepCount: 5,
        attempt: 2,
      }),
    ).toBe('step 2/5 step-02: Cart (attempt 2)');
    expect(
      formatCodeRunEvent({
        type: 'check-end',
        stepId: 'step-02',
        passed: false,
        findings: 2,
        tests: { files: 1, tests: 3, passed: 2, failed: 1, cancelled: 0, skipped: 0, todo: 0 },
      }),
    ).toBe('  checks failed (2 problem(s)), 2/3 tests passed');
    expect(
      formatCodeRunEvent({
        type: 'step-end',
        stepId: 'step-02',
        status: 'failed',
        reason: 'maxTurns',
        message: 'the step used its 40 turns',
        turns: 40,
        restarts: 0,
        tokens: 9,
      }),
    ).toBe('  step-02 failed: the step used its 40 turns');
    expect(
      formatCodeRunEvent({
        type: 'tool-call',
        stepId: 'step-02',
        turn: 1,
        toolName: 'list_files',
        ok: true,
        paths: [],
      }),
    ).toBeUndefined();
  });
});
