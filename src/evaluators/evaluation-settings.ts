import type { Config } from '../config/config-schema.js';
import type { LengthGateSettings } from './length-gate.js';
import type { RepetitionOptions } from './repetition/repetition-options.js';

/** What the evaluators take from the configuration. */
export interface EvaluationSettings {
  gate: LengthGateSettings;
  /** Share of its budget a section may miss by. */
  sectionTolerance: number;
  repetition: Partial<RepetitionOptions>;
}

/**
 * The evaluator settings of a configuration, so `quire eval`, a run's own report and the
 * `quire sft` screen judge one text the same way. Pure.
 */
export function evaluationSettings(
  config: Pick<Config, 'lengthGate' | 'write' | 'repetition'>,
): EvaluationSettings {
  return {
    gate: config.lengthGate,
    sectionTolerance: config.write.lengthTolerance,
    repetition: { maxRep4: config.repetition.maxRep4 },
  };
}
