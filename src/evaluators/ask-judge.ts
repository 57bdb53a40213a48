import type { z } from 'zod';
import { ModelCallError } from '../errors/model-call-error.js';
import { callObject } from '../model/call-object.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { Judge } from './judge.js';

/** The judge's answer, or the error that says why every attempt to get one failed. */
export type JudgeAnswer<T> =
  | { status: 'scored'; object: T }
  | { status: 'dropped'; error: ModelCallError };

/**
 * Asks `judge` the question in `prompts/<promptName>.md` at temperature 0 for a reply of
 * `schema`. A reply that is not the requested JSON is retried by the call layer; when every
 * attempt fails the judgement is `dropped` with the error, for the caller to report, never to
 * skip. An abort, or an error retrying cannot fix (bad credentials, unknown model), is thrown.
 */
export async function askJudge<SCHEMA extends z.ZodType>({
  judge,
  promptName,
  variables,
  schema,
  schemaName,
}: {
  judge: Judge;
  promptName: string;
  variables: Record<string, string | number>;
  schema: SCHEMA;
  schemaName: string;
}): Promise<JudgeAnswer<z.infer<SCHEMA>>> {
  const { system, prompt } = await renderPrompt({ name: promptName, variables });
  const { name: _name, concurrency: _concurrency, ...settings } = judge;
  try {
    const { object } = await callObject({
      ...settings,
      schema,
      schemaName,
      system,
      prompt,
      temperature: 0,
    });
    return { status: 'scored', object };
  } catch (error) {
    if (!(error instanceof ModelCallError) || error.reason !== 'maxRetriesExceeded') throw error;
    return { status: 'dropped', error };
  }
}
