import { ModelCallError } from '../../errors/model-call-error.js';
import { ModelOutputError } from '../../errors/model-output-error.js';
import type { Finding } from '../../evaluators/finding.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import { languageName } from '../../prompts/length-directive.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { Task } from '../../task/task-schema.js';
import { DraftPlanSchema } from '../draft-plan-schema.js';
import { normalisePlan } from '../normalise-plan.js';
import type { Plan } from '../plan-schema.js';
import { renderRequirements } from './critique-plan.js';
import { outlinePlan, renderOutline } from './outline-plan.js';

/** A revision of the plan: the revised plan, or why there is none. */
export type RevisePlanResult =
  | { ok: true; plan: Plan; usage: CallUsage }
  | { ok: false; reason: string; usage: CallUsage };

/**
 * One structured call that revises the plan against the findings, read and normalised like a
 * new plan (`normalisePlan`). A reply that cannot be read once the retries are spent, or that
 * normalisation cannot turn into a usable plan, is no revision: the reason says which.
 */
export async function revisePlan({
  call,
  task,
  plan,
  findings,
  maxSectionWords,
  minSectionWords,
  parallel = 1,
}: {
  call: CallSettings;
  task: Task;
  plan: Plan;
  findings: readonly Finding[];
  maxSectionWords: number;
  minSectionWords: number;
  /** Sections drafted at once: a revised plan is split into whole waves, as the first one was. */
  parallel?: number;
}): Promise<RevisePlanResult> {
  const answerForm = await renderPrompt({ name: 'plan-answer-json', variables: {} });
  let reply: Awaited<ReturnType<typeof callObject<typeof DraftPlanSchema>>>;
  try {
    reply = await callObject({
      ...call,
      ...(await renderPrompt({
        name: 'revise-plan',
        variables: {
          request: task.prompt,
          words: task.words,
          language: languageName(task.lang),
          requirements: renderRequirements(task),
          plan: renderOutline(outlinePlan(plan)),
          findings: findings.map(renderFinding).join('\n'),
          answerForm: answerForm.prompt,
        },
      })),
      schema: DraftPlanSchema,
      schemaName: 'plan',
    });
  } catch (error) {
    // A reply still garbled when the retries ran out is a revision that failed; a call that
    // failed for any other reason (the server, an abort) ends the run like any other call.
    const cause = error instanceof ModelCallError ? error.cause : undefined;
    if (!(cause instanceof ModelOutputError)) throw error;
    return {
      ok: false,
      reason: `the revision could not be read (${cause.message.slice(0, 160)})`,
      usage: cause.usage ?? emptyUsage,
    };
  }
  const normalised = normalisePlan({
    draft: reply.object,
    task,
    maxSectionWords,
    minSectionWords,
    parallel,
  });
  if (!normalised.plan) {
    const problems = normalised.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.message);
    return {
      ok: false,
      reason: `the revised plan is not usable: ${problems.join('; ')}`,
      usage: reply.usage,
    };
  }
  return { ok: true, plan: normalised.plan, usage: reply.usage };
}

/** A finding as the reviser reads it: its kind, the sections it names and what is wrong. Pure. */
function renderFinding(finding: Finding): string {
  const where = finding.location?.section ?? 'the whole plan';
  return `- ${finding.ruleId.replace(/^critique\//, '')} (${where}): ${finding.message}`;
}
