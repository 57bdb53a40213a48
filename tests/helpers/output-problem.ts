import { ModelOutputError } from '../../src/errors/model-output-error.js';

/**
 * The `problem` of the `ModelOutputError` an action throws; `'other'` for any other error and
 * undefined when it throws nothing.
 */
export function outputProblem(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ModelOutputError ? error.problem : 'other';
  }
  return undefined;
}

/** The `ModelOutputError` an action throws, to assert its message, excerpt and usage. */
export function outputError(action: () => unknown): ModelOutputError {
  try {
    action();
  } catch (error) {
    if (error instanceof ModelOutputError) return error;
    throw error;
  }
  throw new Error('no ModelOutputError was thrown');
}
