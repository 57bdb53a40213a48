import type { Config } from '../config/config-schema.js';

/**
 * Settings each worker brings instead of taking them from the job: where its models are and how
 * to reach or load them (so each machine can use its own server), where it keeps files, and the code
 * sandbox. Nothing of these travels through the queue: no key or password is put in Redis.
 */
export const workerLocalKeys = [
  'model',
  'stages',
  'gguf',
  'baseUrl',
  'apiKey',
  'judge',
  'outDir',
  'code',
] as const;

/** The producer's configuration as a job carries it: without the worker-local keys. Pure. */
export function sharedSettings(config: Config): Record<string, unknown> {
  const shared: Record<string, unknown> = { ...config };
  for (const key of workerLocalKeys) delete shared[key];
  return shared;
}

/** A job's settings with the worker's own worker-local keys put back. Pure. */
export function withWorkerSettings({
  shared,
  worker,
}: {
  shared: Record<string, unknown>;
  worker: Config;
}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...shared };
  for (const key of workerLocalKeys) {
    if (worker[key] === undefined) delete merged[key];
    else merged[key] = worker[key];
  }
  return merged;
}
