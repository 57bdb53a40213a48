import { z } from 'zod';
import { readRunJson } from '../../../store/run-store.js';
import { isAuthenticationFailure } from '../../is-authentication-failure.js';

/** A new run the provider refused for its credentials before any plan: nothing to resume. */
export async function isUnusedAfterAuthFailure({
  runDir,
  error,
}: {
  runDir: string;
  error: unknown;
}): Promise<boolean> {
  if (!isAuthenticationFailure(error)) return false;
  const plan = await readRunJson({ directory: runDir, name: 'plan.json', schema: z.unknown() });
  return plan === undefined;
}
