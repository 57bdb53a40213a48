import { thinkNoteFinding } from '../../agents/split-think-note.js';
import type { Finding } from '../../evaluators/finding.js';
import type { RunEventInput } from '../run-events.js';
import { type SectionThought, thinkEnd } from './think-before-section.js';
import type { ThinkNoteSettings } from './think-note-mode.js';

/**
 * After a draft in `marked` mode: the note its reply opened with, journalled as `think-end`,
 * with a `think/missing-note` warning when it had none. Nothing in the other modes.
 */
export async function noteFromDraft({
  settings,
  thought,
  drafted,
  index,
  sectionId,
  emit,
}: {
  settings: ThinkNoteSettings;
  thought: SectionThought;
  /** The note split off the draft's reply, if it had one. */
  drafted: string | undefined;
  index: number;
  sectionId: string;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<{ note: string | undefined; findings: Finding[] }> {
  if (settings.mode !== 'marked') return { note: thought.note, findings: [] };
  const findings =
    drafted === undefined
      ? [
          thinkNoteFinding({
            ruleId: 'think/missing-note',
            message: 'the reply did not open with a think note between `@@think` and `@@text`',
            sectionId,
          }),
        ]
      : [];
  await emit(thinkEnd({ sectionId, index, mode: 'marked', note: drafted, findings }));
  return { note: drafted, findings };
}
