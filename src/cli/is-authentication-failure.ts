import { ModelCallError } from '../errors/model-call-error.js';

/**
 * True when a model provider refused the credentials (401, 403). A command that started new
 * output and ends this way removes it: there is nothing to resume, only credentials to fix.
 */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof ModelCallError && error.reason === 'authentication';
}
