import { thinkingTags } from './separate-thinking.js';

/** What one piece of a reply holds once its thinking is told apart. */
export interface SplitPiece {
  text: string;
  reasoning: string;
}

/** Tells thinking from answer in a reply that arrives in pieces (see `createThinkingSplitter`). */
export interface ThinkingSplitter {
  /** The answer and thinking that `delta` completes; a possible tag cut at its end waits. */
  push(delta: string): SplitPiece;
  /** What was still waiting when the reply ended. */
  finish(): SplitPiece;
  /** True when the reply is inside a thinking block that has begun and not ended. */
  readonly unclosed: boolean;
}

const openingTags = thinkingTags.map((tag) => `<${tag}>`);
const separator = '\n';
const longestTag = Math.max(...openingTags.map((tag) => tag.length + 1));

/**
 * A splitter for thinking sent inside the content as a `<think>…</think>` block (or one of the
 * other `thinkingTags`), the streaming counterpart of `separateThinking` for replies read
 * straight from the provider's stream. It keeps the middleware's reading: a tag may fall across
 * pieces, thinking blocks after the first and answer text resumed after a block are joined with
 * a line break, and a block counts as begun once it holds thinking. Each piece is looked at
 * once, plus at most a tag's length held back, so the cost grows with the reply, not its square.
 */
export function createThinkingSplitter(): ThinkingSplitter {
  let pending = '';
  let closingTag: string | undefined;
  let begun = false;
  let afterSwitch = false;
  let wroteText = false;
  let wroteReasoning = false;
  const publish = (piece: SplitPiece, content: string) => {
    if (content === '') return;
    const thinking = closingTag !== undefined;
    const prefix = afterSwitch && (thinking ? wroteReasoning : wroteText) ? separator : '';
    if (thinking) {
      piece.reasoning += prefix + content;
      wroteReasoning = true;
      begun = true;
    } else {
      piece.text += prefix + content;
      wroteText = true;
    }
    afterSwitch = false;
  };
  return {
    push(delta) {
      const piece = { text: '', reasoning: '' };
      pending += delta;
      for (;;) {
        const found = findTag(pending, closingTag === undefined ? openingTags : [closingTag]);
        if (found === undefined) {
          publish(piece, pending);
          pending = '';
          return piece;
        }
        publish(piece, pending.slice(0, found.index));
        if (!found.whole) {
          pending = pending.slice(found.index);
          return piece;
        }
        pending = pending.slice(found.index + found.tag.length);
        closingTag = closingTag === undefined ? `</${found.tag.slice(1)}` : undefined;
        begun = false;
        afterSwitch = true;
      }
    },
    finish() {
      const piece = { text: '', reasoning: '' };
      publish(piece, pending);
      pending = '';
      return piece;
    },
    get unclosed() {
      return closingTag !== undefined && begun;
    },
  };
}

/** The first of `tags` in `text`, whole, or else one cut off at its end. */
function findTag(
  text: string,
  tags: readonly string[],
): { index: number; tag: string; whole: boolean } | undefined {
  let first: { index: number; tag: string } | undefined;
  for (const tag of tags) {
    const index = text.indexOf(tag);
    if (index !== -1 && (first === undefined || index < first.index)) first = { index, tag };
  }
  if (first) return { ...first, whole: true };
  // Only a '<' in the last tag's length of the text can begin a tag cut off at its end.
  const from = Math.max(0, text.length - longestTag + 1);
  for (let index = text.indexOf('<', from); index !== -1; index = text.indexOf('<', index + 1)) {
    const rest = text.slice(index);
    const tag = tags.find((candidate) => candidate.startsWith(rest));
    if (tag !== undefined) return { index, tag, whole: false };
  }
  return undefined;
}
