import { countWords } from '../../evaluators/count-words.js';
import { type ReplyCapacity, wordsPerReply } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import { divideAfterDraft } from '../length/divide-after-draft.js';
import type { RunEventInput } from '../run-events.js';
import type { SectionStepSettings } from '../run-section-step.js';

/**
 * The plan after section `index`'s draft: divided (see `divideAfterDraft`), and the change
 * journalled as `plan-refit`, when the adaptive length policy may reshape it (`divide`) and the
 * draft shows the section does not fit one reply; else `plan` as it is.
 */
export async function divideDraftedSection({
  plan,
  index,
  text,
  capacity,
  settings,
  divide,
  emit,
}: {
  plan: Plan;
  index: number;
  /** The draft. */
  text: string;
  capacity: ReplyCapacity;
  settings: SectionStepSettings;
  divide: boolean;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<Plan> {
  const divided =
    settings.lengthPolicy === 'adaptive' && divide
      ? divideAfterDraft({
          plan,
          index,
          drafted: countWords(text),
          capacity,
          tolerance: settings.lengthTolerance,
          minWordsPerReply: settings.minWordsPerReply,
        })
      : undefined;
  if (!divided) return plan;
  await emit({
    type: 'plan-refit',
    reason: divided.reason,
    index,
    sections: divided.plan.sections.length,
    wordsPerReply: divided.reason === 'floor' ? capacity.floor : wordsPerReply(capacity),
  });
  return divided.plan;
}
