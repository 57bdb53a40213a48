import { describe, expect, it } from 'vitest';
import { SimOptionError } from '../../src/errors/sim-option-error.js';
import { defaultFaultKinds } from '../../src/sim/fault-kind.js';
import { faultRates } from '../../src/sim/fault-rates.js';
import { parseDuration } from '../../src/sim/parse-duration.js';
import { parseSimSpec, resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { simKnobNames, simKnobs } from '../../src/sim/sim-knobs.js';
import { defaultSimOptions, SimOptionsSchema } from '../../src/sim/sim-options.js';

function errorOf(action: () => unknown): SimOptionError {
  try {
    action();
  } catch (error) {
    if (error instanceof SimOptionError) return error;
    throw error;
  }
  throw new Error('expected a SimOptionError');
}

describe('parseSimSpec', () => {
  it('reads every kind of value', () => {
    const options = parseSimSpec(
      'seed=7,tps=80,ttft=300ms,errors=0.2,slots=2,noise=0,ceiling=1500,fixed=300,shrink=0.2,words=800,repeat=0.1,faults=cut+hang,retry-after=2s,rate-limit=0.05',
    );
    expect(options).toMatchObject({
      seed: 7,
      tps: 80,
      ttft: 300,
      errors: 0.2,
      slots: 2,
      noise: 0,
      ceiling: 1500,
      fixed: 300,
      shrink: 0.2,
      words: 800,
      repeat: 0.1,
      faults: ['cut', 'hang'],
      retryAfter: 2000,
      rateLimit: 0.05,
    });
  });

  it('reads the plan defects to plant, none by default', () => {
    expect(parseSimSpec('plan-defects=overlap+listicle').planDefects).toEqual([
      'overlap',
      'listicle',
    ]);
    expect(parseSimSpec('').planDefects).toEqual([]);
    expect(parseSimSpec('plan-defects=none').planDefects).toEqual([]);
  });

  it('gives the documented defaults for an empty spec', () => {
    expect(parseSimSpec('')).toEqual(defaultSimOptions);
    expect(defaultSimOptions).toMatchObject({
      seed: 0,
      ttft: 0,
      tps: 0,
      slots: 8,
      words: 500,
      noise: 0.1,
      ceiling: 2000,
      shrink: 0,
      repeat: 0,
      errors: 0,
      faults: defaultFaultKinds,
      retryAfter: 1000,
    });
  });

  it('tolerates spaces and a trailing comma', () => {
    expect(parseSimSpec(' seed = 3 , tps=10, ')).toMatchObject({ seed: 3, tps: 10 });
  });

  it.each([
    [
      'unknown option',
      'sed=7',
      'sed',
      /unknown sim option "sed"; valid options are seed, ttft, tps/,
    ],
    ['option without value', 'seed', 'seed', /"seed" has no value: write seed=<value>/],
    ['empty value', 'tps=', 'tps', /has no value/],
    [
      'bad duration',
      'ttft=fast',
      'ttft',
      /ttft=fast is not valid.*ttft expects a duration such as 300ms or 2s \(default 0ms\)/,
    ],
    [
      'rate above 1',
      'errors=1.5',
      'errors',
      /errors=1.5 is not valid: errors expects a number from 0 to 1/,
    ],
    ['fractional seed', 'seed=1.5', 'seed', /seed expects a whole number/],
    ['zero slots', 'slots=0', 'slots', /slots expects a whole number ≥ 1/],
    ['unknown fault kind', 'faults=cut+explode', 'faults', /unknown fault kind "explode"/],
    [
      'unknown plan defect kind',
      'plan-defects=overlap+typos',
      'plan-defects',
      /unknown plan defect kind "typos"/,
    ],
    ['duplicate option', 'seed=1,seed=2', 'seed', /given twice/],
    [
      'rates adding up past 1',
      'errors=0.8,hang=0.5',
      'errors',
      /fault rates add up to 1.3, more than 1/,
    ],
  ])('refuses an %s, naming it', (_case, spec, option, message) => {
    const error = errorOf(() => parseSimSpec(spec));
    expect(error.option).toBe(option);
    expect(error.category).toBe('input');
    expect(error.message).toMatch(message);
  });
});

describe('resolveSimOptions', () => {
  it('accepts field names, knob names, typed values and text', () => {
    expect(resolveSimOptions({ seed: 2, ttft: '1.5s', faults: ['empty'] })).toMatchObject({
      seed: 2,
      ttft: 1500,
      faults: ['empty'],
    });
    expect(resolveSimOptions({ 'bad-json': '0.3', retryAfter: 250 })).toMatchObject({
      badJson: 0.3,
      retryAfter: 250,
    });
  });

  it('names flags as flags when the options came from the command line', () => {
    const error = errorOf(() => resolveSimOptions({ tps: 'quick' }, { source: 'flags' }));
    expect(error.message).toMatch(/--tps quick is not valid: --tps expects a number ≥ 0/);
    expect(errorOf(() => resolveSimOptions({ speed: 1 }, { source: 'flags' })).message).toMatch(
      /unknown sim option "--speed"; valid options are --seed, --ttft/,
    );
  });
});

describe('the knob table', () => {
  it('lists exactly the fields of the options schema', () => {
    expect(simKnobs.map((knob) => knob.key).sort()).toEqual(
      Object.keys(SimOptionsSchema.shape).sort(),
    );
    expect(new Set(simKnobNames).size).toBe(simKnobNames.length);
  });

  it('states the defaults the schema applies', () => {
    for (const knob of simKnobs) {
      if (knob.defaultText === undefined) {
        expect(defaultSimOptions[knob.key]).toBeUndefined();
        continue;
      }
      const parsed = resolveSimOptions({ [knob.name]: knob.defaultText });
      expect(parsed[knob.key], knob.name).toEqual(defaultSimOptions[knob.key]);
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['300ms', 300],
    ['2s', 2000],
    ['1.5s', 1500],
    ['1m', 60_000],
    ['250', 250],
    [0, 0],
    [42, 42],
  ])('reads %s', (value, milliseconds) => {
    expect(parseDuration(value)).toBe(milliseconds);
  });

  it.each(['fast', '-1s', '', '2h', Number.NaN, -5])('refuses %s', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });
});

describe('faultRates', () => {
  it('spreads errors over the listed kinds and lets a kind rate replace its share', () => {
    const rates = faultRates({ errors: 0.5, faults: ['cut', 'empty'], hang: 0.1, empty: 0.05 });
    expect(rates).toEqual({
      'rate-limit': 0,
      'server-error': 0,
      hang: 0.1,
      cut: 0.25,
      'bad-json': 0,
      empty: 0.05,
    });
  });
});
