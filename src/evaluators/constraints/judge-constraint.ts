import { z } from 'zod';
import { ModelCallError } from '../../errors/model-call-error.js';
import { callObject } from '../../model/call-object.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
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
  const { system, prompt } = await renderPrompt({
    name: 'judge-constraint',
    variables: { unit, segment, event, text },
  });
  const { name: _name, concurrency: _concurrency, ...settings } = judge;
  try {
    const { object } = await callObject({
      ...settings,
      schema: ConstraintJudgementSchema,
      schemaName: 'constraint_judgement',
      system,
      prompt,
      temperature: 0,
    });
    return { decision: object.answer };
  } catch (error) {
    if (error instanceof ModelCallError && error.reason === 'maxRetriesExceeded') {
      return { decision: 'dropped', reason: error.message };
    }
    throw error;
  }
}
