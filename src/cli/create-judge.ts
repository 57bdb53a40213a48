import { callPassthrough } from '../config/call-passthrough.js';
import type { Config } from '../config/config-schema.js';
import type { Judge } from '../evaluators/judge.js';
import { resolveModel } from '../model/resolve-model.js';
import type { CliIo } from './cli-io.js';

/**
 * The judge a command uses: the configured `judge` model (from `--judge`, the config file or
 * nothing), with the run's retry and time limits. Undefined when no judge is configured. A
 * simulated judge is announced, since its scores are placeholders.
 */
export function createJudge({
  config,
  io,
  abortSignal,
}: {
  config: Config;
  io: CliIo;
  abortSignal: AbortSignal;
}): Judge | undefined {
  if (config.judge === undefined) return undefined;
  const resolved = resolveModel({
    spec: config.judge,
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
  });
  if (resolved.simulated) {
    io.stderr.write(
      'quire: note: the judge is the simulated model; its scores are placeholders.\n',
    );
  }
  return {
    model: resolved.model,
    name: resolved.spec,
    ...callPassthrough(config),
    abortSignal,
  };
}
