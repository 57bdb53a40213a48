import { reviseSection } from '../agents/revise-section.js';
import { writeSection } from '../agents/write-section.js';
import { ContextOverflowError } from '../errors/context-overflow-error.js';
import { countWords } from '../evaluators/count-words.js';
import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { widenWindowAdvice } from '../model/context/server-kind.js';
import { addUsage, type CallUsage } from '../model/usage-meter.js';
import type { Plan } from '../planner/plan-schema.js';
import type { Task } from '../task/task-schema.js';
import type { SectionCheck } from './checks/section-check.js';
import {
  buildStepContext,
  type ContextLimits,
  type ContextPolicy,
} from './context/build-step-context.js';
import { overflowFinding } from './context/context-stop.js';
import { retryAfterOverflow } from './context/retry-after-overflow.js';
import type { Memory } from './memory/memory-schema.js';
import { chooseRepair } from './repair-policy.js';
import type { RunEventInput } from './run-events.js';

/** Settings of the write-check-repair loop of one section. */
export interface SectionStepSettings {
  lengthTolerance: number;
  maxOverlap: number;
  repairAttempts: number;
  continuationAttempts: number;
}

/** The section as it will be committed. */
export interface SectionStepResult {
  text: string;
  notes: string[];
  /** Findings of the kept draft; non-empty only when the repair attempts ran out. */
  findings: Finding[];
  attempts: number;
  usage: CallUsage;
}

/** The limits of a step's context, besides the window (which the run's `call.window` holds). */
export type StepLimits = Omit<ContextLimits, 'windowTokens'>;

/**
 * One instruction of the control unit: build the context, write, check, and repair until the
 * checks pass or the attempts run out. The best draft is kept (fewest errors, then closest to
 * its budget), with its remaining findings, so a failed repair never makes a section worse.
 *
 * The prompt and reply are fitted to the run's context window. When the server still refuses
 * them, or cuts the prompt silently, the window has learned its size: the step records a
 * finding and is written once more, shrunk to fit; a second time stops the run with the
 * numbers. A repair that cannot fit is skipped, with a finding.
 */
