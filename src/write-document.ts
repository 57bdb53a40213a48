import { type ConfigInput, ConfigSchema } from './config/config-schema.js';
import { refuseContradictions } from './config/find-contradictions.js';
import { runBudget } from './control/budget.js';
import type { RunEvent } from './control/run-events.js';
import { type WriteRunResult, writeRun } from './control/write-run.js';
import type { Judge } from './evaluators/judge.js';
import type { ModelObject } from './model/call-settings.js';
import { type ResolvedModel, resolveModel } from './model/resolve-model.js';
import { createRunDirectory } from './store/create-run-directory.js';
import { lockRunDirectory } from './store/lock-run-directory.js';
import { RunStore } from './store/run-store.js';
import { createTask } from './task/create-task.js';
import type { TaskInput } from './task/task-schema.js';

/**
 * Writes a long document from one request: the library form of `quire write`. `model` is a
 * spec (`sim`, `openai:<id>`) or any AI SDK language model object. The run lives in
 * `directory` (or a new folder under `config.outDir`); calling again with the same directory
 * resumes it (a second writer at the same time gets `LockHeldError`). Resolves with the
 * document, its report and the run's record.
 */
export async function writeDocument({
  request,
  words,
  lang,
  requirements,
  constraints,
  model = 'sim',
  apiKey = process.env.OPENAI_API_KEY,
  baseUrl = process.env.OPENAI_BASE_URL,
  directory,
  config: configInput = {},
  judge,
  abortSignal,
  onEvent,
}: {
  /** The writing request, e.g. "Write a 10,000-word guide to…". */
  request: string;
  /** Target length; parsed from the request when not given. */
  words?: number;
  lang?: string;
  requirements?: TaskInput['requirements'];
  constraints?: TaskInput['constraints'];
  model?: string | ModelObject;
  apiKey?: string;
  baseUrl?: string;
  directory?: string;
  /** Any configuration key of quire.config.json; defaults for the rest. */
  config?: ConfigInput;
  judge?: Judge;
  abortSignal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}): Promise<WriteRunResult & { directory: string }> {
  const config = ConfigSchema.parse(configInput);
  refuseContradictions(config);
  const { task } = createTask({
    input: { prompt: request, words, lang, requirements, constraints },
    wordsPerPage: config.write.wordsPerPage,
    defaultWords: config.write.defaultWords,
  });
  const resolved: ResolvedModel =
    typeof model === 'string'
      ? resolveModel({
          spec: model,
          apiKey,
          baseUrl,
          gguf: config.gguf,
          contextTokens: config.model.contextTokens,
        })
      : { model, spec: model.modelId, modelId: model.modelId, simulated: false };
  const runDirectory =
    directory ?? (await createRunDirectory({ outDir: config.outDir, request: task.prompt }));
  // One writer per run directory, for library callers as for the CLI.
  const lock = await lockRunDirectory({ directory: runDirectory, create: true });
  const store = await RunStore.open(runDirectory).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  try {
    const result = await writeRun({
      store,
      task,
      config,
      model: resolved,
      budget: runBudget({ config, modelId: resolved.modelId }),
      judge,
      abortSignal,
      onEvent,
    });
    return { ...result, directory: runDirectory };
  } finally {
    await store.close();
    await lock.release();
  }
}
