/**
 * # The simulated model (`sim`)
 *
 * A deterministic stand-in for an LLM, in-process (`createSimModel`, an AI SDK v3 language
 * model) and over HTTP (`startSimServer`, `quire sim serve`: OpenAI chat completions). Both go
 * through one `SimEngine`, so the same request gets the same reply either way. Its knobs, with
 * defaults, are in `sim-knobs.ts`.
 *
 * - **Same seed + same request → same reply.** Every choice is drawn from a SHA-256 of the seed
 *   and the request (messages, tools, response schema; the caller's `seed` too, when given).
 *   Nothing uses `Math.random`; the attempt number only moves the fault draw, never the text.
 * - **Prose**: paragraphs of varied sentences from a large vocabulary plus the prompt's topic
 *   words; `## ` headings only when the prompt asks for Markdown or headings; Chinese
 *   placeholder text when the length is asked in 字 or the prompt is Chinese.
 * - **Length**: the last word-count phrase ("about 600 words", "1,200-word", "5k words",
 *   "800 to 1,000 words" → 900, "不少于4000字", "1.5万字") of the last user message that has one
 *   (else of the system message, else `words`), × a factor drawn in [1 − noise, 1 + noise],
 *   capped at `ceiling`, written to that exact LongBench-Write count. `maxOutputTokens` cuts
 *   the reply there with finish reason `length`.
 * - **JSON and tools**: a JSON response format gets a value valid against its schema; offered
 *   tools (tool choice `auto`, `required` or a named tool; not `none`) get one call whose input
 *   is valid against that tool's schema.
 * - **Usage**: tokens by `estimateTokens`; cached input tokens by the block rule of
 *   `PrefixCache` (1,024 tokens, then steps of 128, of a prefix an earlier call of the same
 *   model or server sent).
 * - **Faults**, drawn per call from the seed, the request and its attempt number, each seen by
 *   a client as a real provider's: 429 with `Retry-After`, 500, a hang, a connection cut
 *   mid-reply, malformed JSON, an empty reply.
 * - **Latency and slots**: the first token `ttft` after arrival, then `tps` tokens a second;
 *   beyond `slots` requests, the rest queue in order.
 * - **Thinking** (`think`): `think-words` words of thinking before each reply, as reasoning
 *   models send it: a `<think>` block at the start of the content, or `reasoning_content` /
 *   `reasoning` deltas (reasoning parts in-process); paced like the answer, counted in its
 *   output limit, shortened by `reasoning_effort: low`.
 */

import type { Clock } from '../util/clock.js';
import { resolveSimOptions } from './parse-sim-options.js';
import { SimEngine } from './sim-engine.js';
import { SimLanguageModel } from './sim-language-model.js';
import type { SimOptions, SimOptionsInput } from './sim-options.js';

/**
 * Creates the simulated model as an AI SDK language model. Options are the knobs of
 * `sim-knobs.ts` by field name (`{ seed: 7, tps: 80, ttft: '300ms', errors: 0.2 }`), all
 * optional; latency is 0 unless asked for. `clock` lets tests pace a stream without real waits.
 * Throws `SimOptionError` for an unknown or malformed option.
 *
 * @example
 * const model = createSimModel({ seed: 7 });
 * const { text } = await generateText({ model, prompt: 'About 300 words on tide pools.' });
 */
export function createSimModel(
  options: (SimOptionsInput | SimOptions) & { clock?: Clock } = {},
): SimLanguageModel {
  const { clock, ...knobs } = options;
  return new SimLanguageModel({
    engine: new SimEngine({ options: resolveSimOptions(knobs), clock }),
  });
}
