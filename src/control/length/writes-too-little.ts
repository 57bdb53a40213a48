import { capacityTooLow, type ReplyCapacity } from '../../model/reply-capacity.js';
import type { SectionStepSettings } from '../run-section-step.js';

/**
 * True when the adaptive length policy must stop the run: the model writes too little per
 * reply to go on (see `capacityTooLow`). Never with the `fixed` policy.
 */
export function writesTooLittle({
  settings,
  capacity,
}: {
  settings: Pick<SectionStepSettings, 'lengthPolicy' | 'minWordsPerReply'>;
  capacity: ReplyCapacity;
}): boolean {
  return (
    settings.lengthPolicy === 'adaptive' &&
    capacityTooLow({ capacity, minWords: settings.minWordsPerReply })
  );
}
