import type { ConstraintFile } from '../../evaluators/constraints/constraint-file-schema.js';
import type { StoredVerdicts } from '../../evaluators/constraints/decide-checks.js';

/** One SGT-style task ready to run, from SGT's data or from quire's generator. */
export interface SgtBenchTask {
  /** Stable id: the scenario and a hash of the prompt (SGT data) or the generator's id. */
  id: string;
  /** SGT's type (Week, Menu Week, Floor, Block…) or the generated scenario (diary, menu…). */
  scenario: string;
  source: 'sgt' | 'generated';
  prompt: string;
  /** Target length of the whole answer, used as the run's target in quire mode. */
  words: number;
  constraints: ConstraintFile;
  /** The answer, when the task comes from a predictions file (no model is called). */
  response?: string;
  /** The verdicts of SGT's judge stored with that answer, if any. */
  verdicts?: StoredVerdicts;
}
