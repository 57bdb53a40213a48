import type { Finding } from '../../evaluators/finding.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import type { CallUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { Task } from '../../task/task-schema.js';
import type { Plan } from '../plan-schema.js';
import { CritiqueReplySchema } from './critique-reply-schema.js';
import { outlinePlan, renderOutline } from './outline-plan.js';
import { ruleCritique } from './rule-critique.js';

/** What the critic and the rules found in a plan. */
export interface CritiquePlanResult {
  findings: Finding[];
  usage: CallUsage;
}

/**
 * One critique of a plan: the critic model reads the request and the plan (a section split for
 * length counted once, see `outlinePlan`) and names its defects; the rule-based checks
 * (`ruleCritique`) add theirs to the same list. A finding naming a section the plan lacks is
 * kept without that name, since the defect it reports may still be real.
 */
export async function critiquePlan({
  call,
  task,
  plan,
}: {
  call: CallSettings;
  task: Task;
  plan: Plan;
}): Promise<CritiquePlanResult> {
  const outline = outlinePlan(plan);
  const reply = await callObject({
    ...call,
    ...(await renderPrompt({
      name: 'critique-plan',
      variables: {
        request: task.prompt,
        words: task.words,
        requirements: renderRequirements(task),
        plan: renderOutline(outline),
      },
    })),
    schema: CritiqueReplySchema,
    schemaName: 'critique',
    maxOutputTokens: 3_000,
    temperature: 0,
  });
  const ids = new Set(outline.map((section) => section.id));
  const found = reply.object.findings.flatMap((finding): Finding[] => {
    const base = {
      evaluator: 'critic',
      ruleId: `critique/${finding.rule}`,
      message: finding.message,
      severity: finding.severity,
    };
    const named = [...new Set(finding.sections)].filter((id) => ids.has(id));
    return named.length === 0
      ? [base]
      : named.map((section) => ({ ...base, location: { section } }));
  });
  return {
    findings: [...found, ...ruleCritique({ outline, requirements: task.requirements })],
    usage: reply.usage,
  };
}

/** The task's requirements as the critique and revision prompts list them. Pure. */
export function renderRequirements(task: Task): string {
  return task.requirements.map((each) => `- ${each.id}: ${each.text}`).join('\n') || '- none';
}
