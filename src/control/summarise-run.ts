import { countWords } from '../evaluators/count-words.js';
import type { Plan } from '../planner/plan-schema.js';
import type { RunInfo } from '../store/run-info-schema.js';
import type { StoredSection } from '../store/run-store.js';
import type { PlanRefitEvent } from './run-events.js';

/** One section's state, for `quire inspect`. */
export interface SectionState {
  id: string;
  title: string;
  budget: number;
  /** Words written, or undefined when the section is not done. */
  words: number | undefined;
  attempts: number | undefined;
  /** Findings still standing on the committed section. */
  findings: Array<{ ruleId: string; message: string }>;
}

/** What `quire inspect` reports about a run. */
export interface RunSummary {
  status: RunInfo['status'];
  stopReason: string | undefined;
  task: { prompt: string; words: number; lang: string };
  model: string;
  sectionsDone: number;
  sectionsTotal: number;
  wordsWritten: number;
  usage: RunInfo['usage'];
  /** The model's context window as the run last knew it. */
  contextWindow: RunInfo['contextWindow'];
  costUsd: number | undefined;
  elapsedSeconds: number;
  sections: SectionState[];
  /** Failed checks seen during the run (before repair), by rule. */
  failedChecks: Record<string, number>;
  /** Each change to the pending plan during the run, in order (the journal's `plan-refit`). */
  planRefits: PlanRefit[];
}

/** One change to the pending plan: why, from which section, and what it became. */
export type PlanRefit = Pick<
  PlanRefitEvent,
  'reason' | 'index' | 'sections' | 'wordsPerReply' | 'pendingWords'
>;

/** Summarises a run from its files and journal. Pure. */
export function summariseRun({
  info,
  plan,
  sections,
  events,
}: {
  info: RunInfo;
  plan: Plan | undefined;
  sections: StoredSection[];
  events: Array<Record<string, unknown>>;
}): RunSummary {
  const texts = new Map(sections.map((section) => [section.index, section.text]));
  const ends = new Map<string, Record<string, unknown>>();
  const failedChecks: Record<string, number> = {};
  const planRefits: PlanRefit[] = [];
  for (const event of events) {
    if (event.type === 'plan-refit') {
      const { reason, index, sections, wordsPerReply, pendingWords } =
        event as unknown as PlanRefitEvent;
      planRefits.push({ reason, index, sections, wordsPerReply, pendingWords });
    }
    if (event.type === 'step-end') ends.set(event.sectionId as string, event);
    if (event.type === 'check-end') {
      // Stryker disable next-line ArrayDeclaration: an element that is no finding has no severity, so it is never counted
      for (const finding of (event.findings as Array<{ ruleId: string; severity: string }>) ?? []) {
        if (finding.severity === 'error')
          failedChecks[finding.ruleId] = (failedChecks[finding.ruleId] ?? 0) + 1;
      }
    }
  }
  const states = (plan?.sections ?? []).map((section, index): SectionState => {
    const text = texts.get(index);
    const end = ends.get(section.id);
    return {
      id: section.id,
      title: section.title,
      budget: section.words,
      words: text === undefined ? undefined : countWords(text),
      attempts: end ? (end.attempts as number) : undefined,
      findings: ((end?.findings as SectionState['findings']) ?? []).map(({ ruleId, message }) => ({
        ruleId,
        message,
      })),
    };
  });
  return {
    status: info.status,
    stopReason: info.stopReason,
    task: { prompt: info.task.prompt, words: info.task.words, lang: info.task.lang },
    model: info.model.spec,
    sectionsDone: states.filter((state) => state.words !== undefined).length,
    sectionsTotal: states.length,
    wordsWritten: states.reduce((sum, state) => sum + (state.words ?? 0), 0),
    usage: info.usage,
    contextWindow: info.contextWindow,
    costUsd: info.costUsd,
    elapsedSeconds: info.elapsedSeconds,
    sections: states,
    failedChecks,
    planRefits,
  };
}
