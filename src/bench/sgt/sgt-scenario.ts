import type { ConstraintFile } from '../../evaluators/constraints/constraint-file-schema.js';
import type { SeededRandom } from '../../sim/seeded-random.js';

/** The kinds of task quire generates, after the four SGT scenario families. */
export type SgtScenarioName = 'diary' | 'menu' | 'floors' | 'city-grid';

/** One generated task before it gets its id: what to ask and what to check. */
export interface ScenarioTask {
  prompt: string;
  constraints: ConstraintFile;
  /** Target length of the whole answer: the segments × a little over their minimum. */
  words: number;
}

/** A scenario: builds a task from a seeded random stream, deterministically. */
export interface SgtScenario {
  name: SgtScenarioName;
  /** The segment label, e.g. Week; headings are "## <unit> <n>". */
  unit: string;
  build(random: SeededRandom): ScenarioTask;
}
