import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { createTask } from '../task/create-task.js';
import { answerDirectly } from './answer-directly.js';
import { answerWithQuire } from './answer-with-quire.js';
import type { BenchAnswer } from './bench-answer.js';
import { benchFiles } from './bench-files.js';
import type { BenchMode } from './bench-mode.js';

/**
 * Answers one benchmark prompt in the given mode: `direct` sends it in one call; `quire` runs
 * the pipeline with `words` as the target (else the length the prompt states, else the
 * configured default) in `<outDir>/runs/<id>`, resuming a run a killed session left there.
 */
export function answerBenchItem({
  mode,
  id,
  prompt,
  words,
  lang,
  model,
  config,
  outDir,
  abortSignal,
}: {
  mode: BenchMode;
  /** The item's id: names its run directory, so it must be safe as a file name. */
  id: string;
  prompt: string;
  words?: number;
  lang?: 'en' | 'zh';
  model: ResolvedModel;
  config: Config;
  outDir: string;
  abortSignal?: AbortSignal;
}): Promise<BenchAnswer> {
  if (mode === 'direct') return answerDirectly({ model, prompt, config, abortSignal });
  const { task } = createTask({
    input: { prompt, words, lang },
    wordsPerPage: config.write.wordsPerPage,
    defaultWords: config.write.defaultWords,
  });
  return answerWithQuire({
    directory: join(outDir, benchFiles.runs, id),
    task,
    config,
    model,
    abortSignal,
  });
}
