import type { Config } from '../config/config-schema.js';
import type { StageModels } from '../control/stage-models.js';
import type { GgufSettings } from '../model/gguf/gguf-settings.js';
import { type ResolvedModel, resolveModel } from '../model/resolve-model.js';
import { simNotice } from '../sim/sim-notice.js';
import type { CliIo } from './cli-io.js';

/** Resolves the model spec of a command's configuration; other providers' keys come from `env`. */
export function prepareModel({
  config,
  env,
}: {
  config: {
    model: { spec: string; contextTokens?: number | undefined };
    apiKey?: string;
    baseUrl?: string;
    gguf?: GgufSettings;
  };
  env: Record<string, string | undefined>;
}): ResolvedModel {
  return resolveModel({
    spec: config.model.spec,
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    gguf: config.gguf,
    contextTokens: config.model.contextTokens,
    env,
  });
}

/**
 * The models of a write run from its configuration: the writer (`stages.writer`, else `model`)
 * and the planner's and reviewer's own when configured. Every spec is checked here, before any
 * work starts.
 */
export function prepareWriteModels({
  config,
  env,
}: {
  config: Config;
  env: Record<string, string | undefined>;
}): { model: ResolvedModel; stages: StageModels } {
  const resolve = (spec: string) =>
    prepareModel({ config: { ...config, model: { ...config.model, spec } }, env });
  const { planner, writer, reviewer } = config.stages;
  return {
    model: resolve(writer ?? config.model.spec),
    stages: {
      ...(planner === undefined ? {} : { planner: resolve(planner) }),
      ...(reviewer === undefined ? {} : { reviewer: resolve(reviewer) }),
    },
  };
}

/**
 * Says once, on stderr, that the simulated model writes placeholder prose. Called when a
 * command starts its work, after its input is validated (so an input error stays one line).
 */
export function announceModel({ model, io }: { model: ResolvedModel; io: CliIo }): void {
  if (model.simulated) io.stderr.write(`${simNotice()}\n`);
}
