import type { LanguageModelV3 } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { defaultSectionChecks } from '../../../src/control/checks/default-section-checks.js';
import { emptyLedger, type Ledger } from '../../../src/control/ledger/ledger-schema.js';
import { runSectionStep } from '../../../src/control/run-section-step.js';
import { ContextBudgetError } from '../../../src/errors/context-budget-error.js';
import {
  ContextWindow,
  type ContextWindowState,
} from '../../../src/model/context/context-window.js';
import { startCapacity } from '../../../src/model/reply-capacity.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { contextRefusal } from '../../../src/sim/context-refusal.js';
import { createSimModel } from '../../../src/sim/create-sim-model.js';
import { apiCallErrorFor } from '../../../src/sim/sim-api-error.js';
import { estimateTokens } from '../../../src/util/estimate-tokens.js';
import {
  createLedger,
  createPlan,
  createStepSettings,
  createTask,
} from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { promptModel, prose, wordsAsked } from '../../helpers/prompt-model.js';

const settings = createStepSettings({ continuationAttempts: 4 });
const assumed: ContextWindowState = { tokens: 128_000, source: 'assumed' };

async function step({
  model,
  state = assumed,
  index = 0,
  previous = [],
  ledger = emptyLedger,
  request,
}: {
  model: LanguageModelV3;
  state?: ContextWindowState;
  index?: number;
  previous?: string[];
  ledger?: Ledger;
  request?: string;
}) {
  const window = new ContextWindow({ state, counter: estimateCounter });
  const plan = createPlan({ count: 3, words: 400 });
  const result = await runSectionStep({
    task: createTask({ words: plan.words, ...(request ? { prompt: request } : {}) }),
    plan,
    index,
    ledger,
    previous,
    policy: 'bounded',
    limits: { tailWords: 250, summaryWords: 300 },
    settings,
    checks: defaultSectionChecks,
    capacity: startCapacity({ previous: undefined, model: 'sim', configured: undefined }),
    call: {
      model,
      window,
      clock: createFakeClock(),
      retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 },
    },
    emit: async () => {},
  });
  return { result, window };
}

describe('runSectionStep in a small context window', () => {
  it('learns the window from a refusal, records it, and writes the section shrunk to fit', async () => {
    const { result, window } = await step({
      model: createSimModel({ context: 1_200, server: 'vllm', noise: 0 }),
    });
    expect(window.state).toMatchObject({ tokens: 1_200, source: 'refusal', server: 'vllm' });
    expect(result.findings.map((finding) => finding.ruleId)).toContain('context/window-exceeded');
    expect(estimateTokens(result.text)).toBeGreaterThan(300);
  });

  it('stops, naming the setting to raise, when the server still cuts the shrunk prompt', async () => {
    // A server that always cuts the prompt to a round size a little under what was sent.
    const cutting = promptModel(({ prompt, system }) => ({
      text: prose(wordsAsked(prompt), 1),
      inputTokens:
        Math.floor(((estimateTokens(system) + estimateTokens(prompt)) * 0.85) / 256) * 256,
    }));
    const ledger = createLedger({ count: 2, claim: (seed) => prose(70, seed) });
    const error = await step({
      model: cutting,
      index: 2,
      previous: [prose(400, 2), prose(400, 3)],
      ledger,
      // A long request keeps even the shrunk prompt above the smallest window a server reports.
      request: `Write a long history of the harbour. ${prose(300, 9)}`,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContextBudgetError);
    expect((error as Error).message).toMatch(/^The server still cut the prompt of section 3/);
    expect((error as Error).message).toContain('Ollama num_ctx');
  });

  it('skips a repair whose prompt does not fit, and says so', async () => {
    const refusal = apiCallErrorFor({
      reply: contextRefusal({
        server: 'openai',
        contextTokens: 900,
        promptTokens: 1_000,
        maxOutputTokens: 1_300,
      }),
      requestBodyValues: {},
    });
    const model = promptModel((call) =>
      call.prompt.includes('<current-text>')
        ? refusal
        : {
            text: `Paragraph 1 - Main Point: tides\n\n${prose(390, 1)}`,
            inputTokens: estimateTokens(call.system) + estimateTokens(call.prompt),
          },
    );
    const { result } = await step({ model });
    const rules = result.findings.map((finding) => finding.ruleId);
    expect(rules).toContain('context/repair-skipped');
    // The draft is kept as it was written, its leaked plan label unrepaired.
    expect(result.text).toContain('Main Point: tides');
  });
});
