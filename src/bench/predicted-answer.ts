import type { BenchAnswer } from './bench-answer.js';

/** An answer read from a predictions file: no model was called, so no usage and no time. Pure. */
export function predictedAnswer(response: string): BenchAnswer {
  return {
    response,
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, calls: 0, failedAttempts: 0 },
    elapsedSeconds: 0,
    runDirectory: null,
    finishReason: null,
    report: null,
  };
}
