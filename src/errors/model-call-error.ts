import type { ErrorCategory } from './quire-error.js';
import { QuireError } from './quire-error.js';

/**
 * Why a model call finally failed.
 * - `maxRetriesExceeded`: every attempt failed with a retryable error.
 * - `errorNotRetryable`: the provider refused the request (400, 404, …), or the model thought
 *   until even an enlarged output limit; retrying cannot help.
 * - `authentication`: the provider rejected the credentials (401, 403).
 * - `abort`: the caller's AbortSignal fired.
 */
export type ModelCallFailure =
  | 'maxRetriesExceeded'
  | 'errorNotRetryable'
  | 'authentication'
  | 'abort';

const categoryByReason: Record<ModelCallFailure, ErrorCategory> = {
  maxRetriesExceeded: 'failure',
  errorNotRetryable: 'failure',
  authentication: 'input',
  abort: 'interrupted',
};

/** A model call that did not produce a usable answer, after the retry policy had its say. */
export class ModelCallError extends QuireError {
  readonly code = 'model-call';
  readonly category: ErrorCategory;
  readonly reason: ModelCallFailure;
  readonly modelId: string;
  readonly attempts: number;
  readonly statusCode: number | undefined;

  constructor({
    message,
    reason,
    modelId,
    attempts,
    statusCode,
    cause,
  }: {
    message: string;
    reason: ModelCallFailure;
    modelId: string;
    attempts: number;
    statusCode?: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.reason = reason;
    this.category = categoryByReason[reason];
    this.modelId = modelId;
    this.attempts = attempts;
    this.statusCode = statusCode;
  }
}
