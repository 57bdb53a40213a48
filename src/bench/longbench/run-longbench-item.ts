import type { Config } from '../../config/config-schema.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Judge } from '../../evaluators/judge.js';
import { lengthScore } from '../../evaluators/length-score.js';
import { judgeQuality } from '../../evaluators/quality/judge-quality.js';
import { answerBenchItem } from '../answer-bench-item.js';
import type { BenchAnswerer } from '../bench-answerer.js';
import type { BenchSource } from '../bench-source.js';
import { predictedAnswer } from '../predicted-answer.js';
import type { LongbenchItem } from './longbench-item.js';
import type { LongbenchResult } from './longbench-result-schema.js';

/**
 * Answers one LongBench-Write item and scores it: S_l against the row's `length`, and with a
 * judge S_q and S. In `quire` mode the row's `length` is the run's target and the run lives in
 * `<outDir>/runs/<id>`; in `predictions` mode the item's stored answer is scored. Sample k > 1
 * of an item is asked with seed k, so it is another draw. Throws when no answer could be
 * produced.
 */
export async function runLongbenchItem({
  item,
  mode,
  model,
  config,
  judge,
  outDir,
  answer: answerer,
  abortSignal,
}: BenchSource & {
  item: LongbenchItem;
  config: Config;
  judge?: Judge;
  outDir: string;
  /** Who produces the answer; here unless given (`--queue`). */
  answer?: BenchAnswerer;
  abortSignal?: AbortSignal;
}): Promise<LongbenchResult> {
  const answer =
    mode === 'predictions'
      ? predictedAnswer(item.response ?? '')
      : await answerBenchItem({
          mode,
          id: item.id,
          prompt: item.prompt,
          words: item.length,
          lang: item.lang,
          model,
          seed: item.sample > 1 ? item.sample : undefined,
          config,
          outDir,
          answer: answerer,
          abortSignal,
        });
  const produced = countWords(answer.response);
  const S_l = lengthScore({ required: item.length, produced });
  const quality = judge
    ? (
        await judgeQuality({
          judge: { ...judge, abortSignal },
          text: answer.response,
          request: item.prompt,
        })
      ).quality
    : null;
  const S_q = quality?.score ?? null;
  return {
    id: item.id,
    line: item.line,
    prompt: item.prompt,
    type: item.type,
    length: item.length,
    lang: item.lang,
    bucket: item.bucket,
    sample: item.sample,
    mode,
    model: model.spec,
    response: answer.response,
    response_length: produced,
    S_l,
    S_q,
    S: S_q === null ? null : (S_l + S_q) / 2,
    quality,
    usage: answer.usage,
    finishReason: answer.finishReason,
    elapsedSeconds: answer.elapsedSeconds,
    runDirectory: answer.runDirectory,
    finishedAt: new Date().toISOString(),
  };
}
