import type { CallSettings } from '../../model/call-settings.js';
import type { Plan } from '../../planner/plan-schema.js';
import { windowWords } from '../context/window-words.js';
import { ensurePlan } from '../ensure-plan.js';
import { retargetPlan } from '../length/retarget-plan.js';
import { runPlanCritique } from '../run-plan-critique.js';
import type { WriteRunContext } from './write-run-context.js';

/**
 * The plan the run drafts from: the stored, supplied or planned one (`ensurePlan`), revised by
 * the critique when it is a draft that awaits one, retargeted when the task's length is not the
 * plan's. Each change is stored in `plan.json`.
 */
export async function preparePlan({
  run: { store, task, config, session, trackStage },
  call,
  suppliedPlan,
  critiqueRounds,
}: {
  run: WriteRunContext;
  /** The planner's calls. */
  call: CallSettings;
  suppliedPlan: Plan | undefined;
  critiqueRounds: number;
}): Promise<Plan> {
  const { emit } = session;
  const planned = await trackStage('planning', () =>
    ensurePlan({ store, task, config, call, suppliedPlan, critiqueRounds, emit }),
  );
  let plan = planned.plan;
  if (planned.critique) {
    plan = await trackStage('critique', () =>
      runPlanCritique({
        task,
        draft: planned.plan,
        store,
        rounds: critiqueRounds,
        call,
        // A revised plan is fitted to the context window like the first one.
        maxSectionWords:
          windowWords({ config, call, request: task.prompt }) ?? config.write.maxSectionWords,
        minSectionWords: config.write.minSectionWords,
        parallel: config.write.parallel,
        emit,
      }),
    );
    await store.writePlan(plan);
  }
  if (plan.words !== task.words) {
    plan = retargetPlan({ plan, words: task.words });
    await store.writePlan(plan);
  }
  return plan;
}
