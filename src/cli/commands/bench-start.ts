import type { BenchMode } from '../../bench/bench-mode.js';
import type { BenchManifest } from '../../bench/open-bench-folder.js';
import type { Config } from '../../config/config-schema.js';
import type { Judge } from '../../evaluators/judge.js';
import type { ResolvedModel } from '../../model/resolve-model.js';
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
 * The shared start of `quire bench …`, once its inputs are checked: the model, the judge
 * (unless the suite does without one, which is said when a judge was configured), the
 * results folder opened and locked, and the simulated model announced.
 */
export async function startBench({
  benchmark,
  config,
  mode,
  data,
  out,
  usesJudge,
  withoutJudgeNote,
  io,
  abortSignal,
}: {
  benchmark: BenchManifest['benchmark'];
  config: Config;
  mode: BenchMode;
  data: string;
  /** `--out` as given. */
  out: string | undefined;
  usesJudge: boolean;
  /** What the suite does instead of judging, for the note, e.g. "does not score quality". */
  withoutJudgeNote: string;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<{
  model: ResolvedModel;
  judge: Judge | undefined;
  outDir: string;
  folder: BenchFolder;
}> {
  const model = prepareModel(config);
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
    manifest: { benchmark, mode, model: model.spec, judge: judge?.name ?? null, data },
  });
  announceModel({ model, io });
  const folder: BenchFolder = {
    release: () => lock.release(),
    abandon: async (error) => {
      if (fresh && isAuthenticationFailure(error)) await lock.discard();
    },
  };
  return { model, judge, outDir, folder };
}
