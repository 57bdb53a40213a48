import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { SimOptionError } from '../../src/errors/sim-option-error.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { SimLanguageModel } from '../../src/sim/sim-language-model.js';

describe('resolveModel for sim', () => {
  it('gives the simulated model, marked as such, with the options of the spec', async () => {
    const resolved = resolveModel({ spec: 'sim:seed=9,noise=0,words=40' });
    expect(resolved).toMatchObject({
      spec: 'sim:seed=9,noise=0,words=40',
      modelId: 'sim',
      simulated: true,
    });
    expect(resolved.model).toBeInstanceOf(SimLanguageModel);
    expect((resolved.model as SimLanguageModel).engine.options).toMatchObject({
      seed: 9,
      noise: 0,
      words: 40,
    });
    const { text } = await generateText({ model: resolved.model, prompt: 'Say something.' });
    expect(text.split(/\s+/)).toHaveLength(40);
  });

  it('needs no API key and takes the defaults for a bare "sim"', () => {
    expect(resolveModel({ spec: 'sim' }).simulated).toBe(true);
  });

  it('fails before any call on a bad option, as an input error', () => {
    expect(() => resolveModel({ spec: 'sim:tps=fast' })).toThrow(SimOptionError);
    expect(() => resolveModel({ spec: 'sim:speed=3' })).toThrow(
      /unknown sim option "speed"; valid options are seed/,
    );
  });
});
