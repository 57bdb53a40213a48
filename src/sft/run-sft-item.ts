import type { Config } from '../config/config-schema.js';
import type { RunEvent } from '../control/run-events.js';
import { writeRun } from '../control/write-run.js';
import { countWords } from '../evaluators/count-words.js';
import type { Finding } from '../evaluators/finding.js';
import type { ResolvedModel } from '../model/resolve-model.js';
import type { Plan } from '../planner/plan-schema.js';
import {
  RunStore,
  readRunThinking,
  readRunThinkNotes,
  type StoredThinking,
} from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { Clock } from '../util/clock.js';
import { itemClock } from '../util/fixed-clock.js';
import { collectPreferencePairs } from './collect-preference-pairs.js';
import { formatSftRecord, type SftRecord, type SftThinkNote } from './format-sft-record.js';
import { formatPreferenceRecord, type PreferenceRecord } from './preference-record.js';
import type { SftTargetSource } from './resolve-sft-target.js';
import { type SftFilter, type SftRejection, screenSftAnswer } from './screen-sft-answer.js';
import type { SftOutputFormat } from './sft-format.js';
import type { SftInstruction } from './sft-instruction.js';
import type { SftMetadata } from './sft-metadata.js';
import type { SftRejectedRecord } from './sft-rejected-record.js';

/** What became of one instruction: a training record, or a rejection with its reasons. */
export type SftItemOutcome =
  | { kind: 'written'; records: Array<SftRecord | PreferenceRecord>; metadata: SftMetadata }
  | { kind: 'rejected'; record: SftRejectedRecord; metadata: SftMetadata };

/**
 * Runs the quire pipeline for one instruction in its own run directory (resuming it when a
 * killed session left it), then screens the answer by the run's own report (evaluated with
 * `config`, as `quire eval` would): kept as a record in `format`, or rejected with every
 * reason. With `dpo`, the records are the run's preference pairs instead (see
 * `collectPreferencePairs`), and the document itself is not screened: a run with no pair is
 * rejected (`no-pairs`), so the count shows and a rerun does not redo it. With `thinking`, the
 * record carries the model's thinking (the plan's, then each section's), when it thought; with
 * config `sft.thinkNotes`, each section's think note. Throws when the run cannot finish (a
 * model call that keeps failing, Ctrl-C).
 */
export async function runSftItem({
  instruction,
  task,
  targetSource,
  format,
  model,
  config,
  runDirectory,
  minWords,
  filters,
  thinking = false,
  clock = itemClock(config),
  abortSignal,
  onRunEvent,
}: {
  instruction: SftInstruction;
  /** The instruction as a task, its target length resolved. */
  task: Task;
  targetSource: SftTargetSource;
  format: SftOutputFormat;
  model: ResolvedModel;
  config: Config;
  runDirectory: string;
  minWords: number;
  filters: ReadonlySet<SftFilter>;
  /** Export the model's thinking in the record. */
  thinking?: boolean;
  /**
   * What stamps the run and the record: by default a fresh fixed clock per item when
   * `config.fixedClock` is set (so a rerun, local or on a queue worker, writes the same bytes),
   * else the real clock.
   */
  clock?: Clock;
  abortSignal?: AbortSignal;
  onRunEvent?: (event: RunEvent) => void;
}): Promise<SftItemOutcome> {
  const store = await RunStore.open(runDirectory);
  let result: Awaited<ReturnType<typeof writeRun>>;
  let events: Array<Record<string, unknown>>;
  try {
    result = await writeRun({
      store,
      task,
      config,
      model,
      clock,
      abortSignal,
      onEvent: onRunEvent,
    });
    events = await store.readEvents();
  } finally {
    await store.close();
  }
  const { report, info, plan, document } = result;
  const sectionFindings = events
    .filter((event) => event.type === 'step-end')
    .flatMap((event) => (event.findings ?? []) as Finding[]);
  const { repetition } = report;
  const pairs =
    format === 'dpo' ? await collectPreferencePairs({ directory: runDirectory }) : undefined;
  const metadata: SftMetadata = {
    id: instruction.id,
    line: instruction.line,
    targetWords: task.words,
    targetSource,
    words: report.words,
    referenceWords: countWords(instruction.reference ?? ''),
    lengthScore: report.scores.length ?? 0,
    repetition: {
      rep4: repetition.rep4,
      distinct1: repetition.distinct1,
      distinct2: repetition.distinct2,
      maxWindowRep4: repetition.windows.maxRep4,
      longestLoopTokens: repetition.longestLoop.tokens,
      nearDuplicatePairs: repetition.nearDuplicates.pairs,
      lateCollapse: repetition.lateCollapse.status,
    },
    model: model.spec,
    tokens: {
      input: info.usage.inputTokens,
      output: info.usage.outputTokens,
      cached: info.usage.cachedInputTokens,
      ...(info.usage.estimated ? { estimated: true as const } : {}),
      reasoning: info.usage.reasoningTokens,
    },
    calls: info.usage.calls,
    sections: plan.sections.length,
    elapsedSeconds: info.elapsedSeconds,
    createdAt: new Date(clock.now()).toISOString(),
    ...(pairs ? { pairs: pairs.length } : {}),
  };
  // Pairs are sections, not the document: only their count can reject them.
  const reasons: SftRejection[] = pairs
    ? pairs.length > 0
      ? []
      : [{ reason: 'no-pairs', message: noPairs }]
    : screenSftAnswer({ report, minWords, sectionFindings, filters });
  // The rule of quire write: a run that ended outside the length gate is not a finished answer.
  if (!pairs && filters.has('length') && info.status === 'incomplete-length') {
    reasons.push({
      reason: 'incomplete-length',
      message: info.stopReason ?? 'the answer is outside the length gate',
    });
  }
  if (reasons.length > 0) {
    return {
      kind: 'rejected',
      record: {
        prompt: instruction.prompt,
        response: document,
        reference: instruction.reference ?? '',
        reasons,
        metadata,
      },
      metadata,
    };
  }
  if (format === 'dpo') {
    return {
      kind: 'written',
      records: (pairs ?? []).map((pair) => formatPreferenceRecord({ pair, metadata })),
      metadata,
    };
  }
  const thoughts = thinking ? await readRunThinking(runDirectory) : [];
  const notes = config.sft.thinkNotes ? await readRunThinkNotes(runDirectory) : undefined;
  return {
    kind: 'written',
    records: [
      formatSftRecord({
        format,
        prompt: instruction.prompt,
        response: document,
        reasoning:
          thoughts.length > 0 ? thoughts.map((each) => each.text.trim()).join('\n\n') : undefined,
        reference: instruction.reference,
        ...(notes ? { thinkNotes: sectionThinkNotes({ notes, plan }) } : {}),
        metadata,
      }),
    ],
    metadata,
  };
}

/** The notes of the committed sections, each with its section's heading, in plan order. */
function sectionThinkNotes({
  notes,
  plan,
}: {
  notes: StoredThinking[];
  plan: Plan;
}): SftThinkNote[] {
  return notes.map(({ name, text }) => ({
    section: plan.sections[Number.parseInt(name, 10) - 1]?.title ?? name,
    note: text.trim(),
  }));
}
const noPairs =
  'no preference pair: the candidates of every section scored alike and the review kept no rewrite';
