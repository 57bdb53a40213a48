import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { CodePlan } from './code-plan.js';
import { CodePlanAnswerSchema } from './code-plan-answer.js';
import { extractRequirements, type SpecRequirement } from './extract-requirements.js';
import { attachMissingRequirements, normaliseCodePlan } from './normalise-code-plan.js';

/** The plan of a code run and what making it cost. */
export interface PlanCodeResult {
  plan: CodePlan;
  /** Planner calls made. */
  calls: number;
  usage: CallUsage;
}

/**
 * Plans a code task: asks the model for instructions carrying the spec's requirement lines
 * verbatim, checks by code that every line is assigned, and asks again with the unassigned (or
 * too many steps) named, up to `planAttempts` calls. If lines are still unassigned after that,
 * the best plan gets a final instruction carrying them, and the plan's findings say so.
 */
export async function planCode({
  spec,
  call,
  maxSteps,
  planAttempts,
}: {
  spec: string;
  /** The model and the call wrapper's settings. */
  call: CallSettings;
  maxSteps: number;
  planAttempts: number;
}): Promise<PlanCodeResult> {
  const requirements = extractRequirements(spec);
  let feedback = '';
  let usage = emptyUsage;
  let best: { plan: CodePlan; missing: SpecRequirement[] } | undefined;
  for (let attempt = 1; attempt <= planAttempts; attempt++) {
    const { system, prompt } = await renderPrompt({
      name: 'code-planner',
      variables: {
        spec,
        requirements: requirements.map((each) => `- ${each.text}`).join('\n'),
        maxSteps,
        feedback,
      },
    });
    const answer = await callObject({
      ...call,
      schema: CodePlanAnswerSchema,
      schemaName: 'code_plan',
      system,
      prompt,
    });
    usage = addUsage(usage, answer.usage);
    const result = normaliseCodePlan({ answer: answer.object, requirements });
    const tooMany = result.plan.instructions.length > maxSteps;
    if (best === undefined || score(result) < score(best)) best = result;
    if (result.missing.length === 0 && !tooMany)
      return { plan: result.plan, calls: attempt, usage };
    feedback = describeProblems({
      missing: result.missing,
      steps: result.plan.instructions.length,
      maxSteps,
    });
  }
  const chosen = best!;
  const plan = attachMissingRequirements(chosen);
  const excess = plan.instructions.length - maxSteps;
  const findings =
    excess > 0
      ? [
          ...plan.findings,
          {
            ruleId: 'too-many-steps',
            severity: 'warning' as const,
            message: `the plan has ${plan.instructions.length} steps but a run executes at most ${maxSteps}; the last ${excess} will be reported unmet unless --max-steps is raised`,
          },
        ]
      : plan.findings;
  return { plan: { ...plan, findings }, calls: planAttempts, usage };
}

/** Lower is better: unassigned requirements weigh most, then steps over the cap. */
function score({ plan, missing }: { plan: CodePlan; missing: SpecRequirement[] }): number {
  return missing.length * 1_000 + plan.instructions.length;
}

function describeProblems({
  missing,
  steps,
  maxSteps,
}: {
  missing: SpecRequirement[];
  steps: number;
  maxSteps: number;
}): string {
  const parts = ['## Problems with your previous plan (fix them in this one)'];
  if (missing.length > 0) {
    parts.push(
      "These requirement lines were in no step's `requirements` list, or not copied exactly. Assign each one, word for word, to the step that implements it:",
      ...missing.map((each) => `- ${each.text}`),
    );
  }
  if (steps > maxSteps)
    parts.push(
      `The plan had ${steps} steps; write at most ${maxSteps} by combining related steps.`,
    );
  return parts.join('\n');
}
