import { z } from 'zod';
import { askJudge } from '../ask-judge.js';
import type { Judge } from '../judge.js';

/** The judge's answer: exactly `{"answer": "yes"}` or `{"answer": "no"}`. */
export const ConstraintJudgementSchema = z.object({ answer: z.enum(['yes', 'no']) }).strict();

/** A judge's decision on one check, or `dropped` when no usable answer came back. */
export type ConstraintJudgement =
  | { decision: 'yes' | 'no' }
  | { decision: 'dropped'; reason: string };

/**
 * Asks the judge whether a segment contains an event, at temperature 0 and with strict
 * parsing: any other reply is retried by the call layer, then the check is `dropped` (counted
 * in the report). An abort, or an error retrying cannot fix (bad credentials), is thrown.
 */
export async function judgeConstraint({
  judge,
  unit,
  segment,
  event,
  text,
}: {
  judge: Judge;
  unit: string;
  segment: number;
  event: string;
  text: string;
}): Promise<ConstraintJudgement> {
  const answer = await askJudge({
    judge,
    promptName: 'judge-constraint',
    variables: { unit, segment, event, text },
    schema: ConstraintJudgementSchema,
    schemaName: 'constraint_judgement',
  });
  return answer.status === 'scored'
    ? { decision: answer.object.answer }
    : { decision: 'dropped', reason: answer.error.message };
}
