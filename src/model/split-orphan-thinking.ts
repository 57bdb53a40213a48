import { thinkingTags } from './separate-thinking.js';

const orphanClosingTag = new RegExp(`</(?:${thinkingTags.join('|')})>`, 'g');

/**
 * Splits off thinking whose opening tag the server never sent. Some chat templates (DeepSeek-R1
 * distills, Qwen3 on some servers) put `<think>` in the prompt, so the reply holds only the
 * thinking, `</think>` and the answer. Run after `separateThinking`, which has removed every
 * complete block, so a closing tag left in the text ends such thinking. Pure.
 */
export function splitOrphanThinking(text: string): { text: string; reasoning: string } {
  let end = -1;
  let tagEnd = -1;
  for (const match of text.matchAll(orphanClosingTag)) {
    end = match.index;
    tagEnd = match.index + match[0].length;
  }
  if (end < 0) return { text, reasoning: '' };
  return { text: text.slice(tagEnd).replace(/^\s+/, ''), reasoning: text.slice(0, end).trim() };
}
