import type { FaultKind } from './fault-kind.js';
import type { OpenAiErrorReply } from './openai-error-body.js';
import type { SimToolCall } from './sim-request.js';

/** Token counts of one call, as a provider reports them. */
export interface SimUsage {
  inputTokens: number;
  /** Input tokens served from the prompt cache (see `PrefixCache`). */
  cachedInputTokens: number;
  outputTokens: number;
}

/** Why a reply ended, in the AI SDK's terms. */
export type SimFinishReason = 'stop' | 'length' | 'tool-calls';

/** Everything one reply will send, decided before any of it is sent. */
export interface SimReply {
  /** A provider-style id, e.g. `chatcmpl-…`; differs between attempts of the same prompt. */
  id: string;
  /** `cut`, `bad-json` or `empty` when this reply carries a fault; undefined for a clean one. */
  fault: Extract<FaultKind, 'cut' | 'bad-json' | 'empty'> | undefined;
  /** The text of the reply; empty when it calls a tool. */
  text: string;
  toolCalls: SimToolCall[];
  /** The pieces a stream sends: of the text, or of the tool call's input. */
  deltas: string[];
  /** Output tokens sent once each delta is out; the last equals `usage.outputTokens`. */
  tokensAfter: number[];
  finishReason: SimFinishReason;
  usage: SimUsage;
  /** For a `cut` reply: how many deltas go out before the connection drops. */
  cutAfter: number | undefined;
}

/** What the simulated model does with one request. */
export type SimOutcome =
  | { kind: 'reply'; reply: SimReply }
  | { kind: 'rejected'; fault: 'rate-limit' | 'server-error'; retryAfterMs: number }
  /** Refused for good: the request does not fit the context window. */
  | { kind: 'refused'; error: OpenAiErrorReply }
  | { kind: 'hang' };
