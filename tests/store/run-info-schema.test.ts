import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  RunInfoSchema,
  RunStatusSchema,
  UsageTotalsSchema,
} from '../../src/store/run-info-schema.js';

/** A run.json quire wrote, from the report fixtures. */
async function storedRunInfo(): Promise<Record<string, unknown>> {
  const url = new URL('../fixtures/report/write-run/run.json', import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>;
}

const usage = {
  inputTokens: 10,
  outputTokens: 20,
  cachedInputTokens: 0,
  calls: 1,
  failedAttempts: 0,
  latencyMs: 5,
};

describe('RunStatusSchema', () => {
  it('knows every status a run records, and no other', () => {
    for (const status of [
      'running',
      'completed',
      'incomplete-length',
      'stopped',
      'interrupted',
      'failed',
    ]) {
      expect(RunStatusSchema.parse(status)).toBe(status);
    }
    expect(RunStatusSchema.safeParse('done').success).toBe(false);
  });
});

describe('UsageTotalsSchema', () => {
  it('reads the totals of an older run as having no thinking tokens', () => {
    expect(UsageTotalsSchema.parse(usage)).toEqual({ ...usage, reasoningTokens: 0 });
  });

  it('refuses totals with a count missing, and an estimate without its tokenizer', () => {
    const { calls: _calls, ...withoutCalls } = usage;
    expect(UsageTotalsSchema.safeParse(withoutCalls).success).toBe(false);
    expect(UsageTotalsSchema.safeParse({ ...usage, estimated: { calls: 1 } }).success).toBe(false);
  });
});

describe('RunInfoSchema', () => {
  it('reads a stored run.json, defaulting the time spent', async () => {
    const { elapsedSeconds: _elapsed, ...stored } = await storedRunInfo();
    const info = RunInfoSchema.parse(stored);
    expect(info.elapsedSeconds).toBe(0);
    expect(info.model.spec).toBe((stored.model as { spec: string }).spec);
  });

  it.each([
    ['status', 'unknown'],
    ['model', { spec: 'sim' }],
    ['usage', {}],
    ['version', 1.5],
  ])('refuses a run.json whose %s is not what quire writes', async (key, value) => {
    const stored = await storedRunInfo();
    expect(RunInfoSchema.safeParse({ ...stored, [key]: value }).success).toBe(false);
  });

  it('refuses an empty object', () => {
    expect(RunInfoSchema.safeParse({}).success).toBe(false);
  });
});
