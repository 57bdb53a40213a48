import type { Output } from 'ai';
import type { CallPrompt, CallSettings } from './call-settings.js';
import type { RunCallResult } from './run-call.js';
import { runStreamedCall } from './run-streamed-call.js';
import type { AttemptResult } from './stream-attempt.js';

/**
 * Reads the value out of one reply. Throws a `ModelOutputError` (with the reply's usage) when
 * another sample of the same request may do better, so the retry layer asks again; a reply it
 * can read, or one it wants to hand back to the caller as it is, is returned as a value.
 */
export type ReplyReader<T> = (reply: AttemptResult) => T;

/**
 * Asks the model once (through the retry layer) and reads the reply with `read`. `output`, when
 * given, is sent to the provider as the response format (a JSON schema for structured output);
 * a provider that enforces it by other means, such as a grammar for a local model, plugs in
 * there. `read` sees the answer without the model's thinking, which goes to `onThinking`. The
 * tokens of replies `read` refused are counted like any failed attempt.
 */
export async function callAndRead<T>({
  read,
  output,
  system,
  prompt,
  maxOutputTokens,
  temperature,
  seed,
  onTextDelta,
  jsonOnly,
  ...settings
}: CallSettings &
  CallPrompt & {
    read: ReplyReader<T>;
    output?: Output.Output;
    /** The reply is JSON alone: a Markdown fence around it is dropped (see `streamAttempt`). */
    jsonOnly?: boolean;
    onTextDelta?: (delta: string) => void;
  }): Promise<RunCallResult<T>> {
  return runStreamedCall({
    settings,
    request: { system, prompt, maxOutputTokens, temperature, seed, output, jsonOnly },
    onTextDelta,
    read,
  });
}
