import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { evaluationSettings } from '../../src/evaluators/evaluation-settings.js';

describe('evaluationSettings', () => {
  it("takes the length gate, the section tolerance and rep-4's limit from the configuration", () => {
    const config = ConfigSchema.parse({
      lengthGate: { floor: 0.8, ceiling: 1.5 },
      write: { lengthTolerance: 0.25 },
      repetition: { maxRep4: 0.3 },
    });
    expect(evaluationSettings(config)).toEqual({
      gate: { floor: 0.8, ceiling: 1.5 },
      sectionTolerance: 0.25,
      repetition: { maxRep4: 0.3 },
    });
  });
});
