import type { FaultKind } from './fault-kind.js';
import type { OpenAiErrorReply } from './openai-error-body.js';
import type { PlantedDefect } from './plant-defect.js';
import type { PlantedPlanDefect } from './plant-plan-defects.js';
import type { SimToolCall } from './sim-request.js';
import type { ThinkingForm } from './thinking-form.js';

/** Token counts of one call, as a provider reports them. */
export interface SimUsage {
  inputTokens: number;
  /** Input tokens served from the prompt cache (see `PrefixCache`). */
  cachedInputTokens: number;
  /** Of the output tokens, the thinking's, as reported (0 when it is left in the content). */
  reasoningTokens: number;
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
  /** The answer's text, without the thinking; empty when it calls a tool. */
  text: string;
  /** The thinking as sent (its first `thinkingDeltas` deltas): with its tags in `tags` form. */
  thinking: string;
  /** How the thinking is sent; `off` when the reply does not think. */
  thinkingForm: ThinkingForm;
  /** How many leading deltas are thinking; the rest are the text or the tool call's input. */
  thinkingDeltas: number;
  toolCalls: SimToolCall[];
  /** The pieces a stream sends: the thinking's, then the text's or the tool call's input's. */
  deltas: string[];
  /** Output tokens sent once each delta is out; the last equals `usage.outputTokens`. */
  tokensAfter: number[];
  finishReason: SimFinishReason;
  usage: SimUsage;
  /** For a `cut` reply: how many deltas go out before the connection drops. */
  cutAfter: number | undefined;
  /** The writing defect planted in the text (the `defects` knob), when one was. */
  planted?: PlantedDefect;
  /** The defects planted in a plan (the `plan-defects` knob), when some were. */
  plantedInPlan?: PlantedPlanDefect[];
}

/** What the simulated model does with one request. */
export type SimOutcome =
  | { kind: 'reply'; reply: SimReply }
  | { kind: 'rejected'; fault: 'rate-limit' | 'server-error'; retryAfterMs: number }
  /** Refused for good: the request does not fit the context window. */
  | { kind: 'refused'; error: OpenAiErrorReply }
  | { kind: 'hang' };
