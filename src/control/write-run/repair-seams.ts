import type { ControlUnitResult } from '../control-unit.js';
import { parallelSeams } from '../seams/parallel-seams.js';
import { runSeamPass } from '../seams/run-seam-pass.js';
import { afterPass, type DraftPassOptions } from './draft-pass.js';
import { ledgerFacts } from './ledger-facts.js';

/** Words of the ledger's facts the seam pass is shown (beside the plan's own facts). */
const seamFactWords = 120;

/**
 * The drafted document with the seams between sections drafted in parallel checked and
 * repaired (`runSeamPass`), as the first part of the whole-document review, or on its own when
 * there is no review; unchanged when no section was drafted blind to the one before it.
 */
export async function repairSeams({
  drafted,
  run: { store, task, config, session, trackStage },
  call,
  budgetStop,
}: DraftPassOptions & { drafted: ControlUnitResult }): Promise<ControlUnitResult> {
  const seams = parallelSeams({ plan: drafted.plan, events: await store.readEvents() });
  if (seams.length === 0) return drafted;
  const repaired = await trackStage('seams', async () =>
    runSeamPass({
      task,
      plan: drafted.plan,
      store,
      sections: drafted.sections,
      seams,
      call,
      settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
      // Each check call repeats the facts: the names and figures a seam shows are few.
      facts: [
        ...(drafted.plan.facts ?? []),
        ...(await ledgerFacts({ store, focus: task.prompt, maxWords: seamFactWords })),
      ],
      parallel: config.write.parallel,
      budgetStop,
      emit: session.emit,
    }),
  );
  return afterPass(drafted, repaired);
}
