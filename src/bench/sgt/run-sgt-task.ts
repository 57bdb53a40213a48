import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { ConstraintFile } from '../../evaluators/constraints/constraint-file-schema.js';
import { evaluateConstraints } from '../../evaluators/constraints/evaluate-constraints.js';
import type { SegmentHeaderRule } from '../../evaluators/constraints/segment-header-rule.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Judge } from '../../evaluators/judge.js';
import { writeOutputFile } from '../../store/write-output-file.js';
import { detectLanguage } from '../../task/detect-language.js';
import { TaskSchema } from '../../task/task-schema.js';
import { answerHere, type BenchAnswerer } from '../bench-answerer.js';
import { benchFiles } from '../bench-files.js';
import type { BenchSource } from '../bench-source.js';
import { predictedAnswer } from '../predicted-answer.js';
import type { SgtBenchTask } from './sgt-bench-task.js';
import type { SgtResult } from './sgt-result-schema.js';

/**
 * Answers one SGT-style task and checks its constraints. `direct`: the prompt in one call, the
 * answer saved to `<outDir>/responses/<id>.md` and segmented as the task says. `quire`: the
 * task's constraints go to the planner, so the plan has one section per segment titled
 * "<unit> <n>" with the constraints due there; the run lives in `<outDir>/runs/<id>`.
 * `predictions`: the task's stored answer, checked with its stored verdicts (unless
 * `storedVerdicts` is false), as SGT's own evaluation did.
 */
export async function runSgtTask({
  task,
  mode,
  model,
  config,
  judge,
  outDir,
  headers = 'sgt',
  storedVerdicts = true,
  answer: answerer = answerHere,
  abortSignal,
}: BenchSource & {
  task: SgtBenchTask;
  config: Config;
  judge?: Judge;
  outDir: string;
  headers?: SegmentHeaderRule;
  /** Decide checks by the verdicts stored with a predicted answer, when it has them. */
  storedVerdicts?: boolean;
  /** Who produces the answer; here unless given (`--queue`). */
  answer?: BenchAnswerer;
  abortSignal?: AbortSignal;
}): Promise<SgtResult> {
  const constraints = mode === 'quire' ? headedConstraints(task.constraints) : task.constraints;
  const answer =
    mode === 'predictions'
      ? predictedAnswer(task.response ?? '')
      : await answerer({
          mode,
          prompt: task.prompt,
          task: TaskSchema.parse({
            prompt: task.prompt,
            words: task.words,
            lang: detectLanguage(task.prompt),
            constraints,
          }),
          directory: join(outDir, benchFiles.runs, task.id),
          model,
          config,
          abortSignal,
        });
  const responseFile =
    mode === 'direct' ? join(outDir, benchFiles.responses, `${task.id}.md`) : null;
  if (responseFile !== null) {
    await mkdir(join(outDir, benchFiles.responses), { recursive: true });
    await writeOutputFile({ path: responseFile, data: answer.response });
  }
  const { constraints: result } = await evaluateConstraints({
    text: answer.response,
    constraints,
    judge: judge ? { ...judge, abortSignal } : undefined,
    verdicts: storedVerdicts ? task.verdicts : undefined,
    headers,
  });
  const typeCounts = (type: 'once' | 'range' | 'periodic') => {
    const { checks, present, satisfied } = result.byType[type];
    return { checks, present, satisfied };
  };
  return {
    id: task.id,
    scenario: task.scenario,
    source: task.source,
    mode,
    model: model.spec,
    segments: { required: result.segments.required, found: result.segments.found },
    words: countWords(answer.response),
    headers,
    cr: result.cr,
    stic1: result.stic1,
    stic2: result.stic2,
    wAvg: result.wAvg,
    checks: {
      ...result.checks,
      stored: result.results.filter((check) => check.decidedBy === 'stored').length,
    },
    byType: {
      once: typeCounts('once'),
      range: typeCounts('range'),
      periodic: typeCounts('periodic'),
    },
    leakage: { pairs: result.leakage.pairs, leaked: result.leakage.leaked },
    segmentsBelowMinimum: result.minWords.below.length,
    checkResults: result.results,
    usage: answer.usage,
    elapsedSeconds: answer.elapsedSeconds,
    runDirectory: answer.runDirectory,
    responseFile,
    finishedAt: new Date().toISOString(),
  };
}

/**
 * quire marks each segment with its `## <unit> <n>` heading, not with SGT's `#*#` separator:
 * its document is segmented by headings alone (when the task names its unit).
 */
function headedConstraints(constraints: ConstraintFile): ConstraintFile {
  if (constraints.unit === undefined) return constraints;
  const { separator: _separator, ...rest } = constraints;
  return rest;
}
