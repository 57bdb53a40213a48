import { limits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import type { Task } from '../task/task-schema.js';
import { describeIssue, readJsonFile } from '../util/read-json-file.js';
import { DraftPlanSchema } from './draft-plan-schema.js';
import { normalisePlan } from './normalise-plan.js';
import { type Plan, PlanSchema } from './plan-schema.js';

/**
 * Reads a plan the user supplies with --plan: either a plan.json from an earlier run (used as
 * it is) or a draft `{ title, sections: [{ title, brief, words }] }`, which is normalised like
 * a model's plan against the task.
 */
export async function readPlanFile({
  path,
  cwd,
  task,
  maxSectionWords,
  minSectionWords,
}: {
  path: string;
  cwd: string;
  task: Task;
  maxSectionWords: number;
  minSectionWords: number;
}): Promise<Plan> {
  const value = await readJsonFile({ path, cwd, what: 'plan file' });
  const full = PlanSchema.safeParse(value);
  if (full.success) return full.data;
  const draft = DraftPlanSchema.safeParse({ placements: [], ...(value as object) });
  if (draft.success && draft.data.sections.length > limits.sections) {
    throw new InputFileError({
      message: `The plan file ${path} has ${draft.data.sections.length.toLocaleString('en-US')} sections, more than the ${limits.sections.toLocaleString('en-US')} quire plans: give fewer, longer sections.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  if (!draft.success) {
    throw new InputFileError({
      message: `The plan file ${path} is not a plan (${describeIssue(full.error.issues[0])}): give a plan.json from a run or {"title": …, "sections": [{"title", "brief", "words"}]}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const { plan, findings } = normalisePlan({
    draft: draft.data,
    task,
    maxSectionWords,
    minSectionWords,
  });
  if (!plan) {
    throw new InputFileError({
      message: `The plan file ${path} cannot be used: ${findings.map((finding) => finding.message).join('; ')}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  return plan;
}
