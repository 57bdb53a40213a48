import { stableItemId } from '../batch/stable-item-id.js';

/**
 * The stable id of an instruction: the hash of its text with every run of whitespace made one
 * space, and of its length field. Two instructions that differ only in spacing or line breaks
 * are the same instruction (generated once); the same text asked at another length is another.
 * Pure.
 */
export function sftInstructionId({ prompt, length }: { prompt: string; length?: number }): string {
  return stableItemId({ prompt: prompt.replace(/\s+/g, ' ').trim(), length });
}
