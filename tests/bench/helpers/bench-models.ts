import { MockLanguageModelV3 } from 'ai/test';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import type { Judge } from '../../../src/evaluators/judge.js';
import type { ResolvedModel } from '../../../src/model/resolve-model.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
import { createSimModel } from '../../../src/sim/create-sim-model.js';
import { promptModel } from '../../helpers/prompt-model.js';

/**
 * Defaults as `quire bench` and `quire sft` resolve them (the single pass, `--quality fast`),
 * with one attempt per call so a failing model fails at once.
 */
export const benchConfig = ConfigSchema.parse({
  write: { quality: 'fast' },
  retry: { maxAttempts: 1 },
});

/** The in-process simulated model. */
export function simModel(spec = 'sim'): ResolvedModel {
  return resolveModel({ spec });
}

/**
 * The simulated model, except that any call whose messages contain `failOn` fails as a provider
 * error would. For tests of one failed item among good ones.
 */
export function failingModel({ failOn }: { failOn: string }): ResolvedModel {
  const sim = createSimModel();
  const model = new MockLanguageModelV3({
    modelId: 'sim',
    doStream: async (options) => {
      if (JSON.stringify(options.prompt).includes(failOn)) throw new Error('the provider is down');
      return sim.doStream(options);
    },
  });
  return { model, spec: 'mock', modelId: 'sim', simulated: true };
}

/** A model every call to which fails: proves that nothing is asked of it. */
export function refusingModel(): ResolvedModel {
  const model = promptModel(() => new Error('this model must not be called'));
  return { model, spec: 'sim', modelId: 'sim', simulated: true };
}

/** A judge that rates every document 4 on every dimension (S_q 75). */
export function steadyJudge(): Judge {
  const model = promptModel(() => ({
    text: JSON.stringify({
      analysis: 'Clear and on topic.',
      relevance: 4,
      accuracy: 4,
      coherence: 4,
      clarity: 4,
      breadthAndDepth: 4,
      readingExperience: 4,
    }),
  }));
  return { model, name: 'mock-judge', retry: benchConfig.retry };
}

/**
 * A HelloEval judge that rates every checklist item `score` with a short reason, whatever the
 * answer; the number of items is read from the prompt's checklist heading.
 */
export function steadyChecklistJudge(score = 0.75): Judge {
  const model = promptModel(({ prompt }) => {
    const count = Number(/## The checklist \((\d+) items\)/.exec(prompt)?.[1] ?? 0);
    const verdicts = Array.from({ length: count }, (_, id) => [
      id,
      { reason: 'Mostly met.', score },
    ]);
    return { text: JSON.stringify(Object.fromEntries(verdicts)) };
  });
  return { model, name: 'mock-judge', retry: benchConfig.retry };
}
