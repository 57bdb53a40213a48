import type { AssistantModelMessage, ModelMessage, ToolChoice, ToolSet } from 'ai';
import type { CallSettings } from './call-settings.js';
import { runStreamedCall } from './run-streamed-call.js';
import type { AttemptResult, ReceivedToolCall } from './stream-attempt.js';
import type { CallUsage } from './usage-meter.js';

export type { ReceivedToolCall };

/** One model turn with tools: what it said, the calls it made, and its cost. */
export interface CallToolsResult {
  text: string;
  toolCalls: ReceivedToolCall[];
  finishReason: AttemptResult['finishReason'];
  usage: CallUsage;
  /** The assistant message to append to the conversation before the tool results. */
  assistantMessage: AssistantModelMessage;
  attempts: number;
  latencyMs: number;
}

/**
 * Runs one model turn with the given tools through the retry layer and returns the tool calls
 * without executing any: the caller runs the loop, so it can gate completion, count turns and
 * spot repeats. Tools must not carry `execute`; any that do have it stripped. A reply with
 * neither text nor a tool call is retried like any unusable reply.
 */
export async function callTools<TOOLS extends ToolSet>({
  system,
  messages,
  tools,
  toolChoice,
  maxOutputTokens,
  temperature,
  ...settings
}: CallSettings & {
  system?: string;
  messages: ModelMessage[];
  tools: TOOLS;
  toolChoice?: ToolChoice<TOOLS>;
  maxOutputTokens?: number;
  temperature?: number;
}): Promise<CallToolsResult> {
  const inertTools = Object.fromEntries(
    Object.entries(tools).map(([name, definition]) => [
      name,
      { ...definition, execute: undefined },
    ]),
  ) as ToolSet;
  const result = await runStreamedCall({
    settings,
    request: {
      system,
      messages,
      tools: inertTools,
      toolChoice: toolChoice as ToolChoice<ToolSet> | undefined,
      maxOutputTokens,
      temperature,
    },
    read: (turn) => turn,
  });
  const { text, toolCalls, finishReason, assistantMessage } = result.value;
  return {
    text,
    toolCalls,
    finishReason,
    assistantMessage,
    usage: result.usage,
    attempts: result.attempts,
    latencyMs: result.latencyMs,
  };
}
