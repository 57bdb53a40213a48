import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { judgeForModel } from '../../src/evaluators/judge-for-model.js';
import { scriptedModel } from '../helpers/mock-model.js';

describe('judgeForModel', () => {
  it("names the judge by its spec and calls it under the configuration's retry and time limits", () => {
    const model = scriptedModel([{ text: '{}' }], 'judge-model');
    const config = ConfigSchema.parse({ retry: { maxAttempts: 7 } });
    const abortSignal = new AbortController().signal;
    const judge = judgeForModel({
      model: { model, spec: 'openai:judge-model', modelId: 'judge-model', simulated: false },
      config,
      abortSignal,
    });
    expect(judge).toMatchObject({
      model,
      name: 'openai:judge-model',
      retry: config.retry,
      timeouts: config.timeouts,
      abortSignal,
    });
    expect(judge.retry?.maxAttempts).toBe(7);
  });
});
