import type { Constraint } from '../../evaluators/constraints/constraint-file-schema.js';
import { scenarioPrompt } from './scenario-prompt.js';
import type { ScenarioTask } from './sgt-scenario.js';

/** Each segment's share of the target, over its minimum: room for a model's natural spread. */
const targetOverMinimum = 1.25;

/**
 * Assembles a generated task: its prompt, its constraints file (segments found by their
 * `## <unit> <n>` headings, so the same file checks a direct answer and a quire document) and
 * its target length. Pure.
 */
export function buildScenarioTask({
  unit,
  segments,
  minWords,
  constraints,
  opening,
  closing,
}: {
  unit: string;
  segments: number;
  minWords: number;
  constraints: Constraint[];
  opening: string;
  closing: string;
}): ScenarioTask {
  return {
    prompt: scenarioPrompt({ opening, unit, segments, minWords, constraints, closing }),
    constraints: { version: 1, unit, segments, minWords, constraints },
    words: segments * Math.ceil(minWords * targetOverMinimum),
  };
}
