import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runBatch } from '../batch/run-batch.js';
import type { Config } from '../config/config-schema.js';
import type { BatchFailure } from '../errors/batch-incomplete-error.js';
import { type ModelInput, resolveModelInput } from '../model/resolve-model-input.js';
import { type Clock, systemClock } from '../util/clock.js';
import { orderSftItems, type SftItem } from './order-sft-items.js';
import { exportSftRecords, type SftExportedFile } from './output/export-sft-records.js';
import { preferenceConfig } from './preference-config.js';
import { readSftOutput } from './read-sft-output.js';
import { runSftItem } from './run-sft-item.js';
import { allSftFilters, type SftFilter, type SftRejection } from './screen-sft-answer.js';
import type { SftEvent } from './sft-event.js';
import type { SftOutputFormat } from './sft-format.js';
import type { SftInstructionSource } from './sft-instruction-source.js';
import type { SftMetadata } from './sft-metadata.js';
import { openSftOutput } from './sft-output.js';
import { sftPaths } from './sft-paths.js';
import { thinkNotesConfig } from './think-notes-config.js';

/** The outcome of `runSft` over the given instructions, earlier sessions included. */
export interface SftRunResult {
  total: number;
  /** Instructions already written or rejected when this session started. */
  skipped: number;
  written: SftMetadata[];
  rejected: Array<{ metadata: SftMetadata; reasons: SftRejection[] }>;
  failures: BatchFailure[];
  interrupted: boolean;
  /** Files made from the records at the end of the session: the Parquet output, the split. */
  exported: SftExportedFile[];
  /** This session only: items settled and what they cost. */
  session: {
    written: number;
    rejected: number;
    tokens: { input: number; output: number; cached: number };
    calls: number;
    elapsedSeconds: number;
  };
}

/**
 * Turns instructions into long-output SFT data: each runs through the quire pipeline in its own
 * run directory, `concurrency` at a time (longest target first, so the last ones in flight are
 * short and the model's slots stay busy to the end), and its answer is appended to `out` as a
 * record of `format`, or to the rejected side file with its reasons. Each line is flushed as it
 * is written, so a kill never leaves half a line; instructions already in either file are
 * skipped, and a run directory left by a kill is resumed. Run directories are removed once their
 * line is written, unless `keepRuns`. The instructions are streamed, never all held: a file of
 * any size runs in the same memory. With `dpo`, each instruction runs with what makes
 * preference pairs (see `preferenceConfig`) and gives one line per pair. At the end of the session (interrupted or not) the records
 * are exported: to Parquet when `out` ends in `.parquet`, and to train and validation files
 * with `trainShare`.
 */
