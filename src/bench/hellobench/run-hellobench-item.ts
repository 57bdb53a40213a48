import type { Config } from '../../config/config-schema.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Judge } from '../../evaluators/judge.js';
import { checkLengthGate } from '../../evaluators/length-gate.js';
import { lengthScore } from '../../evaluators/length-score.js';
import type { ResolvedModel } from '../../model/resolve-model.js';
import { answerBenchItem } from '../answer-bench-item.js';
import type { BenchMode } from '../bench-mode.js';
import type { HellobenchItem } from './hellobench-item.js';
import type { HellobenchResult } from './hellobench-result-schema.js';
import { judgeChecklist } from './judge-checklist.js';

/**
 * Answers one HelloBench task and scores it: where the instruction states a length, S_l and
 * the length gate against it; with a judge, HelloEval on the task's checklist. In `quire` mode
 * the stated length is the run's target and the run lives in `<outDir>/runs/<id>`. Throws when
 * no answer could be produced.
 */
export async function runHellobenchItem({
  item,
  mode,
  model,
  config,
  judge,
  outDir,
  abortSignal,
}: {
  item: HellobenchItem;
  mode: BenchMode;
  model: ResolvedModel;
  config: Config;
  judge?: Judge;
  outDir: string;
  abortSignal?: AbortSignal;
}): Promise<HellobenchResult> {
  const answer = await answerBenchItem({
    mode,
    id: item.id,
    prompt: item.instruction,
    words: item.required ?? undefined,
    model,
    config,
    outDir,
    abortSignal,
  });
  const produced = countWords(answer.response);
  const required = item.required;
  const helloEval = judge
    ? await judgeChecklist({
        judge: { ...judge, abortSignal },
        instruction: item.instruction,
        response: answer.response,
        checklist: item.checklists,
        category: item.category,
      })
    : null;
  return {
    id: item.id,
    taskId: item.taskId,
    subset: item.subset,
    group: item.group,
    category: item.category,
    line: item.line,
    instruction: item.instruction,
    mode,
    model: model.spec,
    response: answer.response,
    response_length: produced,
    required,
    S_l: required === null ? null : lengthScore({ required, produced }),
    lengthGate:
      required === null
        ? null
        : checkLengthGate({ produced, required, gate: config.lengthGate }).status,
    helloEval,
    usage: answer.usage,
    finishReason: answer.finishReason,
    elapsedSeconds: answer.elapsedSeconds,
    runDirectory: answer.runDirectory,
    finishedAt: new Date().toISOString(),
  };
}
