import { describe, expect, it } from 'vitest';
import { buildStepContext } from '../../src/control/context/build-step-context.js';
import { ContextBudgetError } from '../../src/errors/context-budget-error.js';
import { createLedger, createPlan, createTask } from '../helpers/builders.js';
import { prose } from '../helpers/prompt-model.js';

const limits = { windowTokens: 100_000, tailWords: 200, summaryWords: 300 };

const ledgerOf = (count: number) => createLedger({ count, claim: (seed) => prose(25, seed) });

async function contextAt({
  count,
  policy,
  windowTokens = 100_000,
  outputTokens = 1_000,
  request,
}: {
  count: number;
  policy: 'bounded' | 'full';
  windowTokens?: number;
  outputTokens?: number;
  request?: string;
}) {
  const plan = createPlan({ count, words: 600 });
  const index = count - 1;
  return buildStepContext({
    policy,
    task: createTask({ words: plan.words, ...(request ? { prompt: request } : {}) }),
    plan,
    index,
    ledger: ledgerOf(index),
    previous: Array.from({ length: index }, (_, position) => prose(600, position)),
    limits: { ...limits, windowTokens },
    outputTokens,
  });
}

describe('buildStepContext', () => {
  it('holds the request, outline, ledger, previous tail and instruction', async () => {
    const context = await contextAt({ count: 4, policy: 'bounded' });
    expect(context.prompt).toContain('Write a guide to tides');
    expect(context.prompt).toContain('1. Section 1 (600)');
    expect(context.prompt).toContain('Section 4 of 4: Section 4');
    expect(context.prompt).toContain('The end of the previous section');
    expect(context.prompt.trimEnd().endsWith('about 600 words.')).toBe(true);
    expect(context.system).toContain('@@notes');
  });

  it('bounded: the prompt does not grow with the document', async () => {
    const small = await contextAt({ count: 10, policy: 'bounded' });
    const large = await contextAt({ count: 80, policy: 'bounded' });
    expect(large.tokens / small.tokens).toBeLessThan(1.3);
  });

  it('full: the prompt carries every previous section, as AgentWrite does', async () => {
    const context = await contextAt({ count: 10, policy: 'full' });
    expect(context.prompt).toContain(prose(600, 0));
    expect(context.prompt).toContain(prose(600, 8));
    const bounded = await contextAt({ count: 10, policy: 'bounded' });
    expect(context.tokens).toBeGreaterThan(bounded.tokens * 3);
  });

  it('full shows the whole outline however long the plan, bounded a window of it', async () => {
    const full = await contextAt({ count: 60, policy: 'full' });
    expect(full.prompt).toContain('1. Section 1 (600)');
    expect(full.prompt).toContain('30. Section 30 (600)');
    expect(full.prompt).not.toContain('more sections');
    const bounded = await contextAt({ count: 60, policy: 'bounded' });
    expect(bounded.prompt).not.toContain('30. Section 30 (600)');
    expect(bounded.prompt).toContain('more sections');
  });

  it('trims in the documented order until the prompt and the reply fit the window', async () => {
    const full = await contextAt({ count: 10, policy: 'full', windowTokens: 5_000 });
    expect(full.tokens + full.maxOutputTokens).toBeLessThanOrEqual(5_000);
    expect(full.maxOutputTokens).toBe(1_000);
    expect(full.trimmed[0]).toBe('oldest previous section');
    expect(full.prompt).toContain('earlier sections omitted');
    expect(full.prompt).toContain(prose(600, 8));

    const untrimmed = await contextAt({ count: 30, policy: 'bounded' });
    const window = untrimmed.tokens + 1_000 - 150;
    const bounded = await contextAt({ count: 30, policy: 'bounded', windowTokens: window });
    expect(bounded.tokens + bounded.maxOutputTokens).toBeLessThanOrEqual(window);
    expect(bounded.trimmed[0]).toBe('ledger');
    expect(bounded.prompt).toContain('Section 30 of 30');
  });

  it('lowers the reply limit before it cuts the request', async () => {
    const request = `Write a guide to tides from these notes: ${prose(500, 7)}`;
    // A window the whole prompt alone fills: trimming frees some room, not all the reply needs.
    const { tokens: untrimmed } = await contextAt({ count: 30, policy: 'bounded', request });
    const context = await contextAt({
      count: 30,
      policy: 'bounded',
      request,
      windowTokens: untrimmed,
      outputTokens: 1_000,
    });
    expect(context.trimmed.at(-1)).toBe('reply limit');
    expect(context.trimmed).not.toContain('request');
    expect(context.prompt).toContain(request);
    expect(context.maxOutputTokens).toBeGreaterThanOrEqual(250);
    expect(context.maxOutputTokens).toBeLessThan(1_000);
    expect(context.tokens + context.maxOutputTokens).toBeLessThanOrEqual(untrimmed);
  });

  it('refuses to send a prompt that cannot fit, with the numbers and the fix', async () => {
    const error = await contextAt({ count: 5, policy: 'bounded', windowTokens: 300 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ContextBudgetError);
    expect(error.message).toMatch(/needs about \d+ tokens even after trimming/);
    expect(error.message).toContain('of the 300 tokens quire fits into the context window');
    expect(error.message).toContain('--context-tokens');
  });

  it('reports the shared prefix that providers can cache', async () => {
    const context = await contextAt({ count: 6, policy: 'bounded' });
    expect(context.stableTokens).toBeGreaterThan(100);
    expect(context.stableTokens).toBeLessThan(context.tokens);
    const next = await buildStepContext({
      policy: 'bounded',
      task: createTask({ words: 3_600 }),
      plan: createPlan({ count: 6, words: 600 }),
      index: 2,
      ledger: ledgerOf(2),
      previous: [prose(600, 0), prose(600, 1)],
      limits,
      outputTokens: 1_000,
    });
    const prefix = (text: string) =>
      text.slice(0, text.indexOf('# What earlier sections established'));
    expect(prefix(next.prompt)).toBe(prefix(context.prompt));
  });
});
