import { Output } from 'ai';
import type { z } from 'zod';
import { ModelOutputError } from '../errors/model-output-error.js';
import type { CallPrompt, CallSettings } from './call-settings.js';
import { extractJson } from './extract-json.js';
import { defaultTimeoutSettings } from './retry-settings.js';
import { type RunCallResult, runCall } from './run-call.js';
import { streamAttempt } from './stream-attempt.js';
import type { CallUsage } from './usage-meter.js';

/** What a structured call returns: a value that passed the schema. */
export type CallObjectResult<T> = Omit<RunCallResult<T>, 'value'> & { object: T };

/**
 * Asks the model for a JSON value matching `schema` (sent to the provider as a JSON schema),
 * tolerating code fences around it. A reply that is not valid JSON or does not match the
 * schema is retried like any other unusable reply, and its tokens are still counted.
 */
export async function callObject<SCHEMA extends z.ZodType>({
  schema,
  schemaName,
  system,
  prompt,
  maxOutputTokens,
  temperature,
  ...settings
}: CallSettings & CallPrompt & { schema: SCHEMA; schemaName?: string }): Promise<
  CallObjectResult<z.infer<SCHEMA>>
> {
  const output = Output.object({ schema, name: schemaName });
  const { value, ...rest } = await runCall({
    settings,
    attempt: async () => {
      const reply = await streamAttempt({
        model: settings.model,
        timeouts: settings.timeouts ?? defaultTimeoutSettings,
        abortSignal: settings.abortSignal,
        window: settings.window,
        request: { system, prompt, maxOutputTokens, temperature, output },
      });
      const parsed = parseReply({ text: reply.text, schema, usage: reply.usage });
      if (parsed instanceof ModelOutputError) throw parsed;
      return { value: parsed.value as z.infer<SCHEMA>, usage: reply.usage };
    },
  });
  return { object: value, ...rest };
}

function parseReply({
  text,
  schema,
  usage,
}: {
  text: string;
  schema: z.ZodType;
  usage: CallUsage;
}): { value: unknown } | ModelOutputError {
  const excerpt = text.slice(0, 200);
  const json = extractJson(text);
  if (!json.ok) {
    return new ModelOutputError({
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
    return new ModelOutputError({
      message: `the reply does not match the schema at ${where}: ${issue?.message}`,
      problem: 'schemaMismatch',
      excerpt,
      usage,
    });
  }
  return { value: checked.data };
}
