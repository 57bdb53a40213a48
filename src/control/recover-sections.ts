import { countWords } from '../evaluators/count-words.js';
import { emptyUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunStore, StoredSection } from '../store/run-store.js';
import { emptyLedger, type Ledger, LedgerSchema } from './ledger/ledger-schema.js';
import { updateLedger } from './ledger/update-ledger.js';
import { sectionsMissingStepEnd } from './reconcile-run.js';
import type { RunEventInput } from './run-events.js';
import { journalledThinkNotes } from './think/journalled-think-notes.js';

/**
 * Reads back what earlier sessions finished: the committed sections, the ledger and the think
 * notes made by calls of their own (see `journalledThinkNotes`). A section
 * committed just before a crash (its file written, its `step-end` not yet journalled) is
 * journalled once now, marked as recovered, and added to the ledger by rule.
 */
export async function recoverSections({
  store,
  plan,
  emit,
}: {
  store: RunStore;
  plan: Plan;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<{ done: StoredSection[]; ledger: Ledger; thinkNotes: Map<string, string> }> {
  const done = (await store.readSections()).filter(
    (section) => section.index < plan.sections.length,
  );
  let ledger = (await store.readLedger(LedgerSchema)) ?? emptyLedger;
  const events = await store.readEvents();
  for (const section of sectionsMissingStepEnd({ sections: done, events, plan })) {
    const planned = plan.sections[section.index]!;
    const updated = await updateLedger({
      ledger,
      plan,
      index: section.index,
      text: section.text,
      // Stryker disable next-line StringLiteral: without a call the ledger is kept by rule whatever the mode
      mode: 'rule',
    });
    ledger = updated.ledger;
    await emit({
      type: 'step-end',
      sectionId: planned.id,
      index: section.index,
      file: section.file,
      words: countWords(section.text),
      budget: planned.words,
      attempts: 0,
      findings: [],
      usage: emptyUsage,
      recovered: true,
    });
  }
  await store.writeLedger(ledger);
  return { done, ledger, thinkNotes: journalledThinkNotes({ events }) };
}
