import { planThinkNote, thinkNoteTokens } from '../../agents/plan-think-note.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { CallSettings } from '../../model/call-settings.js';
import { type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { RunEventInput } from '../run-events.js';
import type { ThinkNoteSettings } from './think-note-mode.js';

/** The think note a section is about to be written from, and the block of its prompt. */
export interface SectionThought {
  /** What ends the section's prompt: the note to write from, the ask to plan first, or ''. */
  block: string;
  /** The note (call mode); a marked note arrives with the draft (see `noteFromDraft`). */
  note: string | undefined;
  usage: CallUsage;
}

/**
 * Before a section's draft, by `settings.mode`: nothing (`off`); the ask to open the reply with
 * a marked note (`marked`); or the note itself (`call`), taken from the journal when an earlier
 * session made it, else from a call of its own whose prompt is the section's (`promptFor`, so
 * a provider's prompt cache serves both), journalled as `think-end` before the draft starts.
 */
export async function thinkBeforeSection({
  settings,
  index,
  sectionId,
  call,
  promptFor,
  emit,
}: {
  settings: ThinkNoteSettings;
  index: number;
  sectionId: string;
  call: CallSettings;
  /** The section's prompt ending with `block`, fitted to a reply of `outputTokens`. */
  promptFor: (block: string, outputTokens: number) => Promise<{ system?: string; prompt: string }>;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<SectionThought> {
  const number = index + 1;
  if (settings.mode === 'off') return { block: '', note: undefined, usage: emptyUsage };
  if (settings.mode === 'marked') {
    const marked = await renderPrompt({ name: 'think-note-marked', variables: { number } });
    return { block: marked.prompt, note: undefined, usage: emptyUsage };
  }
  let note = settings.stored;
  let usage = emptyUsage;
  if (note === undefined) {
    const ask = await renderPrompt({ name: 'think-note-ask', variables: { number } });
    const context = await promptFor(ask.prompt, thinkNoteTokens);
    const planned = await planThinkNote({
      settings: call,
      system: context.system,
      prompt: context.prompt,
      sectionId,
    });
    note = planned.note;
    usage = planned.usage;
    await emit(thinkEnd({ sectionId, index, mode: 'call', note, usage }));
  }
  if (note === undefined) return { block: '', note, usage };
  const given = await renderPrompt({ name: 'think-note-given', variables: { note } });
  return { block: given.prompt, note, usage };
}

/** The journal event of a note made (or, in `marked` mode, looked for) for a section. */
export function thinkEnd({
  sectionId,
  index,
  mode,
  note,
  usage,
  findings = [],
}: {
  sectionId: string;
  index: number;
  mode: 'call' | 'marked';
  note: string | undefined;
  usage?: CallUsage;
  findings?: Finding[];
}): RunEventInput {
  return {
    type: 'think-end',
    sectionId,
    index,
    mode,
    ...(note === undefined ? {} : { note }),
    words: countWords(note ?? ''),
    findings,
    ...(usage ? { usage } : {}),
  };
}
