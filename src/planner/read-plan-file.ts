import { resolve } from 'node:path';
import { fileLimits, limits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import type { Task } from '../task/task-schema.js';
import { formatCount } from '../util/format-count.js';
import { readInputFile } from '../util/read-input-file.js';
import { describeIssue, readJsonFile } from '../util/read-json-file.js';
import { type DraftPlan, DraftPlanSchema } from './draft-plan-schema.js';
import { normalisePlan } from './normalise-plan.js';
import { type Plan, PlanSchema } from './plan-schema.js';
import { readPlanReply } from './read-plan-reply.js';

/**
 * Reads a plan the user supplies with --plan: either a plan.json from an earlier run (used as
 * it is) or a draft `{ title, sections: [{ title, brief, words }] }`, which is normalised like
 * a model's plan against the task. A file that is not JSON may hold the draft in the text forms
 * the planner reads from models (AgentWrite lines, a heading or numbered outline with word
 * counts); a budget it leaves out is the average of the others.
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
  const value = await readJsonFile({ path, cwd, what: 'plan file' }).catch((error: unknown) =>
    readTextPlan({ path, cwd, error }),
  );
  const full = PlanSchema.safeParse(value);
  if (full.success) return full.data;
  const draft = DraftPlanSchema.safeParse({ placements: [], ...(value as object) });
  if (draft.success && draft.data.sections.length > limits.sections) {
    throw new InputFileError({
      message: `The plan file ${path} has ${formatCount(draft.data.sections.length)} sections, more than the ${formatCount(limits.sections)} quire plans: give fewer, longer sections.`,
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

/** A plan file that is not JSON, read in the planner's text forms; else the JSON error stands. */
async function readTextPlan({
  path,
  cwd,
  error,
}: {
  path: string;
  cwd: string;
  error: unknown;
}): Promise<DraftPlan> {
  if (!(error instanceof InputFileError && error.problem === 'invalidJson')) throw error;
  const bytes = await readInputFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'The plan file',
    maxBytes: fileLimits.taskFile,
  });
  const text = bytes.toString('utf8');
  const read = readPlanReply(text);
  if (read.ok) {
    // Budgets the text leaves out are filled by normalisation, which the draft schema would refuse.
    const sections = read.draft.sections.map((section) => ({
      ...section,
      words: section.words || 0,
    }));
    return { ...read.draft, sections };
  }
  if (/^\s*[[{]/.test(text)) throw error;
  throw new InputFileError({
    message: `The plan file ${path} is neither JSON nor a plan in lines ("Section 1 - Title: … - Main Point: … - Word Count: 500 words") or a Markdown outline with word counts: write it in one of those forms.`,
    file: path,
    problem: 'invalidContent',
    cause: error,
  });
}
