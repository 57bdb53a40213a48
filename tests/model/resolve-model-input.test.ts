import { wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../src/model/resolve-model.js';
import { resolveModelInput } from '../../src/model/resolve-model-input.js';

describe('resolveModelInput', () => {
  it('resolves a spec string as resolveModel does', () => {
    expect(resolveModelInput({ model: 'sim' })).toMatchObject({ spec: 'sim', simulated: true });
  });

  it('takes a model object as it is, named by its id, and a wrapped one too', () => {
    const mock = new MockLanguageModelV3({ modelId: 'my-model' });
    expect(resolveModelInput({ model: mock })).toEqual({
      model: mock,
      spec: 'my-model',
      modelId: 'my-model',
      simulated: false,
    });
    const wrapped = wrapLanguageModel({ model: mock, middleware: { specificationVersion: 'v3' } });
    expect(resolveModelInput({ model: wrapped }).model).toBe(wrapped);
  });

  it('passes a resolved model through unchanged', () => {
    const resolved = resolveModel({ spec: 'sim:think=tags' });
    expect(resolveModelInput({ model: resolved })).toBe(resolved);
  });
});
