import type { UsageMeter } from '../../model/usage-meter.js';
import { costOf, type RunBudget } from '../budget.js';
import type { RunEventInput } from '../run-events.js';
import { type UnitState, writtenWords } from './unit-state.js';

/** The journal event of the run's totals as they stand after section `sectionId` (`usage`). */
export function usageEvent({
  state,
  meter,
  budget,
  sectionId,
}: {
  state: UnitState;
  meter: UsageMeter;
  budget: RunBudget;
  sectionId: string;
}): RunEventInput {
  const totals = meter.totals();
  return {
    type: 'usage',
    totals,
    costUsd: costOf({ totals, budget }),
    wordsWritten: writtenWords(state),
    sectionsDone: state.texts.size,
    sectionsTotal: state.plan.sections.length,
    sectionId,
  };
}
