import type { JournalRecords } from './journal-records.js';

/** One model attempt at a section: the first draft, a repair or a recovered section. */
export interface TimelineAttempt {
  sectionId: string;
  index: number;
  attempt: number;
  /** `write`, `expand`, `condense`, `rewrite`. */
  action: string;
  /** Seconds from the run's first start. */
  start: number;
  end: number;
  seconds: number;
  /** Words of the draft this attempt produced; null when it never finished. */
  words: number | null;
  /** Estimated prompt tokens (first drafts), and the attempt's own usage when journalled. */
  contextTokens: number;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** A failed call that was retried. */
export interface TimelineRetry {
  /** Seconds from the run's first start. */
  at: number;
  attempt: number;
  error: string;
}

/** Tokens of one committed section, all its attempts together. */
export interface StepTokens {
  sectionId: string;
  index: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  attempts: number;
}

/**
 * The run on a time line: each attempt from its `step-start` to its `check-end`, with its
 * action (so repairs stand out), retries at their times, and the tokens of each committed
 * section. Times are seconds from the first `run-start`, resumes included. Pure.
 */
export function stepTimeline(records: JournalRecords): {
  attempts: TimelineAttempt[];
  retries: TimelineRetry[];
  steps: StepTokens[];
} {
  const earliest = Math.min(
    ...[...records.runStarts, ...records.attemptStarts].map((event) => Date.parse(event.time)),
  );
  const origin = Number.isFinite(earliest) ? earliest : 0;
  const seconds = (time: string) => Math.max(0, (Date.parse(time) - origin) / 1000);
  const checks = new Map(
    records.checkEnds.map((check) => [`${check.sectionId}#${check.attempt}`, check]),
  );
  const attempts = records.attemptStarts.map((start): TimelineAttempt => {
    const check = checks.get(`${start.sectionId}#${start.attempt}`);
    const from = seconds(start.time);
    const to = check ? seconds(check.time) : from;
    return {
      sectionId: start.sectionId,
      index: start.index,
      attempt: start.attempt,
      action: start.action,
      start: round(from),
      end: round(to),
      seconds: round(to - from),
      words: check?.words ?? null,
      contextTokens: start.contextTokens,
      inputTokens: check?.usage?.inputTokens ?? null,
      outputTokens: check?.usage?.outputTokens ?? null,
    };
  });
  return {
    attempts,
    retries: records.retries.map((retry) => ({
      at: round(seconds(retry.time)),
      attempt: retry.attempt,
      error: retry.error,
    })),
    steps: records.stepEnds
      .filter((end) => end.recovered !== true)
      .map((end) => ({
        sectionId: end.sectionId,
        index: end.index,
        inputTokens: end.usage.inputTokens,
        outputTokens: end.usage.outputTokens,
        cachedInputTokens: end.usage.cachedInputTokens,
        attempts: end.attempts,
      })),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
