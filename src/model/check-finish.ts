import { ModelOutputError } from '../errors/model-output-error.js';
import type { CallUsage } from './usage-meter.js';

/**
 * Judges how a streamed reply ended, once its thinking is set apart: throws a retryable
 * `ModelOutputError` for a stream that ended in an error or without a finish reason, a filtered
 * reply, or one with neither text nor a tool call; else returns the finish reason the caller
 * acts on. Pure.
 */
export function checkFinish({
  finishReason,
  text,
  toolCalls,
  usage,
}: {
  finishReason: string | undefined;
  text: string;
  toolCalls: number;
  usage: CallUsage;
}): 'stop' | 'length' | 'tool-calls' {
  const excerpt = text.slice(0, 200);
  // 'other' is what OpenAI-compatible clients report when a stream ends without a finish
  // reason, i.e. when it was cut: never accept it as a complete reply.
  if (finishReason === undefined || finishReason === 'error' || finishReason === 'other') {
    throw new ModelOutputError({
      message: `the reply stream ended with an error after ${text.length} characters`,
      problem: 'streamError',
      excerpt,
      usage,
    });
  }
  if (finishReason === 'content-filter') {
    throw new ModelOutputError({
      message: 'the provider filtered the reply',
      problem: 'contentFilter',
      excerpt,
      usage,
    });
  }
  if (text.trim() === '' && toolCalls === 0) {
    throw new ModelOutputError({
      message: 'the reply had no text and no tool call',
      problem: 'empty',
      usage,
    });
  }
  return finishReason === 'length' || finishReason === 'tool-calls' ? finishReason : 'stop';
}
