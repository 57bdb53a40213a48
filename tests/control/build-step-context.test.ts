import { describe, expect, it } from 'vitest';
import {
  buildStepContext,
  type StepContext,
} from '../../src/control/context/build-step-context.js';
import { ContextBudgetError } from '../../src/errors/context-budget-error.js';
import { widenWindowAdvice } from '../../src/model/context/server-kind.js';
import { createLedger, createPlan, createTask } from '../helpers/builders.js';
import { prose } from '../helpers/prompt-model.js';

const limits = { windowTokens: 100_000, tailWords: 200, summaryWords: 300 };

const ledgerOf = (count: number) => createLedger({ count, claim: (seed) => prose(25, seed) });

type StepInput = Parameters<typeof buildStepContext>[0];

/**
 * Step `index` of a `sectionCount`-section plan, every text counted in characters so that a test can
 * set a window to the token.
 */
function measuredStep({
  sectionCount = 6,
  index = sectionCount - 1,
  windowTokens = 1_000_000,
  ...overrides
}: Partial<Omit<StepInput, 'count'>> & { sectionCount?: number; windowTokens?: number } = {}) {
  const plan = overrides.plan ?? createPlan({ count: sectionCount, words: 600 });
  return buildStepContext({
    policy: 'bounded',
    task: createTask({ words: plan.words }),
    plan,
    index,
    ledger: ledgerOf(index),
    previous: Array.from({ length: index }, (_, position) => prose(600, position)),
    outputTokens: 1_000,
    count: (text) => text.length,
    ...overrides,
    limits: { ...(overrides.limits ?? limits), windowTokens },
  });
}

/** The prompt of a step once everything that can be trimmed is: the size its refusal names. */
async function smallestPrompt(input: Parameters<typeof measuredStep>[0] = {}): Promise<number> {
  const error = await measuredStep({ ...input, windowTokens: 1 }).catch((caught) => caught);
  expect(error).toBeInstanceOf(ContextBudgetError);
  return (error as ContextBudgetError).tokens;
}

