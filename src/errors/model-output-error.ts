import type { CallUsage } from '../model/usage-meter.js';
import { QuireError } from './quire-error.js';

/** What was wrong with a reply that arrived but cannot be used. */
export type ModelOutputProblem =
  | 'empty'
  | 'streamError'
  | 'timeout'
  | 'invalidJson'
  | 'schemaMismatch'
  | 'contentFilter'
  /** The model thought until the output limit and wrote no answer. */
  | 'thinkingExhausted'
  /** The reply ended inside a `<think>` block. */
  | 'unclosedThinking';

/**
 * A reply that arrived but cannot be used: empty, cut off by a stream error, timed out, not the
 * JSON that was asked for, or thinking with no answer. Retryable: another sample usually
 * succeeds (thinking that fills even an enlarged output limit is not retried again).
 */
export class ModelOutputError extends QuireError {
  readonly code = 'model-output';
  readonly category = 'failure';
  readonly problem: ModelOutputProblem;
  /** The start of the reply, for diagnosis. */
  readonly excerpt: string | undefined;
  /** Tokens the unusable reply still cost, when the provider reported them. */
  readonly usage: CallUsage | undefined;

  constructor({
    message,
    problem,
    excerpt,
    usage,
    cause,
  }: {
    message: string;
    problem: ModelOutputProblem;
    excerpt?: string;
    usage?: CallUsage;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.problem = problem;
    this.excerpt = excerpt;
    this.usage = usage;
  }
}
