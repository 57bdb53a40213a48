import { describe, expect, it } from 'vitest';
import { retryAfterOverflow } from '../../../src/control/context/retry-after-overflow.js';
import { ContextBudgetError } from '../../../src/errors/context-budget-error.js';
import { ContextOverflowError } from '../../../src/errors/context-overflow-error.js';
import { UsageError } from '../../../src/errors/usage-error.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';

const window = new ContextWindow({
  state: { tokens: 8_192, source: 'config' },
  counter: estimateCounter,
});

function overflow(): ContextOverflowError {
  return new ContextOverflowError({
    message: 'refused',
    reason: 'refused',
    windowTokens: 8_192,
    sentTokens: 9_000,
  });
}

/** A step that throws each of `failures` in turn, then answers. */
function step(...failures: Error[]) {
  let runs = 0;
  return {
    run: async () => {
      const failure = failures[runs++];
      if (failure) throw failure;
      return `answer ${runs}`;
    },
    runs: () => runs,
  };
}

describe('retryAfterOverflow', () => {
  it('runs a step that fits once', async () => {
    const once = step();
    const overflows: ContextOverflowError[] = [];
    await expect(
      retryAfterOverflow({
        run: once.run,
        window,
        request: 'Write',
        step: 'section 1',
        onOverflow: (error) => overflows.push(error),
      }),
    ).resolves.toBe('answer 1');
    expect(once.runs()).toBe(1);
    expect(overflows).toEqual([]);
  });

  it('runs it again after an overflow, telling of the first', async () => {
    const first = overflow();
    const twice = step(first);
    const overflows: ContextOverflowError[] = [];
    await expect(
      retryAfterOverflow({
        run: twice.run,
        window,
        request: 'Write',
        step: 'section 1',
        onOverflow: (error) => overflows.push(error),
      }),
    ).resolves.toBe('answer 2');
    expect(overflows).toEqual([first]);
  });

  it('stops with the server setting to raise when the second try overflows too', async () => {
    const again = step(overflow(), overflow());
    const stop = retryAfterOverflow({
      run: again.run,
      window,
      request: 'Write',
      step: 'section 4',
    });
    await expect(stop).rejects.toBeInstanceOf(ContextBudgetError);
    await expect(stop).rejects.toThrow(/^Section 4 still does not fit/);
  });

  it('passes on any other failure of the second try as it is', async () => {
    const other = new Error('network down');
    const failing = step(overflow(), other);
    await expect(
      retryAfterOverflow({ run: failing.run, window, request: 'Write', step: 'section 1' }),
    ).rejects.toBe(other);
  });

  it('stops before the second try when the request alone is too long for the window', async () => {
    const tooLong = step(overflow());
    await expect(
      retryAfterOverflow({
        run: tooLong.run,
        window,
        request: 'a'.repeat(40_000),
        step: 'section 1',
      }),
    ).rejects.toBeInstanceOf(UsageError);
    expect(tooLong.runs()).toBe(1);
  });

  it('throws an overflow as it is without a window, and any other error at once', async () => {
    const first = overflow();
    const noWindow = step(first);
    await expect(
      retryAfterOverflow({ run: noWindow.run, window: undefined, request: 'Write', step: 's' }),
    ).rejects.toBe(first);
    expect(noWindow.runs()).toBe(1);
    const other = new Error('bad key');
    const failing = step(other);
    await expect(
      retryAfterOverflow({ run: failing.run, window, request: 'Write', step: 's' }),
    ).rejects.toBe(other);
    expect(failing.runs()).toBe(1);
  });
});
