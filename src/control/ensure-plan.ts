import type { Config } from '../config/config-schema.js';
import type { CallSettings } from '../model/call-settings.js';
import { planDocument } from '../planner/plan-document.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import { collectThinking } from './collect-thinking.js';
import { retryAfterOverflow } from './context/retry-after-overflow.js';
import { sectionWordsThatFit } from './context/section-words-that-fit.js';
import type { RunEventInput } from './run-events.js';

/**
 * The plan of a run: the one already stored (a resumed run never re-plans), else the one the
 * user supplied, else a new one from the planner. Stores it (with the planner's thinking, when
 * it thought) and journals `plan-end`. Sections are planned small enough for one reply, and the
 * model's thinking before it, to fit the context window; a planner call the server refuses as
 * too long (the window then known) is asked once more, after checking that the request itself
 * can fit.
 */
export async function ensurePlan({
  store,
  task,
  config,
  call,
  suppliedPlan,
  emit,
}: {
  store: RunStore;
  task: Task;
  config: Config;
  call: CallSettings;
  suppliedPlan: Plan | undefined;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<Plan> {
  const stored = await store.readPlan();
  if (stored) {
    await emit({
      type: 'plan-end',
      sections: stored.sections.length,
      words: stored.words,
      source: 'resumed',
      attempts: 0,
      findings: [],
    });
    return stored;
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
    return suppliedPlan;
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
  await store.writePlan(made.plan);
  await emit({
    type: 'plan-end',
    sections: made.plan.sections.length,
    words: made.plan.words,
    source: 'model',
    attempts: made.attempts,
    findings: made.findings,
  });
  return made.plan;
}