export async function runSectionStep({
  task,
  plan,
  index,
  memory,
  previous,
  policy,
  limits,
  settings,
  checks,
  call,
  emit,
}: {
  task: Task;
  plan: Plan;
  index: number;
  memory: Memory;
  previous: string[];
  policy: ContextPolicy;
  limits: StepLimits;
  settings: SectionStepSettings;
  checks: SectionCheck[];
  call: CallSettings;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<SectionStepResult> {
  const section = plan.sections[index]!;
  const maxOutputTokens = outputAllowance(section.words);
  const check = (text: string, truncated: boolean): Finding[] => [
    ...checks.flatMap((run) => run({ text, section, index, plan, previous, settings })),
    ...(truncated ? [truncatedFinding(section.id)] : []),
  ];

  const write = async () => {
    const window = call.window;
    const context = await buildStepContext({
      policy,
      task,
      plan,
      index,
      memory,
      previous,
      limits: { ...limits, windowTokens: window?.budget() ?? Number.MAX_SAFE_INTEGER },
      outputTokens: maxOutputTokens,
      count: window ? (text) => window.counter.count(text) : undefined,
      widenAdvice: widenWindowAdvice({ server: window?.state.server }),
    });
    await emit({
      type: 'step-start',
      sectionId: section.id,
      index,
      title: section.title,
      budget: section.words,
      attempt: 1,
      action: 'write',
      contextTokens: context.tokens,
      stableTokens: context.stableTokens,
      trimmed: context.trimmed,
    });
    return writeSection({
      settings: call,
      system: context.system,
      prompt: context.prompt,
      section,
      lang: task.lang,
      maxOutputTokens: context.maxOutputTokens,
      continuationAttempts: settings.continuationAttempts,
    });
  };
  const contextFindings: Finding[] = [];
  const draft = await retryAfterOverflow({
    run: write,
    window: call.window,
    request: task.prompt,
    step: `section ${index + 1}`,
    onOverflow: (error) => contextFindings.push(overflowFinding({ error, sectionId: section.id })),
  });
  let usage = draft.usage;
  let best = { text: draft.text, findings: check(draft.text, draft.truncated) };
  let current = best;
  await emitCheck({ emit, sectionId: section.id, attempt: 1, stripped: draft.stripped, ...best });

  let attempt = 1;
  for (
    let action = chooseRepair(current.findings);
    action && attempt <= settings.repairAttempts;
  ) {
    attempt++;
    await emit({
      type: 'step-start',
      sectionId: section.id,
      index,
      title: section.title,
      budget: section.words,
      attempt,
      action,
      contextTokens: 0,
      stableTokens: 0,
      trimmed: [],
    });
    let revised: Awaited<ReturnType<typeof reviseSection>>;
    try {
      revised = await reviseSection({
        settings: call,
        request: task.prompt,
        section,
        text: current.text,
        findings: current.findings,
        action,
        lang: task.lang,
        maxOutputTokens,
      });
    } catch (error) {
      if (!(error instanceof ContextOverflowError)) throw error;
      contextFindings.push(repairSkipped({ sectionId: section.id, action }));
      break;
    }
    usage = addUsage(usage, revised.usage);
    current = {
      text: revised.text,
      findings: check(revised.text, revised.finishReason === 'length'),
    };
    await emitCheck({
      emit,
      sectionId: section.id,
      attempt,
      stripped: revised.stripped,
      ...current,
    });
    if (isBetter({ candidate: current, than: best, budget: section.words })) best = current;
    action = chooseRepair(current.findings);
  }
  return {
    text: best.text,
    notes: draft.notes,
    findings: [...best.findings, ...contextFindings],
    attempts: attempt,
    usage,
  };
}

function repairSkipped({ sectionId, action }: { sectionId: string; action: string }): Finding {
  return {
    evaluator: 'check',
    ruleId: 'context/repair-skipped',
    severity: 'warning',
    message: `the ${action} repair was skipped: the draft and its instructions do not fit the model's context window`,
    location: { section: sectionId },
  };
}

/** Output tokens one reply may use: about twice the budget, for headroom and the notes. */
function outputAllowance(words: number): number {
  return Math.min(16_000, Math.ceil(words * 2.5) + 300);
}

function isBetter({
  candidate,
  than,
  budget,
}: {
  candidate: { text: string; findings: Finding[] };
  than: { text: string; findings: Finding[] };
  budget: number;
}): boolean {
  const errors = (findings: Finding[]) =>
    findings.filter((finding) => finding.severity === 'error').length;
  const miss = (text: string) => Math.abs(countWords(text) - budget);
  return (
    errors(candidate.findings) < errors(than.findings) ||
    (errors(candidate.findings) === errors(than.findings) && miss(candidate.text) < miss(than.text))
  );
}

function truncatedFinding(sectionId: string): Finding {
  return {
    evaluator: 'check',
    ruleId: 'check/truncated',
    severity: 'error',
    message: 'the reply was still cut off by the output limit after the allowed continuations',
    location: { section: sectionId },
  };
}

/** Journals a draft's checks, after what cleaning stripped from it (as `info` findings). */
async function emitCheck({
  emit,
  sectionId,
  attempt,
  text,
  findings,
  stripped,
}: {
  emit: (event: RunEventInput) => Promise<void>;
  sectionId: string;
  attempt: number;
  text: string;
  findings: Finding[];
  stripped: Finding[];
}): Promise<void> {
  await emit({
    type: 'check-end',
    sectionId,
    attempt,
    words: countWords(text),
    passed: !findings.some((finding) => finding.severity === 'error'),
    findings: [...stripped, ...findings],
  });
}
