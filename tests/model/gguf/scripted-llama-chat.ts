import type { ChatHistoryItem, LlamaChatResponseChunk } from 'node-llama-cpp';
import type { GgufRuntime } from '../../../src/model/gguf/load-gguf-runtime.js';

/** One piece a scripted chat reports: answer text, or thinking the chat template marks. */
export interface ScriptedChunk {
  kind: 'text' | 'reasoning';
  text: string;
  tokens: number;
}

/** A piece of thinking, one token unless told. */
export function thought(text: string, tokens = 1): ScriptedChunk {
  return { kind: 'reasoning', text, tokens };
}

/** A piece of the answer, one token unless told. */
export function answer(text: string, tokens = 1): ScriptedChunk {
  return { kind: 'text', text, tokens };
}

/** What the scripted chat saw: each history, the options of each dispose, each reply's signal. */
export interface ScriptedChatLog {
  histories: ChatHistoryItem[][];
  disposed: unknown[];
  signals: (AbortSignal | undefined)[];
}

/**
 * A loaded runtime whose `LlamaChat` reports `chunks` and then stops with `stopReason`, or fails
 * with `failure`, or (with `hold`) waits for its abort signal. A random-weight model cannot
 * produce thinking segments or a failure mid-reply; everything else stays the real runtime's.
 */
export function scriptedChatRuntime({
  runtime,
  chunks,
  stopReason = 'eogToken',
  failure,
  hold = false,
}: {
  runtime: GgufRuntime;
  chunks: ScriptedChunk[];
  stopReason?: string;
  failure?: Error;
  hold?: boolean;
}): { runtime: GgufRuntime; log: ScriptedChatLog } {
  const log: ScriptedChatLog = { histories: [], disposed: [], signals: [] };
  class ScriptedChat {
    async generateResponse(
      history: ChatHistoryItem[],
      options: { signal?: AbortSignal; onResponseChunk: (chunk: LlamaChatResponseChunk) => void },
    ) {
      log.histories.push(history);
      log.signals.push(options.signal);
      for (const chunk of chunks) options.onResponseChunk(responseChunk(chunk));
      if (failure) throw failure;
      if (hold) await aborted(options.signal);
      return { metadata: { stopReason } };
    }
    dispose(options: unknown) {
      log.disposed.push(options);
    }
  }
  const module = { ...runtime.module, LlamaChat: ScriptedChat } as unknown as GgufRuntime['module'];
  return { runtime: { ...runtime, module }, log };
}

function responseChunk({ kind, text, tokens }: ScriptedChunk): LlamaChatResponseChunk {
  const ids = Array.from({ length: tokens }, (_, index) => index);
  return (
    kind === 'reasoning'
      ? { type: 'segment', segmentType: 'thought', text, tokens: ids }
      : { type: undefined, segmentType: undefined, text, tokens: ids }
  ) as LlamaChatResponseChunk;
}

function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
