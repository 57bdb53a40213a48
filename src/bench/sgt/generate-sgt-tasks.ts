import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { createSeededRandom } from '../../sim/seeded-random.js';
import { version } from '../../version.js';
import { cityGridScenario } from './scenarios/city-grid-scenario.js';
import { diaryScenario } from './scenarios/diary-scenario.js';
import { floorsScenario } from './scenarios/floors-scenario.js';
import { menuScenario } from './scenarios/menu-scenario.js';
import { sgtCheckSets } from './sgt-check-sets.js';
import type { SgtScenario } from './sgt-scenario.js';
import type { SgtTaskFile } from './sgt-task-file-schema.js';

const scenarios: readonly SgtScenario[] = [
  diaryScenario,
  menuScenario,
  floorsScenario,
  cityGridScenario,
];

/**
 * Generates `count` SGT-style tasks of quire's own, cycling through the diary, menu, floors
 * and city-grid scenarios: each with `once`, `range` and `periodic` constraints on numbered
 * segments and the check sets they expand to. The same count and seed always give the same
 * file, and task n does not depend on the count. Pure.
 */
export function generateSgtTasks({ count, seed }: { count: number; seed: number }): SgtTaskFile {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InvalidOptionError({
      option: 'count',
      expected: 'a positive whole number',
      received: count,
    });
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidOptionError({
      option: 'seed',
      expected: 'a whole number, 0 or more',
      received: seed,
    });
  }
  const tasks = Array.from({ length: count }, (_, index) => {
    const scenario = scenarios[index % scenarios.length]!;
    const task = scenario.build(createSeededRandom(['quire-sgt-task', seed, index]));
    return {
      id: `${scenario.name}-s${seed}-${index + 1}`,
      scenario: scenario.name,
      prompt: task.prompt,
      words: task.words,
      constraints: task.constraints,
      checks: sgtCheckSets(task.constraints),
    };
  });
  return { format: 'quire-sgt-tasks', version: 1, seed, quire: version, tasks };
}
