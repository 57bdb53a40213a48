import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import type { RunBudget } from '../../src/control/budget.js';
import type { RunEvent } from '../../src/control/run-events.js';
import { startRunSession } from '../../src/control/run-session.js';
import { estimateCounter } from '../../src/model/tokens/token-counter.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { RunStore } from '../../src/store/run-store.js';
import { createTask } from './builders.js';
import { createFakeClock } from './fake-clock.js';
import { promptModel } from './prompt-model.js';
import { useTempDir } from './temp-dir.js';

/** A resolved model with the given id, whose replies are empty. */
export function createResolvedModel(modelId = 'house-model') {
  return {
    model: promptModel(() => ({ text: '' })),
    spec: `openai:${modelId}`,
    modelId,
    simulated: false,
  };
}

/**
 * Sessions of runs in new temporary directories, each with a fake clock, recording the events
 * it showed; their stores are closed after each test.
 */
export function useRunSession() {
  const tempDir = useTempDir();
  const stores: RunStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  return async ({
    previous,
    config = {},
    budget = {},
    model = createResolvedModel(),
    abortSignal,
    shown: show = true,
  }: {
    previous?: RunInfo;
    config?: object;
    budget?: RunBudget;
    model?: ReturnType<typeof createResolvedModel>;
    abortSignal?: AbortSignal;
    /** Whether the session shows its events (records them in `shown`); it journals them anyway. */
    shown?: boolean;
  } = {}) => {
    const directory = await tempDir();
    const store = await RunStore.open(directory);
    stores.push(store);
    const clock = createFakeClock(Date.parse('2026-05-01T10:00:00Z'));
    const shown: RunEvent[] = [];
    const session = startRunSession({
      store,
      previous,
      task: createTask(),
      config: ConfigSchema.parse(config),
      model,
      budget,
      contextWindow: { tokens: 32_000, source: 'config' },
      counter: estimateCounter,
      abortSignal,
      clock,
      onEvent: show ? (event) => shown.push(event) : undefined,
    });
    /** run.json as last written. */
    const saved = async () =>
      JSON.parse(await readFile(join(directory, 'run.json'), 'utf8')) as RunInfo;
    return { session, store, clock, shown, saved, directory };
  };
}
