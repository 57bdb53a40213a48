import { callPassthrough } from '../config/call-passthrough.js';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Judge } from './judge.js';

/** A judge on `model`, named by its spec, under the configuration's call settings (see `callPassthrough`). Pure. */
export function judgeForModel({
  model,
  config,
  abortSignal,
}: {
  model: ResolvedModel;
  config: Pick<Config, 'retry' | 'timeouts' | 'providerOptions' | 'telemetry'>;
  abortSignal?: AbortSignal;
}): Judge {
  return {
    model: model.model,
    name: model.spec,
    ...callPassthrough(config),
    abortSignal,
  };
}
