import type { BenchMode } from '../../bench/bench-mode.js';
import type { BenchSource } from '../../bench/bench-source.js';
import type { BenchManifest } from '../../bench/open-bench-folder.js';
import type { Config } from '../../config/config-schema.js';
import type { Judge } from '../../evaluators/judge.js';
import type { CliIo } from '../cli-io.js';
import { createJudge } from '../create-judge.js';
import { isAuthenticationFailure } from '../is-authentication-failure.js';
import { announceModel, prepareModel } from '../prepare-model.js';
import { prepareBenchFolder } from './bench-folder.js';

/** A benchmark's results folder, held by this process until `release`. */
export interface BenchFolder {
  release(): Promise<void>;
  /**
   * Called with the error that ends the benchmark: a folder this session created is removed
   * when the provider refused the credentials, as nothing in it can be resumed.
   */
  abandon(error: unknown): Promise<void>;
}

/**
 * The shared start of `quire bench …`, once its inputs are checked: where the answers come from
 * (the configured model, or a predictions file named `predictions`), the judge (unless the
 * suite does without one, which is said when a judge was configured), the results folder
 * opened and locked, and the simulated model announced.
 */
export async function startBench<Mode extends BenchMode>({
  benchmark,
  config,
  mode,
  predictions,
  headers,
  data,
  out,
  usesJudge,
  withoutJudgeNote,
  io,
  abortSignal,
}: {
  benchmark: BenchManifest['benchmark'];
  config: Config;
  mode: Mode;
  /** With mode `predictions`: the run's name, from the predictions file. */
  predictions?: string;
  /** SGT: how segment headers are read, recorded so a resumed folder keeps one rule. */
  headers?: 'sgt' | 'lenient';
  data: string;
  /** `--out` as given. */
  out: string | undefined;
  usesJudge: boolean;
  /** What the suite does instead of judging, for the note, e.g. "does not score quality". */
  withoutJudgeNote: string;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<{
  source: Extract<BenchSource, { mode: Mode }>;
  judge: Judge | undefined;
  outDir: string;
  folder: BenchFolder;
}> {
  const model = mode === 'predictions' ? undefined : prepareModel({ config, env: io.env });
  // The source of the mode asked for: a model for `direct` and `quire`, a file's name otherwise.
  const source = { mode, model: model ?? { spec: predictions ?? data } } as Extract<
    BenchSource,
    { mode: Mode }
  >;
  if (!usesJudge && config.judge !== undefined) {
    io.stderr.write(`quire: note: ${withoutJudgeNote}; the judge is not used.\n`);
  }
  const judge = usesJudge ? createJudge({ config, io, abortSignal }) : undefined;
  const {
    directory: outDir,
    lock,
    fresh,
  } = await prepareBenchFolder({
    out,
    outDir: config.outDir,
    io,
    manifest: {
      benchmark,
      mode,
      model: source.model.spec,
      judge: judge?.name ?? null,
      data,
      headers,
    },
  });
  if (model) announceModel({ model, io });
  const folder: BenchFolder = {
    release: () => lock.release(),
    abandon: async (error) => {
      if (fresh && isAuthenticationFailure(error)) await lock.discard();
    },
  };
  return { source, judge, outDir, folder };
}
