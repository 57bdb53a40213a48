import { z } from 'zod';
import { QuireError } from '../errors/quire-error.js';
import { RemoteItemError } from '../errors/remote-item-error.js';

/** What a worker returns for an item it could not finish: its error's code and message. */
export const JobFailureSchema = z.object({
  kind: z.literal('failed'),
  code: z.string().min(1),
  category: z.enum(['input', 'failure', 'interrupted']),
  message: z.string(),
});

export type JobFailure = z.infer<typeof JobFailureSchema>;

/** An error a worker hit, as data for the producer. Pure. */
export function jobFailure(error: unknown): JobFailure {
  const known = QuireError.isQuireError(error);
  return {
    kind: 'failed',
    code: known ? error.code : 'unexpected',
    category: known ? error.category : 'failure',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The worker's failure as the error the producer records, as a local run would. Pure. */
export function remoteItemError(failure: JobFailure): RemoteItemError {
  return new RemoteItemError(failure);
}
