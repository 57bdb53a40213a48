import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { CodeSettings } from '../../code/code-settings.js';
import type { CodeRunRecord } from '../../code/run/code-run-record.js';
import { formatCodeRunEvent } from '../../code/run/format-code-run-event.js';
import { openCodeRunStore } from '../../code/run/open-code-run-store.js';
import { type RunCodeResult, runCode } from '../../code/run/run-code.js';
import type { Sandbox } from '../../code/sandbox/sandbox.js';
import { callPassthrough } from '../../config/call-passthrough.js';
import type { Config } from '../../config/config-schema.js';
import { CodeRunIncompleteError } from '../../errors/code-run-incomplete-error.js';
import { InterruptedError } from '../../errors/interrupted-error.js';
import { ContextWindow } from '../../model/context/context-window.js';
import { formatTokens } from '../../model/context/format-tokens.js';
import { resolveContextWindow } from '../../model/context/resolve-context-window.js';
import { widenWindowAdvice } from '../../model/context/server-kind.js';
import { type ResolvedModel, resolveModel } from '../../model/resolve-model.js';
import { thinkingAllowance } from '../../model/thinking-allowance.js';
import { counterForModel } from '../../model/tokens/counter-for-model.js';
import { createRunDirectory } from '../../store/create-run-directory.js';
import { lockRunDirectory, type RunDirectoryLock } from '../../store/lock-run-directory.js';
import { readRunJson, readRunKind } from '../../store/run-store.js';
import { verifyRunFiles } from '../../store/verify-run-files.js';
import { checkRequestSize } from '../../task/check-request-size.js';
import type { CliIo } from '../cli-io.js';
import { type CommonOptions, loadCommandConfig } from '../command-config.js';
import { estimateNote } from '../estimate-note.js';
import { isAuthenticationFailure } from '../is-authentication-failure.js';
import { openCodeSandbox } from '../open-code-sandbox.js';
import { runAppeared } from './write-existing-run.js';

/** Room kept for a step's reply when `code.maxOutputTokens` does not set it. */
const codeReplyTokens = 4_096;

/** The flags of `quire code`, as commander parses them. */
export interface CodeOptions extends CommonOptions {
  task?: string;
  out?: string;
  maxSteps?: number;
  maxTurns?: number;
  maxStepTokens?: number;
  conversationTokens?: number;
  maxRestarts?: number;
  repeatLimit?: number;
  testTimeout?: number;
  memoryLimit?: number;
  diskQuota?: number;
  temperature?: number;
  allowUnconfined?: boolean;
}

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
  const config = await loadCommandConfig({
    options,
    io,
    base: record ? { model: record.model.spec, code: record.config } : {},
    flags: {
      code: {
        maxSteps: options.maxSteps,
        maxTurns: options.maxTurns,
        maxStepTokens: options.maxStepTokens,
        conversationTokens: options.conversationTokens,
        maxRestarts: options.maxRestarts,
        repeatLimit: options.repeatLimit,
        testTimeoutMs: options.testTimeout,
        memoryLimitMb: options.memoryLimit,
        diskQuotaMb: options.diskQuota,
        temperature: options.temperature,
      },
    },
  });
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
  const thinkingTokens = thinkingAllowance({
    modelId: resolved.modelId,
    configured: config.thinkingTokens,
    reasons: resolved.reasons,
  });
  // A step's conversation and its reply, thinking included, must fit the model's window together.
  const replyRoom = (config.code.maxOutputTokens ?? codeReplyTokens) + thinkingTokens;
  const fitting = Math.max(0, window.budget() - replyRoom);
  const settings: CodeSettings = {
    ...config.code,
    conversationTokens: Math.min(config.code.conversationTokens, fitting),
    maxTokens: config.code.maxTokens ?? config.maxTokens,
  };
  const capped = settings.conversationTokens < config.code.conversationTokens;
  checkRequestSize({
    request: spec,
    contextTokens: settings.conversationTokens,
    setting: 'code.conversationTokens',
    what: 'specification',
    ...(capped
      ? {
          limitName: `a step's conversation (${formatTokens(settings.conversationTokens)} tokens in the model's ${formatTokens(window.state.tokens)}-token context window)`,
          fix: `${widenWindowAdvice({
            server: window.state.server,
            // Twice the specification, and the reply with its thinking, at the share of the
            // window quire fills.
            tokens:
              Math.ceil(
                ((2 * window.counter.count(spec) + replyRoom) *
                  (window.state.tokens / window.budget())) /
                  1024,
              ) * 1024,
          })}${thinkingTokens > 0 ? `, or lower "thinkingTokens" for ${resolved.modelId} in quire.config.json` : ''}`,
        }
      : {}),
  });
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
      thinkingTokens,
      config,
      settings,
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

/** Opens the locked run directory, runs (or resumes) the build, and reports its outcome. */
async function buildCode({
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
  printOutcome({ io, json, runDir, result });
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

/** A new run the provider refused for its credentials before any plan: nothing to resume. */
async function isUnusedAfterAuthFailure({
  runDir,
  error,
}: {
  runDir: string;
  error: unknown;
}): Promise<boolean> {
  if (!isAuthenticationFailure(error)) return false;
  const plan = await readRunJson({ directory: runDir, name: 'plan.json', schema: z.unknown() });
  return plan === undefined;
}

function printOutcome({
  io,
  json,
  runDir,
  result,
}: {
  io: CliIo;
  json: boolean;
  runDir: string;
  result: RunCodeResult;
}): void {
  const { report, usage } = result;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ type: 'result', status: report.status, directory: runDir, summary: report.summary, requirements: { total: report.requirements.total, met: report.requirements.met, unmet: report.requirements.items.filter((item) => item.status === 'unmet').map((item) => item.text) }, usage })}\n`,
    );
    return;
  }
  const unmet = report.requirements.items.filter((item) => item.status === 'unmet');
  io.stdout.write(
    [
      `${report.status === 'completed' ? 'Built' : 'Partly built'} ${join(runDir, 'workspace')}`,
      `  ${report.summary}`,
      ...unmet.slice(0, 10).map((item) => `  unmet: ${item.text}`),
      ...(unmet.length > 10 ? [`  … and ${unmet.length - 10} more unmet`] : []),
      `  ${usage.inputTokens} tokens in, ${usage.outputTokens} out${estimateNote(usage)}, ${usage.calls} calls`,
      `  Report: ${join(runDir, 'report.json')}`,
      '',
    ].join('\n'),
  );
}