export async function runSft({
  instructions,
  out,
  shownAs = out,
  format,
  model: given,
  config,
  concurrency = 4,
  words,
  minWords,
  minWordsRatio = config.lengthGate.floor,
  maxRep4,
  filters = allSftFilters,
  thinking = false,
  keepRuns = false,
  trainShare,
  seed = 1,
  abortSignal,
  clock = systemClock,
  runItem = runSftItem,
  inOrder = false,
  onEvent,
}: {
  instructions: SftInstructionSource;
  /** The output, JSONL or `.parquet`; `sftPaths` names its side files. */
  out: string;
  shownAs?: string;
  format: SftOutputFormat;
  /** A spec, an AI SDK model object, or a resolved model. */
  model: ModelInput;
  config: Config;
  concurrency?: number;
  /** Target of the instructions that state none (`--words`); else `write.defaultWords`. */
  words?: number;
  /** Fewest words an answer may have; `minWordsRatio` × its target when not given. */
  minWords?: number;
  /** The length gate's floor unless given. */
  minWordsRatio?: number;
  /** Whole-text rep-4 that makes an answer degenerate; `config.repetition.maxRep4` unless given. */
  maxRep4?: number;
  filters?: ReadonlySet<SftFilter>;
  /** Add the model's thinking to each record (see `formatSftRecord`). */
  thinking?: boolean;
  keepRuns?: boolean;
  /** `--split`: the share of records for the training file, between 0 and 1. */
  trainShare?: number;
  /** Seed of the split. */
  seed?: number;
  abortSignal?: AbortSignal;
  clock?: Clock;
  /** Who answers an instruction: `runSftItem` here, or a queue worker (`--queue`). */
  runItem?: typeof runSftItem;
  /**
   * Write the lines in the order the instructions start (the order of a local run with one in
   * flight) instead of as they finish: for many items in flight, where finishing order is noise.
   */
  inOrder?: boolean;
  onEvent?: (event: SftEvent) => void;
}): Promise<SftRunResult> {
  const model = resolveModelInput({ model: given });
  const started = clock.now();
  const screened =
    maxRep4 === undefined ? config : { ...config, repetition: { ...config.repetition, maxRep4 } };
  const runConfig = thinkNotesConfig(format === 'dpo' ? preferenceConfig(screened) : screened);
  const paths = sftPaths(out);
  const previous = await readSftOutput({ paths, format, shownAs });
  const isDone = (id: string) => previous.written.has(id) || previous.rejected.has(id);
  const total = instructions.ids.size;
  let skipped = 0;
  for (const id of instructions.ids) if (isDone(id)) skipped++;
  if (!keepRuns) {
    // A kill between writing an item's line and removing its run directory leaves the directory.
    const left = await readdir(paths.runs).catch(() => [] as string[]);
    await Promise.all(
      left.filter(isDone).map((id) => rm(join(paths.runs, id), { recursive: true, force: true })),
    );
  }
  onEvent?.({ type: 'batch-start', total, skipped });
  const pending = orderSftItems({
    instructions: (async function* () {
      for await (const instruction of instructions.read()) {
        if (!isDone(instruction.id)) yield instruction;
      }
    })(),
    config,
    words,
  });

  const output = await openSftOutput({ paths });
  const session: SftRunResult['session'] = {
    written: 0,
    rejected: 0,
    tokens: { input: 0, output: 0, cached: 0 },
    calls: 0,
    elapsedSeconds: 0,
  };
  const written = new Map(previous.written);
  const rejected = new Map(previous.rejected);
  let previousTurn = Promise.resolve();
  let outcome: Awaited<ReturnType<typeof runBatch<SftItem, void>>>;
  try {
    outcome = await runBatch({
      items: pending,
      concurrency,
      abortSignal,
      onStart: ({ instruction }) => onEvent?.({ type: 'item-start', instruction }),
      onFailure: ({ item, failure }) =>
        onEvent?.({ type: 'item-failed', instruction: item.instruction, failure }),
      runItem: async ({ item: { instruction, task, targetSource }, abortSignal: signal }) => {
        const runDirectory = join(paths.runs, instruction.id);
        // The item's turn to write comes once the item started before it has written or failed.
        const turn = previousTurn;
        let passTurn = () => {};
        if (inOrder) previousTurn = new Promise((resolve) => (passTurn = resolve));
        try {
          const result = await runItem({
            instruction,
            task,
            targetSource,
            format,
            model,
            config: runConfig,
            runDirectory,
            minWords: minWords ?? Math.ceil(minWordsRatio * task.words - 1e-9),
            filters,
            thinking,
            abortSignal: signal,
            onRunEvent: (event) => onEvent?.({ type: 'run-event', instruction, event }),
          });
          await turn;
          await output.write(result);
          if (result.kind === 'written') {
            written.set(instruction.id, result.metadata);
            session.written++;
          } else {
            rejected.set(instruction.id, {
              reasons: result.record.reasons,
              metadata: result.metadata,
            });
            session.rejected++;
          }
          const { tokens, calls } = result.metadata;
          session.tokens.input += tokens.input;
          session.tokens.output += tokens.output;
          session.tokens.cached += tokens.cached;
          session.calls += calls;
          if (!keepRuns) await rm(runDirectory, { recursive: true, force: true });
          onEvent?.({
            type: 'item-end',
            instruction,
            outcome: result.kind,
            metadata: result.metadata,
            reasons: result.kind === 'rejected' ? result.record.reasons : [],
          });
        } finally {
          await turn;
          passTurn();
        }
      },
    });
  } finally {
    await output.close();
    // Left only while some instruction is unfinished (failed or interrupted) or kept.
    if (!keepRuns) await rmdir(paths.runs).catch(() => {});
  }
  const exported = await exportSftRecords({ paths, trainShare, seed });
  session.elapsedSeconds = (clock.now() - started) / 1000;
  const pick = <T>(map: Map<string, T>) =>
    [...map].flatMap(([id, value]) => (instructions.ids.has(id) ? [value] : []));
  return {
    total,
    skipped,
    written: pick(written),
    rejected: pick(rejected).map(({ metadata, reasons }) => ({ metadata, reasons })),
    failures: outcome.failures,
    interrupted: outcome.interrupted,
    exported,
    session,
  };
}
