import { languageName } from '../control/context/length-directive.js';
import { PlanningError } from '../errors/planning-error.js';
import { callObject } from '../model/call-object.js';
import type { CallSettings } from '../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../model/usage-meter.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { Task } from '../task/task-schema.js';
import { DraftPlanSchema } from './draft-plan-schema.js';
import { normalisePlan } from './normalise-plan.js';
import type { PlanFinding } from './plan-finding.js';
import type { Plan } from './plan-schema.js';
import { planSegments } from './plan-segments.js';

/** A plan made by the model and normalised, with what it took. */
export interface PlanDocumentResult {
  plan: Plan;
  findings: PlanFinding[];
  attempts: number;
  usage: CallUsage;
}

/** Words per section the planner aims for: long enough to develop a point, short enough to write well. */
const wordsPerSection = 650;

/**
 * Plans the document. A segmented task (a constraints file: 52 weeks, 100 floors…) gets its
 * skeleton from the task by pure code (`planSegments`). Otherwise the model is asked for a plan
 * (one structured-output call), then it is validated and normalised by pure code. A plan normalisation cannot repair is asked for again with the problems as
 * feedback, up to `attempts` times; a broken plan is never used.
 */
export async function planDocument({
  task,
  call,
  maxSectionWords,
  minSectionWords,
  attempts,
}: {
  task: Task;
  call: CallSettings;
  maxSectionWords: number;
  minSectionWords: number;
  attempts: number;
}): Promise<PlanDocumentResult> {
  if (task.constraints) {
    const { constraints } = task;
    return planSegments({ task: { ...task, constraints }, call, maxSectionWords });
  }
  let usage = emptyUsage;
  let feedback = 'This is the first attempt.';
  let lastProblems: PlanFinding[] = [];
  const sectionCount = Math.max(1, Math.min(300, Math.round(task.words / wordsPerSection)));
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const prompt = await renderPrompt({
      name: 'plan-document',
      variables: {
        request: task.prompt,
        words: task.words,
        sectionCount,
        language: languageName(task.lang),
        requirements:
          task.requirements.length > 0
            ? task.requirements
                .map((requirement) => `- ${requirement.id}: ${requirement.text}`)
                .join('\n')
            : '- none (return an empty "placements" list)',
        feedback,
      },
    });
    const reply = await callObject({
      ...call,
      ...prompt,
      schema: DraftPlanSchema,
      schemaName: 'plan',
    });
    usage = addUsage(usage, reply.usage);
    const { plan, findings } = normalisePlan({
      draft: reply.object,
      task,
      maxSectionWords,
      minSectionWords,
    });
    const tooFew = tooFewSections({ drafted: reply.object.sections.length, sectionCount });
    if (plan && (!tooFew || attempt === attempts)) {
      return {
        plan,
        findings: tooFew ? [...findings, tooFew] : findings,
        attempts: attempt,
        usage,
      };
    }
    lastProblems =
      plan && tooFew ? [tooFew] : findings.filter((finding) => finding.severity === 'error');
    feedback = `Your previous plan could not be used: ${lastProblems.map((finding) => finding.message).join('; ')}. Plan again.`;
  }
  throw new PlanningError({
    message: `The model gave no usable plan in ${attempts} attempts (last: ${lastProblems.map((finding) => finding.message).join('; ')}); try again, try another model, or supply one with --plan.`,
    attempts,
  });
}

/**
 * A draft with far fewer sections than asked would be split into many parts of the same
 * section: workable, but a worse structure, so the planner is asked again while it can be.
 */
function tooFewSections({
  drafted,
  sectionCount,
}: {
  drafted: number;
  sectionCount: number;
}): PlanFinding | undefined {
  if (drafted >= Math.ceil(sectionCount / 4)) return undefined;
  return {
    ruleId: 'too-few-sections',
    severity: 'warning',
    message: `the plan has ${drafted} section(s) where about ${sectionCount} were asked`,
  };
}
