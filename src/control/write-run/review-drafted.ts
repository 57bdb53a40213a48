import type { ControlUnitResult } from '../control-unit.js';
import { runReview } from '../review/run-review.js';
import { afterPass, type DraftPassOptions } from './draft-pass.js';
import { ledgerFacts } from './ledger-facts.js';

/** The drafted document after the whole-document review; stopped when a budget ran out. */
export async function reviewDrafted({
  drafted,
  rounds,
  run: { store, task, config, session, trackStage },
  call,
  budgetStop,
}: DraftPassOptions & { drafted: ControlUnitResult; rounds: number }): Promise<ControlUnitResult> {
  const reviewed = await runReview({
    task,
    // The ledger's facts within the share a section's writer gets.
    facts: await ledgerFacts({
      store,
      focus: task.prompt,
      maxWords: config.write.summaryWords,
    }),
    plan: drafted.plan,
    store,
    sections: drafted.sections,
    rounds,
    call,
    settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
    budgetStop,
    trackStage,
    emit: session.emit,
  });
  return afterPass(drafted, reviewed);
}
