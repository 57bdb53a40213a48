import { describe, expect, it } from 'vitest';
import { chooseFault } from '../../src/sim/choose-fault.js';
import { faultKinds } from '../../src/sim/fault-kind.js';
import { faultRates } from '../../src/sim/fault-rates.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';

describe('createSeededRandom', () => {
  it('repeats for the same parts and differs for others', () => {
    const draw = (parts: (string | number)[]) =>
      Array.from({ length: 5 }, createSeededRandom(parts).next);
    expect(draw([1, 'a'])).toEqual(draw([1, 'a']));
    expect(draw([1, 'a'])).not.toEqual(draw([2, 'a']));
    expect(draw(['ab', 'c'])).not.toEqual(draw(['a', 'bc']));
  });

  it('draws evenly within its ranges', () => {
    const random = createSeededRandom(['spread']);
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 8000; index++) {
      const value = random.integer(0, 3);
      counts[value] = (counts[value] ?? 0) + 1;
      const between = random.between(2, 3);
      expect(between).toBeGreaterThanOrEqual(2);
      expect(between).toBeLessThan(3);
    }
    for (const count of counts) expect(count).toBeGreaterThan(1800);
  });
});

describe('chooseFault', () => {
  it('injects each kind at about its rate', () => {
    const rates = faultRates({ errors: 0.6, faults: [...faultKinds] });
    const seen = new Map<string, number>();
    const draws = 12_000;
    for (let attempt = 0; attempt < draws; attempt++) {
      const fault = chooseFault({
        rates,
        random: createSeededRandom(['fault', attempt]),
        asksForJson: true,
      });
      seen.set(fault ?? 'none', (seen.get(fault ?? 'none') ?? 0) + 1);
    }
    for (const kind of faultKinds) expect((seen.get(kind) ?? 0) / draws).toBeCloseTo(0.1, 1);
    expect((seen.get('none') ?? 0) / draws).toBeCloseTo(0.4, 1);
  });

  it('lets bad-json through on calls that do not ask for JSON', () => {
    const rates = faultRates({ errors: 0, faults: [], badJson: 1 });
    expect(chooseFault({ rates, random: createSeededRandom([1]), asksForJson: true })).toBe(
      'bad-json',
    );
    expect(
      chooseFault({ rates, random: createSeededRandom([1]), asksForJson: false }),
    ).toBeUndefined();
  });
});
