import { describe, expect, it } from 'vitest';
import { stageCosts } from '../../../src/control/inspect/stage-costs.js';
import type { StageUsage } from '../../../src/store/stage-usage.js';
import { createInfo } from '../../helpers/builders.js';

const million = { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 0, calls: 3 };

/** A run of `gpt-4o` with the given config and stage usage. */
function infoWith({ config = {}, stages }: { config?: object; stages?: StageUsage }) {
  const info = createInfo({ config, spec: 'openai:gpt-4o' });
  return { ...info, stages };
}

describe('stageCosts', () => {
  it('prices each stage at its own model, in stage order, with unknown prices left unknown', () => {
    const info = infoWith({
      config: {
        stages: { planner: 'openai:gpt-4o-mini', reviewer: 'openai:house-model' },
        prices: { 'gpt-4o': { input: 1, output: 2 } },
      },
      stages: { rewrite: million, planning: million, drafting: million },
    });
    expect(stageCosts({ info })).toEqual([
      { stage: 'planning', ...million, costUsd: 0.15 + 0.6 },
      // The config's price overrides the built-in table's.
      { stage: 'drafting', ...million, costUsd: 3 },
      { stage: 'rewrite', ...million, costUsd: undefined },
    ]);
  });

  it('prices no stage whose model is local or whose spec no longer parses', () => {
    const info = infoWith({
      stages: {
        planning: million,
        critique: million,
        drafting: million,
        candidates: million,
        seams: million,
        review: million,
        rewrite: million,
      },
    });
    // Written into run.json by an older quire, as inspect may read it.
    info.config.stages = {
      planner: 'sim:seed=3',
      writer: 'gguf:./models/small.gguf',
      reviewer: 'no-such-provider',
    };
    expect(stageCosts({ info }).map(({ stage, costUsd }) => [stage, costUsd])).toEqual([
      ['planning', 0],
      ['critique', 0],
      ['drafting', undefined],
      ['candidates', undefined],
      ['seams', undefined],
      ['review', undefined],
      ['rewrite', undefined],
    ]);
  });

  it('is empty for a run that kept no stages', () => {
    expect(stageCosts({ info: infoWith({}) })).toEqual([]);
  });
});
