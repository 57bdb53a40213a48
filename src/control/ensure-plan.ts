import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { CallSettings } from '../model/call-settings.js';
import { planDocument } from '../planner/plan-document.js';
import type { Plan } from '../planner/plan-schema.js';
import { critiquePaths, readDraftPlan } from '../store/critique-files.js';
import type { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { collectThinking } from './collect-thinking.js';
import { retryAfterOverflow } from './context/retry-after-overflow.js';
import { sectionWordsThatFit } from './context/section-words-that-fit.js';
import type { RunEventInput } from './run-events.js';

/** The plan of a run, and whether it still awaits its critique. */
export interface EnsurePlanResult {
  plan: Plan;
  /** True when the plan is a draft kept in `plan/draft-plan.json`, for the critique to revise. */
  critique: boolean;
}

/**
 * The plan of a run: the one already stored (a resumed run never re-plans), else the one the
 * user supplied, else a new one from the planner. Stores it (with the planner's thinking, when
 * it thought) and journals `plan-end`. A plan the model made while `critiqueRounds` > 0 is
 * stored as the draft (`plan/draft-plan.json`) instead of `plan.json`, and a run that stopped
 * with a draft and no `plan.json` resumes with that draft, for the critique to go on with; a
 * plan given by the user, or built from a constraints file, is never critiqued. Sections are
 * planned small enough for one reply, and the model's thinking before it, to fit the context
 * window; a planner call the server refuses as too long (the window then known) is asked once
 * more, after checking that the request itself can fit.
 */
export async function ensurePlan({
  store,
  task,
  config,
  call,
  suppliedPlan,
  critiqueRounds,
  emit,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  call: CallSettings;
  suppliedPlan: Plan | undefined;
  critiqueRounds: number;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<EnsurePlanResult> {
  const stored = await store.readPlan();
  const draft = stored ? undefined : await readDraftPlan({ directory: store.directory });
  const resumed = stored ?? draft;
  if (resumed) {
    await emit({
      type: 'plan-end',
      sections: resumed.sections.length,
      words: resumed.words,
      source: 'resumed',
      attempts: 0,
      findings: [],
    });
    return { plan: resumed, critique: draft !== undefined };
  }
  if (suppliedPlan) {
    await store.writePlan(suppliedPlan);
    await emit({
      type: 'plan-end',
      sections: suppliedPlan.sections.length,
      words: suppliedPlan.words,
      source: 'file',
      attempts: 0,
      findings: [],
    });
    return { plan: suppliedPlan, critique: false };
  }
  const thinking = collectThinking({
    save: (text) => store.writeThinking({ name: 'plan', text }),
  });
  const plan = () =>
    planDocument({
      task,
      call: { ...call, onThinking: thinking.onThinking },
      maxSectionWords: sectionWordsThatFit({
        window: call.window,
        request: task.prompt,
        thinkingTokens: call.thinkingTokens,
        maxSectionWords: config.write.maxSectionWords,
        minSectionWords: config.write.minSectionWords,
      }),
      minSectionWords: config.write.minSectionWords,
      attempts: config.write.planAttempts,
      format: config.write.planFormat,
      parallel: config.write.parallel,
    });
  const made = await retryAfterOverflow({
    run: plan,
    window: call.window,
    request: task.prompt,
    step: 'the plan',
  });
  await thinking.flush();
  const critique = critiqueRounds > 0 && task.constraints === undefined;
  if (critique) {
    await mkdir(join(store.directory, dirname(critiquePaths.draft)), { recursive: true });
    await store.writeJson(critiquePaths.draft, made.plan);
  } else await store.writePlan(made.plan);
  await emit({
    type: 'plan-end',
    sections: made.plan.sections.length,
    words: made.plan.words,
    source: 'model',
    attempts: made.attempts,
    findings: made.findings,
  });
  return { plan: made.plan, critique };
}
