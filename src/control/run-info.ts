import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { emptyTotals } from '../model/usage-meter.js';
import { type RunInfo, runFormatVersion } from '../store/run-info-schema.js';
import type { Task } from '../task/task-schema.js';
import { redactSecrets } from '../util/redact-secrets.js';
import { version } from '../version.js';

/**
 * The run.json of a new run. The API key is never stored, nor credentials in the base URL.
 * Pure but for the id.
 */
export function createRunInfo({
  task,
  config,
  model,
  now,
}: {
  task: Task;
  config: Config;
  model: ResolvedModel;
  now: number;
}): RunInfo {
  const { apiKey: _secret, baseUrl, ...rest } = config;
  const storable = baseUrl === undefined ? rest : { ...rest, baseUrl: redactSecrets(baseUrl) };
  const time = new Date(now).toISOString();
  return {
    version: runFormatVersion,
    quireVersion: version,
    id: randomUUID(),
    createdAt: time,
    updatedAt: time,
    status: 'running',
    task,
    model: { spec: model.spec, modelId: model.modelId, simulated: model.simulated },
    config: storable,
    usage: emptyTotals,
    elapsedSeconds: 0,
  };
}
