import { callPassthrough } from '../config/call-passthrough.js';
import type { Config } from '../config/config-schema.js';
import { callText } from '../model/call-text.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { UsageMeter } from '../model/usage-meter.js';
import { type Clock, systemClock } from '../util/clock.js';
import { type BenchAnswer, benchUsage } from './bench-answer.js';

/**
 * Sends the prompt to the model in one call, as LongBench-Write and SGT score plain models: no
 * plan, no system prompt, no output limit beyond the provider's own. Retries go through the one
 * retry layer. Throws `ModelCallError` when no attempt produced an answer.
 */
export async function answerDirectly({
  model,
  prompt,
  config,
  abortSignal,
  clock = systemClock,
}: {
  model: ResolvedModel;
  prompt: string;
  config: Pick<Config, 'retry' | 'timeouts' | 'providerOptions' | 'telemetry'>;
  abortSignal?: AbortSignal;
  clock?: Clock;
}): Promise<BenchAnswer> {
  const meter = new UsageMeter();
  const started = clock.now();
  const reply = await callText({
    model: model.model,
    ...callPassthrough(config),
    abortSignal,
    meter,
    clock,
    prompt,
  });
  return {
    response: reply.text,
    usage: benchUsage(meter.totals()),
    elapsedSeconds: (clock.now() - started) / 1000,
    runDirectory: null,
    finishReason: reply.finishReason,
    report: null,
  };
}
