import { type Config, type ConfigInput, ConfigSchema } from './config/config-schema.js';
import { refuseContradictions } from './config/find-contradictions.js';
import { runBudget } from './control/budget.js';
import type { RunEvent } from './control/run-events.js';
import type { StageModels } from './control/stage-models.js';
import { type WriteRunResult, writeRun } from './control/write-run.js';
import type { Judge } from './evaluators/judge.js';
import { judgeForModel } from './evaluators/judge-for-model.js';
import { type ModelInput, resolveModelInput } from './model/resolve-model-input.js';
import { createRunDirectory } from './store/create-run-directory.js';
import { lockRunDirectory } from './store/lock-run-directory.js';
import { RunStore } from './store/run-store.js';
import { createTask } from './task/create-task.js';
import type { TaskInput } from './task/task-schema.js';

/** A model for each stage of a write run; each a spec string or an AI SDK model object. */
export interface WriteModels {
  /** Outlines the document. */
  planner?: ModelInput;
  /** Drafts each section and continues a cut draft; `model` when not given. */
  writer?: ModelInput;
  /** Revises, expands, condenses and summarises sections. */
  reviewer?: ModelInput;
  /** Scores the finished document's quality; no quality score without one. */
  judge?: ModelInput;
}

/**
 * Writes a long document from one request: the library form of `quire write`. `model` is a
 * spec (`sim`, `openai:<id>`, `anthropic:<id>`…) or any AI SDK language model object;
 * `models` gives a stage its own (a stage without one uses the writer's, as `config.stages`
 * does for specs; the judge is `judge`, else `models.judge`, else `config.judge`). The run lives in
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
  models = {},
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
  model?: ModelInput;
  /** A model per stage, overriding `model` and `config.stages` for that stage. */
  models?: WriteModels;
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
  const resolve = (given: ModelInput) =>
    resolveModelInput({
      model: given,
      apiKey,
      baseUrl,
      gguf: config.gguf,
      contextTokens: config.model.contextTokens,
    });
  const chosen = (stage: keyof Config['stages']) => models[stage] ?? config.stages[stage];
  const resolved = resolve(chosen('writer') ?? model);
  const stages: StageModels = {};
  for (const stage of ['planner', 'reviewer'] as const) {
    const given = chosen(stage);
    if (given !== undefined) stages[stage] = resolve(given);
  }
  const judgeModel = judge === undefined ? (models.judge ?? config.judge) : undefined;
  const runJudge: Judge | undefined =
    judgeModel === undefined
      ? judge
      : judgeForModel({ model: resolve(judgeModel), config, abortSignal });
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
      stages,
      budget: runBudget({ config, modelId: resolved.modelId, stages }),
      judge: runJudge,
      abortSignal,
      onEvent,
    });
    return { ...result, directory: runDirectory };
  } finally {
    await store.close();
    await lock.release();
  }
}
