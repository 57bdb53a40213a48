import type { Config } from '../../config/config-schema.js';
import type { CallSettings } from '../../model/call-settings.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { RunStore } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import { windowWords } from '../context/window-words.js';
import { ensurePlan } from '../ensure-plan.js';
import { retargetPlan } from '../length/retarget-plan.js';
import type { TrackStage } from '../review/run-review.js';
import type { RunEventInput } from '../run-events.js';
import { runPlanCritique } from '../run-plan-critique.js';

/**
 * The plan the run drafts from: the stored, supplied or planned one (`ensurePlan`), revised by
 * the critique when it is a draft that awaits one, retargeted when the task's length is not the
 * plan's. Each change is stored in `plan.json`.
 */
export async function preparePlan({
  store,
  task,
  config,
  call,
  suppliedPlan,
  critiqueRounds,
  trackStage,
  emit,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  /** The planner's calls. */
  call: CallSettings;
  suppliedPlan: Plan | undefined;
  critiqueRounds: number;
  trackStage: TrackStage;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<Plan> {
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
