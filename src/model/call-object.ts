import { Output } from 'ai';
import type { z } from 'zod';
import { ModelOutputError } from '../errors/model-output-error.js';
import { callAndRead } from './call-and-read.js';
import type { CallPrompt, CallSettings } from './call-settings.js';
import { extractJson } from './extract-json.js';
import type { RunCallResult } from './run-call.js';
import type { CallUsage } from './usage-meter.js';

/** What a structured call returns: a value that passed the schema. */
export type CallObjectResult<T> = Omit<RunCallResult<T>, 'value'> & { object: T };

/**
 * Asks the model for a JSON value matching `schema` (sent to the provider as a JSON schema).
 * The AI SDK reads the reply (`Output.object`, with a Markdown fence around the JSON dropped by
 * `extractJsonMiddleware`); only a reply it cannot read goes to quire's tolerant reader, which
 * also takes JSON after prose, with trailing commas, comments, single quotes or unquoted keys,
 * as smaller models write it (see `extractJson`). A reply that holds no readable JSON or does
 * not match the schema is retried like any other unusable reply, and its tokens are counted.
 */
export async function callObject<SCHEMA extends z.ZodType>({
  schema,
  schemaName,
  ...request
}: CallSettings & CallPrompt & { schema: SCHEMA; schemaName?: string }): Promise<
  CallObjectResult<z.infer<SCHEMA>>
> {
  const { value, ...rest } = await callAndRead({
    ...request,
    output: Output.object({ schema, name: schemaName }),
    jsonOnly: true,
    read: ({ text, usage, output }) =>
      (output !== undefined ? output : readObject({ text, schema, usage })) as z.infer<SCHEMA>,
  });
  return { object: value, ...rest };
}

/** The reply's JSON checked against `schema`; a `ModelOutputError` saying what was wrong. */
function readObject({
  text,
  schema,
  usage,
}: {
  text: string;
  schema: z.ZodType;
  usage: CallUsage;
}): unknown {
  const excerpt = text.slice(0, 200);
  const json = extractJson(text);
  if (!json.ok) {
    throw new ModelOutputError({
      message: `the reply is not valid JSON (${json.message})`,
      problem: 'invalidJson',
      excerpt,
      usage,
    });
  }
  const checked = schema.safeParse(json.value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new ModelOutputError({
      message: `the reply does not match the schema at ${where}: ${issue?.message}`,
      problem: 'schemaMismatch',
      excerpt,
      usage,
    });
  }
  return checked.data;
}
