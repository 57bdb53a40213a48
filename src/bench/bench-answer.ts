import type { Report } from '../evaluators/report-schema.js';
import type { UsageTotals } from '../model/usage-meter.js';

/** Tokens and calls one answer cost, over every attempt. */
export interface BenchUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Model calls that returned an answer. */
  calls: number;
  /** Attempts that failed and were retried. */
  failedAttempts: number;
}

/** What the model (alone, or inside the quire pipeline) produced for one benchmark item. */
export interface BenchAnswer {
  response: string;
  usage: BenchUsage;
  /** Seconds spent producing it, over every session of a resumed run. */
  elapsedSeconds: number;
  /** The run directory in `quire` mode; null for a direct call. */
  runDirectory: string | null;
  /** `length` when a direct reply was cut by the provider's output limit. */
  finishReason: 'stop' | 'length' | 'tool-calls' | null;
  /** The run's own report in `quire` mode. */
  report: Report | null;
}

/** The part of usage totals a benchmark records. Pure. */
export function benchUsage(totals: UsageTotals): BenchUsage {
  return {
    inputTokens: totals.inputTokens,
    outputTokens: totals.outputTokens,
    cachedInputTokens: totals.cachedInputTokens,
    calls: totals.calls,
    failedAttempts: totals.failedAttempts,
  };
}
