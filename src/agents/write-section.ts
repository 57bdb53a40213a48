import { countWords } from '../evaluators/count-words.js';
import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { callText } from '../model/call-text.js';
import type { ReplyMeasure } from '../model/reply-capacity.js';
import { addUsage, type CallUsage } from '../model/usage-meter.js';
import type { PlanSection } from '../planner/plan-schema.js';
import { cleanSectionText } from './clean-section-text.js';
import { continueSection } from './continue-section.js';
import { measureReply } from './measure-reply.js';
import { splitNotes } from './split-notes.js';
import { removeThinkMarkers, splitThinkNote } from './split-think-note.js';

/** A written section with the writer's continuity notes. */
export interface WriteSectionResult {
  text: string;
  notes: string[];
  /** The think note the reply began with (marked form, see `splitThinkNote`), if it had one. */
  thinkNote: string | undefined;
  /** What cleaning stripped from the replies, as `info` findings. */
  stripped: Finding[];
  usage: CallUsage;
  calls: number;
  /** Continuations needed because a reply hit the output limit. */
  continuations: number;
  /** True when the reply was still cut after the last allowed continuation. */
  truncated: boolean;
  /** Each reply measured (the first, then each continuation), for the capacity estimate. */
  replies: ReplyMeasure[];
}

/**
 * Writes one section from its prompt. A reply cut by the output limit (`finishReason: 'length'`)
 * is continued from where it stopped, up to `continuationAttempts` times, instead of being
 * accepted as finished. Each continuation's envelope is stripped before it is joined on, and
 * the whole section's once it is complete (`cleanSectionText`). A think note the reply opens
 * with is split off first, so it is neither measured nor continued nor kept in the text.
 */
export async function writeSection({
  settings,
  system,
  prompt,
  section,
  lang,
  maxOutputTokens,
  continuationAttempts,
  seed,
  onTextDelta,
}: {
  settings: CallSettings;
  system: string | undefined;
  prompt: string;
  section: PlanSection;
  lang: string;
  maxOutputTokens: number;
  continuationAttempts: number;
  /** Asks for another sample of the same prompt (best of N); the provider's default when undefined. */
  seed?: number | undefined;
  onTextDelta?: (delta: string) => void;
}): Promise<WriteSectionResult> {
  const first = await callText({
    ...settings,
    system,
    prompt,
    maxOutputTokens,
    ...(seed === undefined ? {} : { seed }),
    onTextDelta,
  });
  const marked = splitThinkNote({ reply: first.text, sectionId: section.id });
  const stripped: Finding[] = [...marked.findings];
  let reply = marked.text;
  let usage = first.usage;
  let finishReason = first.finishReason;
  let continuations = 0;
  const replies = [
    measureReply({
      asked: section.words,
      text: splitNotes(reply).text,
      finishReason: first.finishReason,
    }),
  ];
  while (finishReason === 'length' && continuations < continuationAttempts) {
    continuations++;
    const missing = Math.max(50, section.words - countWords(splitNotes(reply).text));
    const next = await continueSection({
      settings,
      section,
      text: reply,
      words: missing,
      lang,
      maxOutputTokens,
      onTextDelta,
    });
    const piece = cleanSectionText({
      text: next.text,
      title: section.title,
      sectionId: section.id,
    });
    stripped.push(...piece.findings);
    // The space around the piece decides how it joins (mid-word, mid-sentence, new paragraph).
    const space = /^(\s*)[\s\S]*?(\s*)$/.exec(next.text);
    reply = joinContinuation(reply, `${space?.[1] ?? ''}${piece.text}${space?.[2] ?? ''}`);
    usage = addUsage(usage, next.usage);
    // Continuations show only that the model wrote this much; see reviseSection.
    replies.push(
      measureReply({
        asked: undefined,
        text: splitNotes(next.text).text,
        finishReason: next.finishReason,
      }),
    );
    finishReason = next.finishReason;
  }
  // A continuation may repeat a marker too.
  const unmarked = removeThinkMarkers({ text: reply, sectionId: section.id });
  stripped.push(...unmarked.findings);
  const { text, notes } = splitNotes(unmarked.text);
  const cleaned = cleanSectionText({ text, title: section.title, sectionId: section.id });
  return {
    text: cleaned.text,
    notes,
    thinkNote: marked.note,
    stripped: [...cleaned.findings, ...stripped],
    usage,
    calls: 1 + continuations,
    continuations,
    truncated: finishReason === 'length',
    replies,
  };
}

/** Joins a continuation to the text it continues: mid-word stays glued, a new paragraph stays one. */
export function joinContinuation(text: string, continuation: string): string {
  if (/\s$/.test(text) || /^\s/.test(continuation)) return text + continuation;
  return /[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(continuation)
    ? `${text} ${continuation}`
    : text + continuation;
}
