import { basename } from 'node:path';
import { UsageError } from '../../errors/usage-error.js';
import type { CallSettings } from '../../model/call-settings.js';
import { UsageMeter, type UsageTotals } from '../../model/usage-meter.js';
import { type Clock, systemClock } from '../../util/clock.js';
import { version } from '../../version.js';
import { runCodeStep } from '../agent/run-code-step.js';
import { runCap } from '../agent/step-cap.js';
import { checkWorkspace } from '../checks/check-workspace.js';
import { type CodeSettings, type CodeSettingsInput, CodeSettingsSchema } from '../code-settings.js';
import type { CodeInstruction, CodePlan } from '../plan/code-plan.js';
import { openSandbox } from '../sandbox/open-sandbox.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { CodeRunEvent, CodeRunEventSink } from './code-run-event.js';
import type { CodeRunRecord } from './code-run-record.js';
import { buildCodeRunReport, type CodeRunReport } from './code-run-report.js';
import type { CodeRunStore } from './code-run-store.js';
import { prepareCodePlan } from './prepare-code-plan.js';

/** How a code run ended. `incomplete` runs name their unmet requirements in the report. */
export interface RunCodeResult {
  status: 'completed' | 'incomplete';
  plan: CodePlan;
  report: CodeRunReport;
  usage: UsageTotals;
  resumed: boolean;
}

/**
 * Runs a code task end to end in a run directory: the plan (or the saved one), then each step
 * not yet passed, in order, each in a fresh bounded context with the file tools; then the whole
 * workspace is checked and `report.json` written. A cap ends a step as a recorded failure and the
 * run goes on; steps beyond the run's step or token cap are recorded as skipped. A directory that
 * already holds a run is resumed: passed steps and the workspace are kept, and steps that failed
 * or were skipped in an earlier session are tried again. A model error or an abort stops the
 * run, with `run.json` and the journal saying so, and propagates.
 */
