import { describe, expect, it } from 'vitest';
import { recordFailure } from '../../src/control/record-failure.js';
import { BudgetExceededError } from '../../src/errors/budget-exceeded-error.js';
import { InterruptedError } from '../../src/errors/interrupted-error.js';
import { PlanningError } from '../../src/errors/planning-error.js';
import { emptyUsage } from '../../src/model/usage-meter.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useRunSession } from '../helpers/run-session.js';

const createSession = useRunSession();

describe('recordFailure', () => {
  it('records a failed run with the error’s code, and returns the error itself', async () => {
    const { session, store, saved } = await createSession();
    session.meter.record({ usage: { ...emptyUsage, outputTokens: 40 } });
    const error = new PlanningError({
      message: 'the plan could not be read',
      problem: 'unreadable',
      attempts: 3,
    });
    expect(await recordFailure({ error, abortSignal: undefined, session })).toBe(error);
    const events = await store.readEvents();
    expect(events).toEqual([
      expect.objectContaining({ type: 'run-error', code: error.code, message: error.message }),
      expect.objectContaining({
        type: 'run-end',
        status: 'failed',
        reason: error.message,
        words: 0,
        totals: expect.objectContaining({ outputTokens: 40 }),
      }),
    ]);
    expect(await saved()).toMatchObject({ status: 'failed', stopReason: error.message });
  });

  it('records anything thrown that is not quire’s own as unexpected', async () => {
    const { session, store } = await createSession();
    expect(await recordFailure({ error: 'a bare string', abortSignal: undefined, session })).toBe(
      'a bare string',
    );
    const failure = new TypeError('x is not a function');
    await recordFailure({ error: failure, abortSignal: new AbortController().signal, session });
    expect((await store.readEvents()).filter((event) => event.type === 'run-error')).toEqual([
      expect.objectContaining({ code: 'unexpected', message: 'a bare string' }),
      expect.objectContaining({ code: 'unexpected', message: 'x is not a function' }),
    ]);
  });

  it('turns Ctrl-C into an interrupted run that names the command to resume it', async () => {
    const { session, store, saved, directory } = await createSession();
    const abort = new AbortController();
    abort.abort();
    const returned = await recordFailure({
      error: new Error('aborted'),
      abortSignal: abort.signal,
      session,
    });
    expect(returned).toBeInstanceOf(InterruptedError);
    expect((returned as InterruptedError).resumeCommand).toBe(`quire resume ${directory}`);
    expect((returned as Error).message).toBe(
      `Interrupted; finished sections are saved. Continue with: quire resume ${directory}`,
    );
    expect(await saved()).toMatchObject({ status: 'interrupted', stopReason: 'aborted' });
    expect((await store.readEvents()).at(-1)).toMatchObject({
      type: 'run-end',
      status: 'interrupted',
    });
  });

  it('leaves a budget stop as it is: the run recorded it already', async () => {
    const { session, store } = await createSession();
    const error = new BudgetExceededError({
      reason: 'the token budget is spent',
      runDirectory: 'run',
    });
    expect(await recordFailure({ error, abortSignal: undefined, session })).toBe(error);
    expect(await store.readEvents()).toEqual([]);
  });

  it('still returns the error when the run directory can no longer be written', async () => {
    const { session, directory } = await createSession();
    const undo = await makeReadOnly(directory);
    try {
      const error = new Error('the disk is full');
      expect(await recordFailure({ error, abortSignal: undefined, session })).toBe(error);
    } finally {
      await undo();
    }
  });
});
