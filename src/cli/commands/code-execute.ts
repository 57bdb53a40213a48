import { resolve } from 'node:path';
import type { CodeRunRecord } from '../../code/run/code-run-record.js';
import { ContextWindow } from '../../model/context/context-window.js';
import { resolveContextWindow } from '../../model/context/resolve-context-window.js';
import { resolveModel } from '../../model/resolve-model.js';
import { counterForModel } from '../../model/tokens/counter-for-model.js';
import { createRunDirectory } from '../../store/create-run-directory.js';
import { lockRunDirectory, type RunDirectoryLock } from '../../store/lock-run-directory.js';
import { readRunKind } from '../../store/run-store.js';
import { verifyRunFiles } from '../../store/verify-run-files.js';
import type { CliIo } from '../cli-io.js';
import { openCodeSandbox } from '../open-code-sandbox.js';
import { buildCode } from './code-execute/build-code.js';
import { checkSpecFits } from './code-execute/check-spec-fits.js';
import { fitCodeSettings } from './code-execute/fit-code-settings.js';
import { isUnusedAfterAuthFailure } from './code-execute/is-unused-after-auth-failure.js';
import { loadCodeConfig } from './code-execute/load-code-config.js';
import type { CodeOptions } from './code-options.js';
import { runAppeared } from './write-existing-run.js';

/**
 * Runs (or resumes) a code run for `quire code`, in `directory` or, when that is undefined, in a
 * new `<outDir>/<time>-<slug>` folder; it prints progress lines on
 * stderr (NDJSON events on stdout with `--json`) and the outcome on stdout. A resumed run keeps
 * its recorded model and settings unless flags override them. Throws `CodeRunIncompleteError`
 * when requirements are unmet, `InterruptedError` on Ctrl-C; both leave a resumable run.
 * `quire resume` can call it for a run whose `run.json` has `task.kind` `code`.
 */
export async function executeCodeRun({
  directory,
  lock,
  spec,
  specFile,
  record,
  options,
  io,
  abortSignal,
}: {
  directory: string | undefined;
  /** The run's lock when the caller holds it (`quire resume`); otherwise it is taken here. */
  lock?: RunDirectoryLock;
  spec: string;
  specFile?: string;
  /** The run's `run.json` when resuming. */
  record: CodeRunRecord | undefined;
  options: CodeOptions;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<void> {
  const config = await loadCodeConfig({ options, io, record });
  // The model first: an unknown model or a missing key is an input error, which must leave
  // nothing behind, not even an empty run directory.
  const resolved = resolveModel({
    spec: config.model.spec,
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    env: io.env,
  });
  const window = new ContextWindow({
    state: await resolveContextWindow({
      contextTokens: config.model.contextTokens,
      model: resolved,
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
    }),
    counter: await counterForModel(resolved),
  });
  const fitted = fitCodeSettings({ config, window, model: resolved });
  checkSpecFits({ spec, config, fitted, window, modelId: resolved.modelId });
  const sandbox = await openCodeSandbox({ io, allowUnconfined: options.allowUnconfined === true });
  const runDir =
    directory ??
    (await createRunDirectory({ outDir: resolve(io.cwd, config.outDir), request: spec }));
  const held =
    lock ??
    (await lockRunDirectory({
      directory: runDir,
      shownAs: options.out,
      create: true,
      createdByCaller: directory === undefined,
    }));
  try {
    // Checked under the lock: another quire may have started a run there meanwhile.
    if (record === undefined && (await readRunKind(runDir)) !== undefined) {
      throw runAppeared(options.out ?? runDir);
    }
    await verifyRunFiles(runDir);
    await buildCode({
      runDir,
      spec,
      specFile,
      resolved,
      window,
      thinkingTokens: fitted.thinkingTokens,
      config,
      settings: fitted.settings,
      sandbox,
      options,
      io,
      abortSignal,
    });
  } catch (error) {
    if (record === undefined && (await isUnusedAfterAuthFailure({ runDir, error }))) {
      await held.discard();
    }
    throw error;
  } finally {
    if (lock === undefined) await held.release();
  }
}
