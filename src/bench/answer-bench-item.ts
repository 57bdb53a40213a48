import { join } from 'node:path';
import type { Config } from '../config/config-schema.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import { createTask } from '../task/create-task.js';
import type { BenchAnswer } from './bench-answer.js';
import { answerHere, type BenchAnswerer } from './bench-answerer.js';
import { benchFiles } from './bench-files.js';
import type { ModelMode } from './bench-mode.js';

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
  seed,
  answer = answerHere,
  abortSignal,
}: {
  mode: ModelMode;
  /** The item's id: names its run directory, so it must be safe as a file name. */
  id: string;
  prompt: string;
  words?: number;
  lang?: 'en' | 'zh';
  model: ResolvedModel;
  config: Config;
  outDir: string;
  /** Set on every call: sample k > 1 of an item is another draw. */
  seed?: number;
  answer?: BenchAnswerer;
  abortSignal?: AbortSignal;
}): Promise<BenchAnswer> {
  const { task } = createTask({
    input: { prompt, words, lang },
    wordsPerPage: config.write.wordsPerPage,
    defaultWords: config.write.defaultWords,
  });
  return answer({
    mode,
    prompt,
    task,
    seed,
    directory: join(outDir, benchFiles.runs, id),
    model,
    config,
    abortSignal,
  });
}
