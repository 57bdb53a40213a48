import { describe, expect, it } from 'vitest';
import { type ConfigInput, ConfigSchema } from '../../src/config/config-schema.js';
import { findContradictions, refuseContradictions } from '../../src/config/find-contradictions.js';
import { ConfigError } from '../../src/errors/config-error.js';

const config = (input: ConfigInput) => ConfigSchema.parse(input);

describe('findContradictions', () => {
  it('finds none in the defaults', () => {
    expect(findContradictions(config({}))).toEqual([]);
  });

  it('accepts equal values: a minimum may meet its maximum', () => {
    const equal = config({ write: { minSectionWords: 800, maxSectionWords: 800 } });
    expect(findContradictions(equal)).toEqual([]);
  });

  it.each([
    [{ write: { minSectionWords: 900, maxSectionWords: 600 } }, 'write.minSectionWords'],
    [{ retry: { initialDelayMs: 60_000, maxDelayMs: 1_000 } }, 'retry.initialDelayMs'],
    [{ timeouts: { idleTimeoutMs: 600_000, requestTimeoutMs: 60_000 } }, 'timeouts.idleTimeoutMs'],
    [{ code: { conversationTokens: 200_000, maxStepTokens: 100_000 } }, 'code.conversationTokens'],
  ] as Array<[ConfigInput, string]>)('finds %j', (input, first) => {
    const [found, ...others] = findContradictions(config(input));
    expect(others).toEqual([]);
    expect(found).toMatchObject({ first, why: expect.any(String) });
    expect(found!.firstValue).toBeGreaterThan(found!.secondValue);
  });

  it('refuses the first contradiction with a ConfigError naming both keys and values', () => {
    const contradicting = config({ write: { minSectionWords: 900, maxSectionWords: 600 } });
    expect(() => refuseContradictions(contradicting)).toThrow(ConfigError);
    expect(() => refuseContradictions(contradicting)).toThrow(
      /write\.minSectionWords \(900\) is larger than write\.maxSectionWords \(600\)/,
    );
    expect(() => refuseContradictions(config({}))).not.toThrow();
  });
});
