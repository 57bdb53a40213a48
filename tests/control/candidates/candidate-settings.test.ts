import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { candidateSettings } from '../../../src/control/candidates/candidate-settings.js';
import type { Judge } from '../../../src/evaluators/judge.js';
import { RunStore } from '../../../src/store/run-store.js';
import { stageTally } from '../../../src/store/stage-usage.js';
import { promptModel } from '../../helpers/prompt-model.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('candidateSettings', () => {
  it('drafts once, with no settings, for a count of one', async () => {
    const store = await RunStore.open(await tempDir());
    try {
      expect(
        candidateSettings({
          config: ConfigSchema.parse({}),
          count: 1,
          store,
          judge: undefined,
          extraDrafts: stageTally(),
        }),
      ).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('keeps the candidates in the run, told apart by the check tolerances, extras tallied', async () => {
    const store = await RunStore.open(await tempDir());
    try {
      const judge: Judge = { name: 'judge', model: promptModel(() => ({ text: '' })) };
      const extraDrafts = stageTally();
      const settings = candidateSettings({
        config: ConfigSchema.parse({ write: { lengthTolerance: 0.1, maxOverlap: 0.3 } }),
        count: 2,
        store,
        judge,
        extraDrafts,
      });
      expect(settings).toMatchObject({
        count: 2,
        directory: store.directory,
        judge,
        resolution: { length: 0.1, overlap: 0.3 },
      });
      settings!.onExtraDraft?.({
        usage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 5, reasoningTokens: 0 },
        calls: 2,
      });
      expect(extraDrafts.totals).toEqual({
        inputTokens: 10,
        outputTokens: 20,
        cachedInputTokens: 5,
        calls: 2,
      });
    } finally {
      await store.close();
    }
  });
});
