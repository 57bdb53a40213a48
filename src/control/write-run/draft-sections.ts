import type { QualitySettings } from '../../config/quality-levels.js';
import type { Judge } from '../../evaluators/judge.js';
import type { CallSettings } from '../../model/call-settings.js';
import type { ReplyCapacity } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { stageTally } from '../../store/stage-usage.js';
import type { RunBudget } from '../budget.js';
import { candidateSettings } from '../candidates/candidate-settings.js';
import { defaultSectionChecks } from '../checks/default-section-checks.js';
import { windowWords } from '../context/window-words.js';
import { type ControlUnitResult, runControlUnit } from '../control-unit.js';
import { gateSlack } from '../length/gate-slack.js';
import { recoverSections } from '../recover-sections.js';
import type { WriteRunContext } from './write-run-context.js';

/**
 * Drafts the sections of `plan` not yet committed (`runControlUnit`), after recovering those
 * an earlier session committed, with their ledger and think notes (`recoverSections`).
 */
export async function draftSections({
  run: { store, task, config, session, trackStage },
  plan,
  quality,
  reviewCall,
  budget,
  capacity,
  repairLength,
  judge,
  extraDrafts,
}: {
  run: WriteRunContext;
  plan: Plan;
  quality: QualitySettings;
  /** The reviewer's calls. */
  reviewCall: CallSettings;
  budget: RunBudget;
  capacity: ReplyCapacity;
  /** Repair committed sections whose length misses their budget. */
  repairLength: boolean;
  judge: Judge | undefined;
  /** Where the drafts best of N adds are counted. */
  extraDrafts: ReturnType<typeof stageTally>;
}): Promise<ControlUnitResult> {
  const { call, meter, emit } = session;
  const { done, ledger, thinkNotes } = await recoverSections({ store, plan, emit });
  return trackStage('drafting', () =>
    runControlUnit({
      task,
      plan,
      store,
      ledger,
      done,
      policy: config.write.contextPolicy,
      limits: config.write,
      settings: { ...config.write, lengthCeiling: config.lengthGate.ceiling },
      ledgerMode: quality.ledger,
      checks: defaultSectionChecks,
      call,
      reviewCall,
      meter,
      budget,
      capacity,
      repairLength,
      slack: gateSlack(config.lengthGate),
      windowWords: () => windowWords({ config, call, request: task.prompt }),
      saveCapacity: (learned) => session.saveInfo({ capacity: learned }),
      parallel: config.write.parallel,
      thinkNotes: { mode: quality.thinkNotes, journalled: thinkNotes },
      candidates: candidateSettings({
        config,
        count: quality.candidates,
        store,
        judge,
        extraDrafts,
      }),
      emit,
    }),
  );
}
