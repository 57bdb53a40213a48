import type { LanguageModelV3StreamPart, LanguageModelV3StreamResult } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

/** One scripted model turn: optional text, then tool calls (inputs are sent as JSON). */
export interface ToolTurn {
  text?: string;
  toolCalls?: Array<{ toolName: string; input: unknown }>;
  inputTokens?: number;
  outputTokens?: number;
}

let nextCallId = 0;

/** A V3 stream result for one turn, as a provider would stream it. */
export function toolTurnStream(turn: ToolTurn): LanguageModelV3StreamResult {
  const chunks: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  if (turn.text) {
    chunks.push(
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: turn.text },
      { type: 'text-end', id: 't' },
    );
  }
  for (const call of turn.toolCalls ?? []) {
    chunks.push({
      type: 'tool-call',
      toolCallId: `call-${++nextCallId}`,
      toolName: call.toolName,
      input: typeof call.input === 'string' ? call.input : JSON.stringify(call.input),
    });
  }
  const finish = (turn.toolCalls?.length ?? 0) > 0 ? 'tool-calls' : 'stop';
  chunks.push({
    type: 'finish',
    finishReason: { unified: finish, raw: finish },
    usage: {
      inputTokens: {
        total: turn.inputTokens ?? 100,
        noCache: turn.inputTokens ?? 100,
        cacheRead: 0,
        cacheWrite: undefined,
      },
      outputTokens: { total: turn.outputTokens ?? 20, text: turn.outputTokens ?? 20, reasoning: 0 },
    },
  });
  return {
    stream: simulateReadableStream({ chunks, initialDelayInMs: null, chunkDelayInMs: null }),
  };
}

/** A planner reply: the JSON text of a plan answer. */
export function jsonTurn(value: unknown): ToolTurn {
  return { text: JSON.stringify(value) };
}

/**
 * A `MockLanguageModelV3` whose `doStream` is given an array, one scripted turn per call (the
 * AI SDK's own way), so a test reads as the conversation it scripts. Calls beyond the script
 * fail loudly.
 */
export function scriptedToolModel(turns: ToolTurn[]): MockLanguageModelV3 {
  return new MockLanguageModelV3({ modelId: 'scripted', doStream: turns.map(toolTurnStream) });
}
