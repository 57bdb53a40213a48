import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { gateSlack } from '../../../src/control/length/gate-slack.js';

describe('gateSlack', () => {
  it('tolerates half the floor’s margin when it is the narrower one (the default gate)', () => {
    const { lengthGate } = ConfigSchema.parse({});
    expect(lengthGate).toEqual({ floor: 0.9, ceiling: 1.2 });
    expect(gateSlack(lengthGate)).toBeCloseTo(0.05);
  });

  it('tolerates half the ceiling’s margin when it is the narrower one', () => {
    expect(gateSlack({ floor: 0.7, ceiling: 1.1 })).toBeCloseTo(0.05);
    expect(gateSlack({ floor: 0.5, ceiling: 1.3 })).toBeCloseTo(0.15);
  });
});
