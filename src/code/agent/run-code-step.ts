import type { ModelMessage, ToolResultPart } from 'ai';
import type { CallSettings } from '../../model/call-settings.js';
import { callTools } from '../../model/call-tools.js';
import { addUsage, emptyUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { estimateTokens } from '../../util/estimate-tokens.js';
import type { StepCheckResult } from '../checks/run-step-checks.js';
import type { CodeSettings } from '../code-settings.js';
import type { CodeInstruction } from '../plan/code-plan.js';
import type { CodeRunEventSink } from '../run/code-run-event.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { codeTools } from '../tools/code-tools.js';
import { executeCodeTool } from '../tools/execute-code-tool.js';
import { describeWorkspaceFiles } from '../workspace/describe-workspace-files.js';
import type { Workspace } from '../workspace/workspace.js';
import { buildStepPrompt } from './build-step-prompt.js';
import type { CodeStepResult, StepEndReason } from './code-step-result.js';
import {
  initialLoopGuardState,
  observeToolCall,
  temperatureFor,
  toolCallSignature,
} from './loop-guard.js';
import { stepCap } from './step-cap.js';
import { summariseStep } from './summarise-step.js';

/**
 * Runs one step of a code plan: a tool-using conversation in a bounded context that ends when
 * `step_complete` passes its checks, or as a recorded failure when a cap is hit (turns, tokens
 * of the step or run, restarts, a repeated call). When the conversation outgrows
 * `conversationTokens`, it is summarised and the step restarts from the note. Model errors and
 * aborts propagate; everything the model gets wrong becomes a tool result it reads.
 */
export async function runCodeStep({
  call,
  workspace,
  spec,
  instruction,
  stepNumber,
  stepCount,
  previousSummary,
  settings,
  runTokensLeft,
  sandbox,
  onEvent = () => {},
}: {
  call: CallSettings;
  workspace: Workspace;
  spec: string;
  instruction: CodeInstruction;
  stepNumber: number;
  stepCount: number;
  previousSummary: string | undefined;
  settings: CodeSettings;
  /** Tokens the run may still spend; undefined for no run limit. */
  runTokensLeft: number | undefined;
  /** Where generated code runs. */
  sandbox: Sandbox;
  onEvent?: CodeRunEventSink;
}): Promise<CodeStepResult> {
  const stepId = instruction.id;
  let system = '';
  const start = async (progress: string | undefined): Promise<ModelMessage[]> => {
    const opening = await buildStepPrompt({
      spec,
      instruction,
      stepNumber,
      stepCount,
      files: await describeWorkspaceFiles({ workspace }),
      previousSummary,
      progress,
      readLimitChars: settings.readLimitChars,
      testTimeoutMs: settings.testTimeoutMs,
      // Half the budget for the opening leaves the other half for the work itself.
      budgetTokens: Math.floor(settings.conversationTokens / 2),
    });
    system = opening.system;
    return [{ role: 'user', content: opening.prompt }];
  };
  let messages = await start(undefined);
  let usage = emptyUsage;
  let turns = 0;
  let restarts = 0;
  let guard = initialLoopGuardState;
  let lastChecks: StepCheckResult | undefined;
  const written = new Set<string>();
  const deleted = new Set<string>();
  const end = (
    status: 'passed' | 'failed',
    reason: StepEndReason,
    message: string,
    summary?: string,
  ): CodeStepResult => ({
    status,
    reason,
    message,
    summary: summary ?? failureSummary({ message, written: [...written], lastChecks }),
    turns,
    restarts,
    nudges: guard.nudges,
    usage,
    written: [...written],
    deleted: [...deleted],
    lastChecks,
  });
  const nudge = async (name: string, variables: Record<string, string | number>) =>
    (await renderPrompt({ name, variables })).prompt;

  for (;;) {
    const cap = stepCap({
      turns,
      spentTokens: usage.inputTokens + usage.outputTokens,
      runTokensLeft,
      settings,
    });
    if (cap !== undefined) return end('failed', cap.reason, cap.message);
    const estimated = estimateTokens(system) + estimateTokens(JSON.stringify(messages));
    if (estimated > settings.conversationTokens) {
      if (restarts >= settings.maxRestarts) {
        return end(
          'failed',
          'maxRestarts',
          `the conversation outgrew ${settings.conversationTokens} tokens after ${restarts} restart(s)`,
        );
      }
      const note = await summariseStep({
        call,
        instruction,
        messages,
        maxChars: settings.conversationTokens * 2,
      });
      usage = addUsage(usage, note.usage);
      restarts++;
      onEvent({ type: 'step-restart', stepId, restarts, estimatedTokens: estimated });
      messages = await start(note.summary);
      continue;
    }
    const temperature = temperatureFor({ base: settings.temperature, nudges: guard.nudges });
    const turn = await callTools({
      ...call,
      system,
      messages,
      tools: codeTools,
      temperature,
      maxOutputTokens: settings.maxOutputTokens,
    });
    turns++;
    usage = addUsage(usage, turn.usage);
    messages.push(turn.assistantMessage);

    if (turn.toolCalls.length === 0) {
      const observed = observeToolCall({
        state: guard,
        signature: '(text)',
        repeatLimit: settings.repeatLimit,
      });
      guard = observed.state;
      if (observed.action === 'stop')
        return end('failed', 'repeatedCalls', 'the model kept answering without calling a tool');
      messages.push({ role: 'user', content: await nudge('code-nudge-no-tool-call', {}) });
      continue;
    }
    const results: ToolResultPart[] = [];
    for (const toolCall of turn.toolCalls) {
      const observed = observeToolCall({
        state: guard,
        signature: toolCallSignature(toolCall),
        repeatLimit: settings.repeatLimit,
      });
      guard = observed.state;
      if (observed.action === 'stop') {
        return end(
          'failed',
          'repeatedCalls',
          `the model called ${toolCall.toolName} with the same input ${observed.state.repeats} times in a row`,
        );
      }
      const outcome = await executeCodeTool({
        call: toolCall,
        context: {
          sandbox,
          workspace,
          limits: {
            timeoutMs: settings.testTimeoutMs,
            memoryLimitMb: settings.memoryLimitMb,
            diskQuotaMb: settings.diskQuotaMb,
            readLimitChars: settings.readLimitChars,
            maxFileChars: settings.maxFileChars,
          },
          writtenPaths: [...written],
          requireTests: instruction.requiresTests,
          abortSignal: call.abortSignal,
        },
      });
      for (const path of outcome.written) written.add(path);
      for (const path of outcome.deleted) {
        written.delete(path);
        deleted.add(path);
      }
      onEvent({
        type: 'tool-call',
        stepId,
        turn: turns,
        toolName: toolCall.toolName,
        ok: !outcome.isError,
        paths: [...outcome.written, ...outcome.deleted, ...outcome.read],
      });
      if (outcome.completion) {
        lastChecks = outcome.completion.checks;
        onEvent({
          type: 'check-end',
          stepId,
          passed: outcome.completion.passed,
          findings: lastChecks.findings.length,
          tests: lastChecks.tests?.totals,
        });
        if (outcome.completion.passed)
          return end(
            'passed',
            'completed',
            'step_complete passed its checks',
            outcome.completion.summary,
          );
      }
      let output = outcome.output;
      if (observed.action === 'nudge') {
        const temperature = temperatureFor({ base: settings.temperature, nudges: guard.nudges });
        onEvent({
          type: 'loop-nudge',
          stepId,
          toolName: toolCall.toolName,
          repeats: guard.repeats,
          temperature,
        });
        output += `\n\n${await nudge('code-nudge-repeated', { toolName: toolCall.toolName, count: guard.repeats })}`;
      }
      results.push({
        type: 'tool-result',
        toolCallId: toolCall.toolCallId,
        toolName: toolCall.toolName,
        output: outcome.isError
          ? { type: 'error-text', value: output }
          : { type: 'text', value: output },
      });
    }
    messages.push({ role: 'tool', content: results });
  }
}

function failureSummary({
  message,
  written,
  lastChecks,
}: {
  message: string;
  written: string[];
  lastChecks: StepCheckResult | undefined;
}): string {
  const parts = [`This step did not finish: ${message}.`];
  parts.push(written.length > 0 ? `It wrote ${written.join(', ')}.` : 'It wrote no files.');
  const errors = lastChecks?.findings.filter((finding) => finding.severity === 'error') ?? [];
  if (errors.length > 0)
    parts.push(
      `Its last checks failed: ${errors
        .slice(0, 3)
        .map((finding) => finding.message)
        .join('; ')}.`,
    );
  return parts.join(' ');
}
