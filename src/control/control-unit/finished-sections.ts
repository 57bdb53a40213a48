import { countWords } from '../../evaluators/count-words.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { StoredSection } from '../../store/run-store.js';
import { sectionLengthBounds } from '../checks/check-length.js';
import type { SectionStepSettings } from '../run-section-step.js';

/**
 * The indexes of the committed sections (`done`) not to be redone: all of them, except, with
 * `repairLength`, those whose length is outside what their length check accepts. Pure.
 */
export function finishedSections({
  done,
  plan,
  repairLength,
  settings,
}: {
  done: StoredSection[];
  plan: Plan;
  repairLength: boolean;
  settings: SectionStepSettings;
}): Set<number> {
  return new Set(
    done
      .filter(
        (section) => !(repairLength && offBudget(section.text, plan, section.index, settings)),
      )
      .map((section) => section.index),
  );
}

/** True when a committed section's length is outside what its length check accepts. */
function offBudget(
  text: string,
  plan: Plan,
  index: number,
  settings: SectionStepSettings,
): boolean {
  const { low, high } = sectionLengthBounds({ budget: plan.sections[index]!.words, settings });
  const words = countWords(text);
  return words < low || words > high;
}
