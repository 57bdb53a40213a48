import type { RepairAction } from '../../agents/revise-section.js';
import type { SectionStepSettings } from '../run-section-step.js';
import { decideLengthRepair, type LengthAttempt } from './length-repair-policy.js';

/** The next repair of a section (`words` to ask; undefined for the reviser's default), or why none. */
export type NextRepair = { action: RepairAction; words: number | undefined } | { stop: string };

/**
 * Whether and how to make the next repair of a failing section. `fixed`: the earlier
 * behaviour, `repairAttempts` repairs of any kind. `adaptive`: content rewrites are bounded by
 * `repairAttempts`, length repairs by progress (`decideLengthRepair`); both by
 * `maxCallsPerSection` and by the run's token and cost budget. Pure.
 */
export function nextRepair({
  action,
  settings,
  repairs,
  rewrites,
  calls,
  words,
  budget,
  wordsPerReply,
  last,
  budgetStop,
}: {
  action: RepairAction;
  settings: SectionStepSettings;
  /** Repairs made so far, of any kind. */
  repairs: number;
  /** Rewrites made so far. */
  rewrites: number;
  /** Model calls the section has used. */
  calls: number;
  /** Words of the section now. */
  words: number;
  budget: number;
  wordsPerReply: number | undefined;
  last: LengthAttempt | undefined;
  /** Why the run's budget forbids another call, if it does. */
  budgetStop: string | undefined;
}): NextRepair {
  if (settings.lengthPolicy === 'fixed') {
    return repairs < settings.repairAttempts
      ? { action, words: undefined }
      : { stop: `the ${settings.repairAttempts} repair attempts (write.repairAttempts) are used` };
  }
  if (budgetStop) return { stop: budgetStop };
  if (action === 'rewrite') {
    if (rewrites >= settings.repairAttempts) {
      return { stop: `the ${settings.repairAttempts} rewrites (write.repairAttempts) are used` };
    }
    if (calls >= settings.maxCallsPerSection) {
      return { stop: `the section used its ${settings.maxCallsPerSection} calls` };
    }
    return { action, words: budget };
  }
  const decision = decideLengthRepair({
    action,
    words,
    budget,
    wordsPerReply,
    last,
    callsUsed: calls,
    limits: settings,
  });
  return decision.kind === 'stop' ? { stop: decision.message } : decision;
}
