import { join } from 'node:path';
import type { CodeSettings } from '../../../code/code-settings.js';
import { formatCodeRunEvent } from '../../../code/run/format-code-run-event.js';
import { openCodeRunStore } from '../../../code/run/open-code-run-store.js';
import { type RunCodeResult, runCode } from '../../../code/run/run-code.js';
import type { Sandbox } from '../../../code/sandbox/sandbox.js';
import { callPassthrough } from '../../../config/call-passthrough.js';
import type { Config } from '../../../config/config-schema.js';
import { CodeRunIncompleteError } from '../../../errors/code-run-incomplete-error.js';
import { InterruptedError } from '../../../errors/interrupted-error.js';
import type { ContextWindow } from '../../../model/context/context-window.js';
import type { ResolvedModel } from '../../../model/resolve-model.js';
import type { CliIo } from '../../cli-io.js';
import type { CodeOptions } from '../code-options.js';
import { printCodeOutcome } from './print-code-outcome.js';

/** Opens the locked run directory, runs (or resumes) the build, and reports its outcome. */
export async function buildCode({
  runDir,
  spec,
  specFile,
  resolved,
  window,
  thinkingTokens,
  config,
  settings,
  sandbox,
  options,
  io,
  abortSignal,
}: {
  runDir: string;
  spec: string;
  specFile: string | undefined;
  resolved: ResolvedModel;
  /** The model's context window every call is fitted to. */
  window: ContextWindow;
  /** Tokens of thinking allowed per call beside the reply. */
  thinkingTokens: number;
  config: Config;
  settings: CodeSettings;
  sandbox: Sandbox;
  options: CodeOptions;
  io: CliIo;
  abortSignal: AbortSignal;
}): Promise<void> {
  const json = options.json === true;
  const store = await openCodeRunStore({ runDir });
  // After the store opens: a run directory that cannot be created is one error line, alone.
  if (resolved.simulated) {
    io.stderr.write(
      'quire: the model is "sim", the built-in simulated model: its tool calls are random placeholder work, not real code, so expect unmet requirements.\n',
    );
  }
  let result: RunCodeResult;
  try {
    result = await runCode({
      spec,
      specFile,
      call: {
        model: resolved.model,
        ...callPassthrough(config),
        abortSignal,
        window,
        thinkingTokens,
      },
      model: { spec: resolved.spec, modelId: resolved.modelId, simulated: resolved.simulated },
      store,
      settings,
      sandbox,
      onEvent: (event) => {
        if (json) io.stdout.write(`${JSON.stringify(event)}\n`);
        else {
          const line = formatCodeRunEvent(event);
          if (line !== undefined) io.stderr.write(`${line}\n`);
        }
      },
    });
  } catch (error) {
    if (abortSignal.aborted) {
      throw new InterruptedError({
        message: `Stopped; passed steps and the workspace are kept in ${runDir}: continue with quire code --out ${runDir}`,
        resumeCommand: `quire code --out ${runDir}`,
      });
    }
    throw error;
  } finally {
    await store.close();
  }
  printCodeOutcome({ io, json, runDir, result });
  const { requirements } = result.report;
  if (result.status !== 'completed') {
    throw new CodeRunIncompleteError({
      message: `The code run is incomplete: ${requirements.unmet} of ${requirements.total} requirement(s) unmet (${result.report.summary}); see ${join(runDir, 'report.json')}, and continue with quire code --out ${runDir}`,
      runDir,
      unmetRequirements: requirements.unmet,
      totalRequirements: requirements.total,
    });
  }
}