/** The text of the prompt block under `# heading`. */
const block = (prompt: string, heading: string) =>
  prompt.slice(prompt.indexOf(`# ${heading}\n\n`) + heading.length + 4).split('\n\n# ')[0];

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
    expect(context.prompt.endsWith('about 600 words.')).toBe(true);
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
    expect(error.message).toMatch(
      /^The prompt for section 5 needs about \d+ tokens even after trimming, which leaves 0 of/,
    );
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

  it('sends the whole prompt and reply limit when they fill the window exactly', async () => {
    const { tokens } = await measuredStep({ sectionCount: 30 });
    const context = await measuredStep({ sectionCount: 30, windowTokens: tokens + 1_000 });
    expect(context.tokens).toBe(tokens);
    expect(context.trimmed).toEqual([]);
    expect(context.maxOutputTokens).toBe(1_000);
  });

  it('names each part trimmed once, however often it was cut, and lowers the reply to the last token', async () => {
    const smallest = await smallestPrompt({ sectionCount: 30 });
    const context = await measuredStep({ sectionCount: 30, windowTokens: smallest + 500 });
    expect(context.trimmed).toEqual(['ledger', 'previous tail', 'outline', 'reply limit']);
    expect(context.tokens).toBe(smallest);
    expect(context.maxOutputTokens).toBe(500);
    // The outline narrowed to its first and last lines, the tail to its last 12 words.
    expect(block(context.prompt, 'The document: A test document')).toBe(
      '1. Section 1 (600)\n… 28 more sections …\n30. Section 30 (600)',
    );
    expect(block(context.prompt, 'The end of the previous section')).toBe(
      `…${prose(600, 28).split(' ').slice(-12).join(' ')}`,
    );
    const floor = await measuredStep({ sectionCount: 30, windowTokens: smallest + 128 });
    expect(floor.maxOutputTokens).toBe(128);
  });

  it('refuses a window that leaves less than the shortest reply, with the numbers', async () => {
    const smallest = await smallestPrompt({ sectionCount: 30 });
    const error = await measuredStep({ sectionCount: 30, windowTokens: smallest + 127 }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(ContextBudgetError);
    expect(error.message).toBe(
      `The prompt for section 30 needs about ${smallest.toLocaleString('en-US')} tokens even after trimming, which leaves 127 of the ${(smallest + 127).toLocaleString('en-US')} tokens quire fits into the context window for a reply that needs at least 128: ${widenWindowAdvice({ server: undefined })}, or shorten the request.`,
    );
    expect(error).toMatchObject({ tokens: smallest, budget: smallest + 127, outputTokens: 128 });
  });

  it('leaves a ledger and a tail already at their smallest untouched', async () => {
    const small = { ...limits, summaryWords: 40, tailWords: 20 };
    const smallest = await smallestPrompt({ sectionCount: 30, limits: small });
    const context = await measuredStep({
      sectionCount: 30,
      limits: small,
      windowTokens: smallest + 500,
    });
    expect(context.trimmed).toEqual(['outline', 'reply limit']);
  });

  it('cuts the request in the middle, down to 400 characters, only when nothing else is left', async () => {
    const request = `Write a guide to tides from these notes: ${prose(400, 3)}`.slice(0, 1_600);
    const task = createTask({ prompt: request, words: 3_600 });
    const smallest = await smallestPrompt({ task });
    const context = await measuredStep({ task, windowTokens: smallest + 128 });
    expect(context.trimmed).toEqual([
      'ledger',
      'previous tail',
      'outline',
      'request',
      'reply limit',
    ]);
    expect(block(context.prompt, 'The request')).toBe(
      `${request.slice(0, 200)} […] ${request.slice(1_400)}`,
    );
    // A request of 400 characters is not cut again: the step stops instead.
    await expect(measuredStep({ task, windowTokens: smallest + 127 })).rejects.toThrow(
      ContextBudgetError,
    );
  });

  it('full: drops the oldest sections down to the last one, and narrows the outline to two', async () => {
    const smallest = await smallestPrompt({ sectionCount: 10, policy: 'full' });
    const context = await measuredStep({
      sectionCount: 10,
      policy: 'full',
      windowTokens: smallest + 500,
    });
    // The tail of the previous section is not part of a full prompt: it is not trimmed.
    expect(context.trimmed).toEqual(['oldest previous section', 'outline', 'reply limit']);
    expect(block(context.prompt, 'Everything written so far')).toBe(
      `[… 8 earlier sections omitted …]\n\n${prose(600, 8)}`,
    );
    expect(block(context.prompt, 'The document: A test document')).toBe(
      '1. Section 1 (600)\n… 7 more sections …\n9. Section 9 (600)\n10. Section 10 (600)',
    );
    expect(block(context.prompt, 'What earlier sections established')).toBe(
      'See the text so far below.',
    );
  });

  it('full: shows every previous section, a blank line apart, when nothing is dropped', async () => {
    const context = await measuredStep({ sectionCount: 3, policy: 'full' });
    expect(block(context.prompt, 'Everything written so far')).toBe(
      `${prose(600, 0)}\n\n${prose(600, 1)}`,
    );
  });

  it('counts the outline in the shared prefix only while it is shown whole', async () => {
    const prefix = (context: StepContext) =>
      context.prompt.slice(0, context.stableTokens - (context.system ?? '').length);
    const short = await measuredStep({ sectionCount: 6 });
    expect(prefix(short).endsWith('5. Section 5 (600)\n6. Section 6 (600)')).toBe(true);
    const windowed = await measuredStep({ sectionCount: 30 });
    expect(prefix(windowed).endsWith('# The document: A test document\n\n')).toBe(true);
    // Full shows a plan as long as its outline window whole.
    const full = await measuredStep({ sectionCount: 30, policy: 'full' });
    expect(prefix(full).endsWith('30. Section 30 (600)')).toBe(true);
  });

  it('tells the first section it is first, and shows later ones the last words before them', async () => {
    const first = await measuredStep({ index: 0 });
    expect(block(first.prompt, 'Text before this section')).toBe('This is the first section.');
    const tail = await measuredStep({
      index: 2,
      previous: [prose(100, 1), 'Alpha beta.\n\nGamma  delta epsilon.'],
      limits: { ...limits, tailWords: 3 },
    });
    expect(block(tail.prompt, 'The end of the previous section')).toBe('…Gamma  delta epsilon.');
    const blank = await measuredStep({ index: 1, previous: ['  \n'] });
    expect(block(blank.prompt, 'The end of the previous section')).toBe('(omitted)');
  });

  it('lists the items due in the section, or says there are none', async () => {
    const plan = createPlan({
      count: 2,
      words: 600,
      sections: [
        {},
        {
          constraints: [
            { id: 'c1', text: 'the Severn bore' },
            { id: 'c2', text: 'the flood of 1607' },
          ],
        },
      ],
    });
    const due = await measuredStep({ plan, index: 1 });
    expect(due.prompt).toContain(
      'Must appear in this section:\n- the Severn bore\n- the flood of 1607\n',
    );
    const none = await measuredStep({ plan, index: 0 });
    expect(none.prompt).toContain('Must appear in this section:\n- (nothing in particular)\n');
  });

  it('shows a section drafted in parallel its neighbours beside what is written before it', async () => {
    const neighbours = 'Before it: Section 1. After it: Section 3.';
    const label = 'The sections around this one';
    const written = await measuredStep({
      sectionCount: 3,
      index: 1,
      neighbours,
      previous: ['One two three.'],
    });
    expect(block(written.prompt, label)).toBe(
      `The end of the previous section:\n\n…One two three.\n\n${neighbours}`,
    );
    const first = await measuredStep({ sectionCount: 3, index: 0, neighbours });
    expect(block(first.prompt, label)).toBe(
      `Text before this section:\n\nThis is the first section.\n\n${neighbours}`,
    );
    const unwritten = await measuredStep({ sectionCount: 3, index: 1, neighbours, previous: [''] });
    expect(block(unwritten.prompt, label)).toBe(neighbours);
    // The full policy shows every section before it: none of them written yet, nothing of them.
    const full = await measuredStep({
      policy: 'full',
      sectionCount: 3,
      index: 2,
      neighbours,
      previous: ['', ''],
    });
    expect(block(full.prompt, label)).toBe(neighbours);
  });

  it('shows the facts of the ledger that bear on the section, by its title and brief', async () => {
    const fact = 'The Severn bore rises twice a day near Gloucester.';
    const plan = createPlan({
      count: 6,
      words: 600,
      sections: [{}, {}, {}, {}, {}, { title: 'The Severn bore', brief: 'Where the bore rises.' }],
    });
    const ledger = createLedger({
      count: 5,
      claim: (seed) => (seed === 0 ? fact : prose(25, seed)),
    });
    const context = await measuredStep({ plan, ledger, limits: { ...limits, summaryWords: 60 } });
    expect(block(context.prompt, 'What earlier sections established')).toContain(fact);
  });
});