export async function runCode({
  spec,
  specFile,
  call,
  model,
  store,
  settings: settingsInput = {},
  sandbox,
  clock = systemClock,
  onEvent = () => {},
}: {
  spec: string;
  specFile?: string;
  /** The model and the call wrapper's settings; the run keeps its own usage meter. */
  call: Omit<CallSettings, 'meter'>;
  /** How the model is named in `run.json`. */
  model: { spec: string; modelId: string; simulated: boolean };
  store: CodeRunStore;
  settings?: CodeSettingsInput;
  /**
   * Where generated code runs; by default bubblewrap, opened with quire's environment (secrets
   * removed), and `SandboxUnavailableError` when it cannot run here.
   */
  sandbox?: Sandbox;
  clock?: Clock;
  onEvent?: CodeRunEventSink;
}): Promise<RunCodeResult> {
  const settings: CodeSettings = CodeSettingsSchema.parse(settingsInput);
  const codeSandbox = sandbox ?? (await openSandbox());
  const previous = await store.readRun();
  if (previous && previous.task.prompt.trim() !== spec.trim()) {
    throw new UsageError(
      `${store.runDir} holds a run of a different specification: resume it without a spec, or choose another --out.`,
    );
  }
  const meter = new UsageMeter(previous?.usage ?? {});
  const modelCall: CallSettings = { ...call, meter };
  const now = () => new Date(clock.now()).toISOString();
  const knownSpecFile = specFile ?? previous?.task.specFile;
  let record: CodeRunRecord = {
    version: 1,
    quireVersion: version,
    id: basename(store.runDir),
    createdAt: previous?.createdAt ?? now(),
    updatedAt: now(),
    status: 'running',
    task: {
      kind: 'code',
      prompt: spec,
      ...(knownSpecFile !== undefined && { specFile: knownSpecFile }),
    },
    model,
    config: settings,
    stepsRun: previous?.stepsRun ?? 0,
    usage: meter.totals(),
  };
  const save = async (changes: Partial<CodeRunRecord>) => {
    record = { ...record, ...changes, usage: meter.totals(), updatedAt: now() };
    await store.writeRun(record);
  };
  // Events reach the caller at once and the journal in order; the journal is awaited at
  // checkpoints so a failed disk write stops the run.
  let journal = Promise.resolve();
  const emit = (event: CodeRunEvent) => {
    onEvent(event);
    journal = journal.then(() => store.appendEvent(event));
  };

  await save({ error: undefined });
  emit({
    type: 'run-start',
    runDir: store.runDir,
    resumed: previous !== undefined,
    model: model.spec,
  });
  try {
    const workspace = await openWorkspace({ root: store.workspaceDir });
    let plan = await prepareCodePlan({ store, workspace, spec, call: modelCall, settings, emit });
    const update = async (index: number, changes: Partial<CodeInstruction>) => {
      plan = {
        ...plan,
        instructions: plan.instructions.map((each, at) =>
          at === index ? { ...each, ...changes } : each,
        ),
      };
      await store.writePlan(plan);
    };
    let previousSummary = plan.instructions.findLast((each) => each.summary !== undefined)?.summary;
    for (const [index, instruction] of plan.instructions.entries()) {
      if (instruction.status === 'passed') continue;
      const totals = meter.totals();
      const spentTokens = totals.inputTokens + totals.outputTokens;
      const cap = runCap({ stepsRun: record.stepsRun, spentTokens, settings });
      if (cap !== undefined) {
        await update(index, { status: 'skipped', failure: cap });
        emit({
          type: 'step-end',
          stepId: instruction.id,
          status: 'skipped',
          ...cap,
          turns: 0,
          restarts: 0,
          tokens: 0,
        });
        continue;
      }
      await update(index, { status: 'running', attempts: instruction.attempts + 1 });
      const stepCount = plan.instructions.length;
      emit({
        type: 'step-start',
        stepId: instruction.id,
        title: instruction.title,
        stepNumber: index + 1,
        stepCount,
        attempt: instruction.attempts + 1,
      });
      const result = await runCodeStep({
        call: modelCall,
        workspace,
        spec,
        instruction,
        stepNumber: index + 1,
        stepCount,
        previousSummary,
        settings,
        runTokensLeft:
          settings.maxTokens === undefined ? undefined : settings.maxTokens - spentTokens,
        sandbox: codeSandbox,
        onEvent: emit,
      });
      previousSummary = result.summary;
      await update(index, {
        status: result.status,
        summary: result.summary,
        failure:
          result.status === 'failed'
            ? { reason: result.reason, message: result.message }
            : undefined,
      });
      emit({
        type: 'step-end',
        stepId: instruction.id,
        status: result.status,
        reason: result.reason,
        message: result.message,
        turns: result.turns,
        restarts: result.restarts,
        tokens: result.usage.inputTokens + result.usage.outputTokens,
      });
      emit({ type: 'usage', totals: meter.totals() });
      await save({ stepsRun: record.stepsRun + 1 });
      await journal;
    }

    const final = await checkWorkspace({
      sandbox: codeSandbox,
      workspace,
      limits: {
        timeoutMs: settings.testTimeoutMs,
        memoryLimitMb: settings.memoryLimitMb,
        diskQuotaMb: settings.diskQuotaMb,
      },
      abortSignal: call.abortSignal,
    });
    const report = buildCodeRunReport({
      plan,
      tests: final.tests,
      syntaxErrors: final.syntaxErrors,
      usage: meter.totals(),
    });
    await store.writeReport(report);
    await save({ status: report.status });
    emit({
      type: 'run-end',
      status: report.status,
      unmetRequirements: report.requirements.unmet,
      totalRequirements: report.requirements.total,
    });
    await journal;
    return {
      status: report.status,
      plan,
      report,
      usage: meter.totals(),
      resumed: previous !== undefined,
    };
  } catch (error) {
    const status = call.abortSignal?.aborted === true ? 'interrupted' : 'failed';
    const message = error instanceof Error ? error.message : String(error);
    emit({
      type: 'run-error',
      status,
      code: (error as { code?: unknown }).code?.toString() ?? 'unexpected',
      message,
    });
    await journal.catch(() => {});
    await save({ status, error: message });
    throw error;
  }
}
