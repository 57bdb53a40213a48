import { PlanningError } from '../errors/planning-error.js';
import type { CallSettings } from '../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../model/usage-meter.js';
import type { Task } from '../task/task-schema.js';
import { normalisePlan } from './normalise-plan.js';
import type { PlanFinding } from './plan-finding.js';
import type { Plan } from './plan-schema.js';
import { planSegments } from './plan-segments.js';
import type { PlanForm } from './read-plan-reply.js';
import { type PlanFormat, requestPlan } from './request-plan.js';

/** A plan made by the model and normalised, with what it took. */
export interface PlanDocumentResult {
  plan: Plan;
  findings: PlanFinding[];
  /** Planner calls made, the reminder of the form included. */
  attempts: number;
  usage: CallUsage;
}

/** Words per section the planner aims for: long enough to develop a point, short enough to write well. */
const wordsPerSection = 650;

const formNames: Record<PlanForm, string> = {
  json: 'JSON',
  lines: 'AgentWrite lines ("Paragraph N - Main Point: … - Word Count: …")',
  headings: 'a Markdown heading outline',
  list: 'a numbered or bulleted outline',
};

/**
 * Plans the document. A segmented task (a constraints file: 52 weeks, 100 floors…) gets its
 * skeleton from the task by pure code (`planSegments`). Otherwise the model is asked for a plan
 * in `format`, and its reply is read in whatever form it came (JSON, AgentWrite lines, a heading
 * or list outline), then validated and normalised by pure code. A reply in no readable form is
 * asked for once more with the line form spelled out and an example; a server that refuses
 * structured output (400) is asked in lines instead. A plan normalisation cannot repair is
 * asked for again with the problems as feedback, up to `attempts` times; a broken plan is never
 * used.
 */
export async function planDocument({
  task,
  call,
  maxSectionWords,
  minSectionWords,
  attempts,
  format = 'json',
  parallel = 1,
}: {
  task: Task;
  call: CallSettings;
  maxSectionWords: number;
  minSectionWords: number;
  attempts: number;
  format?: PlanFormat;
  /** Sections drafted at once (`write.parallel`), which the sections' sizes are fitted to. */
  parallel?: number;
}): Promise<PlanDocumentResult> {
  if (task.constraints) {
    const { constraints } = task;
    return planSegments({ task: { ...task, constraints }, call, maxSectionWords });
  }
  // Asked for in whole waves of `parallel` sections, as normalisation would split them anyway.
  const sectionCount = Math.max(
    1,
    Math.min(300, wholeWaves(Math.round(task.words / wordsPerSection), parallel)),
  );
  const notes: PlanFinding[] = [];
  let current = format;
  let usage = emptyUsage;
  let feedback = 'This is the first attempt.';
  let lastProblems: PlanFinding[] = [];
  let calls = 0;
  let reminded = false;
  for (let attempt = 1; attempt <= attempts; ) {
    calls++;
    const reply = await requestPlan({ task, call, format: current, sectionCount, feedback });
    usage = addUsage(usage, reply.usage);
    if (reply.refusedStatus !== undefined) {
      notes.push({
        ruleId: 'structured-output-refused',
        severity: 'warning',
        message: `the server refused structured output (${reply.refusedStatus}); the plan was asked for in lines`,
      });
    }
    current = reply.format;
    if (!reply.read.ok) {
      if (reminded) throw unreadablePlan({ format, calls, ...reply.read, excerpt: reply.excerpt });
      reminded = true;
      current = 'lines';
      feedback = `Your previous answer could not be read as a plan (${reply.read.message}). Answer exactly in the form below, one line per section.`;
      continue;
    }
    const { draft, form } = reply.read;
    const { plan, findings } = normalisePlan({
      draft,
      task,
      maxSectionWords,
      minSectionWords,
      parallel,
    });
    const tooFew = tooFewSections({ drafted: draft.sections.length, sectionCount });
    if (plan && (!tooFew || attempt === attempts)) {
      if (form !== 'json') {
        const message = `the plan was read from ${formNames[form]}`;
        notes.push({ ruleId: 'plan-read-from-text', severity: 'info', message });
      }
      return {
        plan,
        findings: [...notes, ...findings, ...(tooFew ? [tooFew] : [])],
        attempts: calls,
        usage,
      };
    }
    lastProblems =
      plan && tooFew ? [tooFew] : findings.filter((finding) => finding.severity === 'error');
    feedback = `Your previous plan could not be used: ${lastProblems.map((finding) => finding.message).join('; ')}. Plan again.`;
    attempt++;
  }
  throw new PlanningError({
    message: `The model gave no usable plan in ${attempts} attempts (last: ${lastProblems.map((finding) => finding.message).join('; ')}); try again, try another model, or supply one with --plan.`,
    problem: 'unusable',
    attempts: calls,
  });
}

function unreadablePlan({
  format,
  calls,
  message,
  excerpt,
}: {
  format: PlanFormat;
  calls: number;
  message: string;
  excerpt: string;
}): PlanningError {
  const switchFormat =
    format === 'json'
      ? 'or set write.planFormat to "lines" if the server garbles structured output'
      : 'or set write.planFormat to "json" if the server supports structured output';
  return new PlanningError({
    message: `The model's plan could not be read in any form quire knows (JSON, AgentWrite lines, a heading or numbered outline with word counts), even when asked once more with the form spelled out (${message}; the reply began "${excerpt.replace(/\s+/g, ' ').slice(0, 80)}"). Retrying cannot change a model's format: use a model or server with JSON mode (structured output), supply the plan yourself with --plan FILE, ${switchFormat}.`,
    problem: 'unreadable',
    attempts: calls,
    excerpt,
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

/** `count` rounded to the nearest positive multiple of `parallel` (unchanged for 1). Pure. */
function wholeWaves(count: number, parallel: number): number {
  return parallel <= 1 ? count : Math.max(parallel, Math.round(count / parallel) * parallel);
}
