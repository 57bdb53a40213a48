import type { z } from 'zod';
import type { ReceivedToolCall } from '../../model/call-tools.js';
import type { TestLimits } from '../checks/run-step-checks.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  DeleteFilesInput,
  ListFilesInput,
  ReadFilesInput,
  RunTestsInput,
  StepCompleteInput,
  WriteFilesInput,
} from './code-tool-inputs.js';
import { deleteFilesTool } from './delete-files-tool.js';
import { listFilesTool } from './list-files-tool.js';
import { readFilesTool } from './read-files-tool.js';
import { runTestsTool } from './run-tests-tool.js';
import { stepCompleteTool } from './step-complete-tool.js';
import { type ToolOutcome, toolOutcome } from './tool-outcome.js';
import { writeFilesTool } from './write-files-tool.js';

/** What a tool call may touch and the limits it runs under. */
export interface CodeToolContext {
  /** Where `run_tests` and `step_complete` run generated code. */
  sandbox: Sandbox;
  workspace: Workspace;
  limits: TestLimits & { readLimitChars: number; maxFileChars: number };
  /** Files written so far in the step, which `step_complete` checks. */
  writtenPaths: readonly string[];
  requireTests: boolean;
  abortSignal?: AbortSignal;
}

/**
 * Runs one tool call of a code step. A call the model got wrong (unknown tool, input not
 * matching the schema, a path outside the workspace) becomes an error result the model reads;
 * only an abort or a broken workspace folder throws.
 */
export async function executeCodeTool({
  call,
  context,
}: {
  call: ReceivedToolCall;
  context: CodeToolContext;
}): Promise<ToolOutcome> {
  if (call.error !== undefined) return toolOutcome(`Call refused: ${call.error}.`, true);
  const { sandbox, workspace, limits, abortSignal } = context;
  const testLimits: TestLimits = {
    timeoutMs: limits.timeoutMs,
    memoryLimitMb: limits.memoryLimitMb,
    diskQuotaMb: limits.diskQuotaMb,
  };
  // The SDK validated the input already; parsing again narrows the type and guards callers
  // that bypass it.
  const withInput = async <T>(
    schema: z.ZodType<T>,
    run: (input: T) => Promise<ToolOutcome>,
  ): Promise<ToolOutcome> => {
    const parsed = schema.safeParse(call.input);
    if (parsed.success) return run(parsed.data);
    const issue = parsed.error.issues[0];
    return toolOutcome(
      `Call refused: the input of ${call.toolName} does not match its schema: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`,
      true,
    );
  };
  switch (call.toolName) {
    case 'list_files':
      return withInput(ListFilesInput, (input) => listFilesTool({ workspace, input }));
    case 'read_files':
      return withInput(ReadFilesInput, (input) =>
        readFilesTool({ workspace, input, limitChars: limits.readLimitChars }),
      );
    case 'write_files':
      return withInput(WriteFilesInput, (input) =>
        writeFilesTool({ workspace, input, maxFileChars: limits.maxFileChars }),
      );
    case 'delete_files':
      return withInput(DeleteFilesInput, (input) => deleteFilesTool({ workspace, input }));
    case 'run_tests':
      return withInput(RunTestsInput, (input) =>
        runTestsTool({ sandbox, workspace, input, limits: testLimits, abortSignal }),
      );
    case 'step_complete':
      return withInput(StepCompleteInput, (input) =>
        stepCompleteTool({
          sandbox,
          workspace,
          input,
          writtenPaths: context.writtenPaths,
          requireTests: context.requireTests,
          limits: testLimits,
          abortSignal,
        }),
      );
    default:
      return toolOutcome(`Call refused: there is no tool named "${call.toolName}".`, true);
  }
}
