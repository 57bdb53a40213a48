import { describe, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { createRunInfo } from '../../src/control/run-info.js';
import { defaultThinkingTokens } from '../../src/model/thinking-allowance.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { createTask } from '../helpers/builders.js';
import { createResolvedModel, useRunSession } from '../helpers/run-session.js';

const createSession = useRunSession();

/** The run.json of an earlier session that stopped on its budget after 10 seconds. */
function createPrevious(): RunInfo {
  const info = createRunInfo({
    task: createTask({ words: 2_000 }),
    config: ConfigSchema.parse({}),
    model: createResolvedModel(),
    now: Date.parse('2026-04-01T00:00:00Z'),
  });
  return {
    ...info,
    status: 'stopped',
    stopReason: 'the token budget is spent',
    elapsedSeconds: 10,
    usage: { ...info.usage, inputTokens: 1_000, outputTokens: 500, calls: 2 },
  };
}

describe('startRunSession', () => {
  it('starts the record of a new run at the clock’s time', async () => {
    const { session } = await createSession();
    expect(session.info()).toMatchObject({
      status: 'running',
      createdAt: '2026-05-01T10:00:00.000Z',
      task: createTask(),
      elapsedSeconds: 0,
    });
  });

  it('saves run.json with the usage, cost, window and time spent so far', async () => {
    const { session, clock, saved, directory } = await createSession({
      budget: { price: { input: 1, output: 2 } },
    });
    expect(session.directory).toBe(directory);
    session.meter.record({
      usage: { ...emptyUsage, inputTokens: 1_000_000, outputTokens: 500_000 },
    });
    clock.now = () => Date.parse('2026-05-01T10:00:30Z');
    await session.saveInfo({ stopReason: 'testing' });
    const info = await saved();
    expect(info).toMatchObject({
      status: 'running',
      stopReason: 'testing',
      updatedAt: '2026-05-01T10:00:30.000Z',
      elapsedSeconds: 30,
      costUsd: 2,
      contextWindow: { tokens: 32_000, source: 'config' },
      usage: { inputTokens: 1_000_000, outputTokens: 500_000, calls: 1 },
    });
    expect(session.info()).toEqual(info);
  });

  it('continues an earlier session: running again, its usage and time carried over', async () => {
    const previous = createPrevious();
    const { session, clock, saved } = await createSession({ previous });
    expect(session.info()).toMatchObject({ id: previous.id, status: 'running' });
    expect(session.info().stopReason).toBeUndefined();
    expect(session.meter.totals()).toMatchObject({
      inputTokens: 1_000,
      outputTokens: 500,
      calls: 2,
    });
    clock.now = () => Date.parse('2026-05-01T10:00:05Z');
    await session.saveInfo({});
    expect((await saved()).elapsedSeconds).toBe(15);
  });

  it('journals each event with its time, shows it, and saves run.json after usage events', async () => {
    const { session, store, shown, saved } = await createSession();
    await session.emit({ type: 'run-error', code: 'unexpected', message: 'a test' });
    const first = {
      type: 'run-error',
      code: 'unexpected',
      message: 'a test',
      time: '2026-05-01T10:00:00.000Z',
    };
    expect(await store.readEvents()).toEqual([first]);
    expect(shown).toEqual([first]);
    await expect(saved()).rejects.toThrow();
    session.meter.record({ usage: { ...emptyUsage, outputTokens: 70 } });
    await session.emit({
      type: 'usage',
      totals: session.meter.totals(),
      costUsd: undefined,
      wordsWritten: 50,
      sectionsDone: 1,
      sectionsTotal: 3,
    });
    expect((await saved()).usage.outputTokens).toBe(70);
  });

  it('journals events when nothing shows them', async () => {
    const { session, store } = await createSession({ shown: false });
    await session.emit({ type: 'run-error', code: 'unexpected', message: 'unseen' });
    expect(await store.readEvents()).toEqual([expect.objectContaining({ message: 'unseen' })]);
  });

  it('warns once when the server reports no usage and quire counts tokens itself', async () => {
    const { session, shown } = await createSession();
    const estimated = {
      ...emptyUsage,
      outputTokens: 10,
      estimated: { calls: 1, tokenizer: 'o200k_base' },
    };
    session.meter.record({ usage: estimated });
    session.meter.record({ usage: estimated });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]).toMatchObject({ type: 'run-warning', code: 'usage-estimated' });
    expect((shown[0] as { message: string }).message).toContain(
      'quire counts tokens itself (o200k_base)',
    );
  });

  it('journals what the context window learns and saves it to run.json', async () => {
    const { session, store, saved } = await createSession();
    session.window.learn({ tokens: 8_000, source: 'refusal', reason: 'the server refused it' });
    await vi.waitFor(async () => expect((await saved()).contextWindow?.tokens).toBe(8_000));
    expect(await store.readEvents()).toEqual([
      expect.objectContaining({
        type: 'window-change',
        tokens: 8_000,
        source: 'refusal',
        reason: 'the server refused it',
      }),
    ]);
  });

  it('gives every call the run’s model, meter, window, clock, signal and limits', async () => {
    const abort = new AbortController();
    const model = createResolvedModel('o3-mini');
    const { session, clock } = await createSession({
      model,
      abortSignal: abort.signal,
      config: { write: { parallel: 3 }, retry: { maxAttempts: 5 } },
    });
    const { call } = session;
    expect(call.model).toBe(model.model);
    expect(call.meter).toBe(session.meter);
    expect(call.window).toBe(session.window);
    expect(call.clock).toBe(clock);
    expect(call.abortSignal).toBe(abort.signal);
    expect(call.retry?.maxAttempts).toBe(5);
    expect(call.pool?.limit).toBe(3);
    // A reasoning model gets room to think.
    expect(call.thinkingTokens).toBe(defaultThinkingTokens);
  });

  it('gives another stage’s model its own thinking allowance, the rest shared', async () => {
    const { session } = await createSession({
      config: { thinkingTokens: { 'planner-model': 123 } },
    });
    const planner = createResolvedModel('planner-model');
    const call = session.callWith(planner);
    expect(call.model).toBe(planner.model);
    expect(call.thinkingTokens).toBe(123);
    expect(session.call.thinkingTokens).toBe(0);
    expect(call.meter).toBe(session.meter);
    expect(call.pool).toBe(session.call.pool);
  });

  it('journals a call’s retry', async () => {
    const { session, shown } = await createSession();
    session.call.onRetry?.({ attempt: 1, delayMs: 200, error: { summary: 'HTTP 503' } } as never);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]).toMatchObject({
      type: 'call-retry',
      attempt: 1,
      delayMs: 200,
      error: 'HTTP 503',
    });
  });
});
