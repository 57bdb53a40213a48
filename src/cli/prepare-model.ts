import { type ResolvedModel, resolveModel } from '../model/resolve-model.js';
import { simNotice } from '../sim/sim-notice.js';
import type { CliIo } from './cli-io.js';

/** Resolves the model spec of a command's configuration. */
export function prepareModel(config: {
  model: { spec: string };
  apiKey?: string;
  baseUrl?: string;
}): ResolvedModel {
  return resolveModel({ spec: config.model.spec, apiKey: config.apiKey, baseUrl: config.baseUrl });
}

/**
 * Says once, on stderr, that the simulated model writes placeholder prose. Called when a
 * command starts its work, after its input is validated (so an input error stays one line).
 */
export function announceModel({ model, io }: { model: ResolvedModel; io: CliIo }): void {
  if (model.simulated) io.stderr.write(`${simNotice()}\n`);
}
