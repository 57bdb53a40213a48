import { addUsage } from '../../model/usage-meter.js';
import type { RetryEvent } from '../../model/with-retry.js';
import { sectionName } from '../../store/run-store.js';
import { slugify } from '../../util/slugify.js';
import { collectThinking } from '../collect-thinking.js';
import { updateLedger } from '../ledger/update-ledger.js';
import { retryEvent } from '../run-events.js';
import { runSectionStep } from '../run-section-step.js';
import { neighbourBriefs } from '../schedule/neighbour-briefs.js';
import type { BudgetReservations } from './budget-reservations.js';
import { commitSection } from './commit-section.js';
import type { UnitOptions } from './control-unit-options.js';
import type { SerialQueue } from './serial-queue.js';
import { stepEndEvent } from './step-end-event.js';
import type { UnitState } from './unit-state.js';
import { usageEvent } from './usage-event.js';

/**
 * One step of the control unit's loop: drafts (or, when committed already, repairs) section
 * `index` (see `runSectionStep`), commits it with the model's thinking beside it, updates the
 * ledger, and journals the section's end and the run's totals. True when the model writes too
 * little per reply to go on: the section is then not committed.
 */
export async function commitStep({
  unit,
  state,
  reservations,
  ledgerUpdates,
  index,
  divide,
}: {
  unit: UnitOptions;
  state: UnitState;
  reservations: BudgetReservations;
  /** Where the ledger updates wait their turn. */
  ledgerUpdates: SerialQueue;
  index: number;
  /** May a draft too long for one reply divide the section? */
  divide: boolean;
}): Promise<boolean> {
  const { task, store, settings, parallel, thinkNotes, candidates, emit } = unit;
  const { plan } = state;
  const existing = state.texts.get(index);
  const previous = plan.sections
    .slice(0, index)
    .map((_, position) => state.texts.get(position) ?? '');
  const slug = slugify({ text: plan.sections[index]!.title });
  const thinking = collectThinking({
    save: (text) => store.writeThinking({ name: sectionName({ index, slug }), text }),
  });
  // With sections in flight at once, each retry names the section whose call it was.
  const sectionId = plan.sections[index]!.id;
  const onRetry = (retry: RetryEvent) => void emit(retryEvent({ retry, sectionId }));
  const stepCall = { ...unit.call, onThinking: thinking.onThinking, onRetry };
  const stepReviewCall = { ...unit.reviewCall, onThinking: thinking.onThinking, onRetry };
  const step = await runSectionStep({
    task,
    plan,
    index,
    ledger: state.ledger,
    previous,
    policy: unit.policy,
    limits: unit.limits,
    settings,
    checks: unit.checks,
    call: stepCall,
    reviewCall: stepReviewCall,
    capacity: state.capacity,
    existing,
    budgetStop: () => reservations.stopFor(index),
    neighbours: parallel > 1 ? await neighbourBriefs({ plan, index }) : undefined,
    divide,
    thinkNotes: { mode: thinkNotes.mode, stored: thinkNotes.journalled.get(sectionId) },
    candidates:
      candidates && existing === undefined
        ? { settings: candidates, name: sectionName({ index, slug }) }
        : undefined,
    emit,
  });
  // Before the section: a committed section is never redone, so its thinking must be on disk.
  await thinking.flush();
  state.capacity = step.capacity;
  await unit.saveCapacity(state.capacity);
  if (step.capacityStop) return true;
  const { section, file } = await commitSection({ state, store, index, step });

  // A repaired section's facts are already in the ledger. Updates run one at a time, in the
  // order sections finish, so concurrent sections never overwrite each other's facts.
  const updated = await ledgerUpdates(async () => {
    if (existing !== undefined) return undefined;
    const result = await updateLedger({
      ledger: state.ledger,
      plan: state.plan,
      index,
      text: step.text,
      notes: step.notes,
      mode: unit.ledgerMode,
      call: stepReviewCall,
    });
    state.ledger = result.ledger;
    await store.writeLedger(state.ledger);
    return result;
  });
  await thinking.flush();

  const usage = updated ? addUsage(step.usage, updated.usage) : step.usage;
  const words = state.counts.get(index)!;
  await emit(stepEndEvent({ section, index, file, words, step, usage }));
  await emit(usageEvent({ state, meter: unit.meter, budget: unit.budget, sectionId: section.id }));
  return false;
}
