import type { ServerKind } from '../model/context/server-kind.js';
import type { CallUsage } from '../model/usage-meter.js';
import { QuireError } from './quire-error.js';

/**
 * Why a call did not fit the model's context window:
 * - `refused`: the server refused it as too long (OpenAI, vLLM, llama.cpp);
 * - `truncated`: the server answered, but counted far fewer prompt tokens than were sent: it
 *   cut the prompt silently (Ollama past its `num_ctx`), so the reply is not to be trusted;
 * - `tooLong`: quire did not send it, as it cannot fit the window already known.
 */
export type ContextOverflowReason = 'refused' | 'truncated' | 'tooLong';

/**
 * One call did not fit the model's context window. Not retried as it is: the caller shrinks
 * the prompt (the window it learned is in `windowTokens`) and tries once more, or stops.
 */
export class ContextOverflowError extends QuireError {
  readonly code = 'context-overflow';
  readonly category = 'failure';
  readonly reason: ContextOverflowReason;
  readonly server: ServerKind | undefined;
  /** The window, in the server's tokens, when known. */
  readonly windowTokens: number | undefined;
  /** The prompt as the server counted it (as quire did for `tooLong`), when known. */
  readonly promptTokens: number | undefined;
  /** The prompt as quire counted it. */
  readonly sentTokens: number;
  /** The reply tokens asked for, when any. */
  readonly outputTokens: number | undefined;
  /** Tokens a truncated reply still cost. */
  readonly usage: CallUsage | undefined;

  constructor({
    message,
    reason,
    server,
    windowTokens,
    promptTokens,
    sentTokens,
    outputTokens,
    usage,
    cause,
  }: {
    message: string;
    reason: ContextOverflowReason;
    server?: ServerKind | undefined;
    windowTokens?: number | undefined;
    promptTokens?: number | undefined;
    sentTokens: number;
    outputTokens?: number | undefined;
    usage?: CallUsage | undefined;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.reason = reason;
    this.server = server;
    this.windowTokens = windowTokens;
    this.promptTokens = promptTokens;
    this.sentTokens = sentTokens;
    this.outputTokens = outputTokens;
    this.usage = usage;
  }
}
