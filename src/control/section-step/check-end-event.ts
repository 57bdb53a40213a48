import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { CallUsage } from '../../model/usage-meter.js';
import type { RunEventInput } from '../run-events.js';

/** The journal event of a draft's checks (`check-end`), after what cleaning stripped from it (as `info` findings). */
export function checkEndEvent({
  sectionId,
  attempt,
  text,
  findings,
  usage,
  stripped,
}: {
  sectionId: string;
  attempt: number;
  text: string;
  findings: Finding[];
  usage: CallUsage;
  stripped: Finding[];
}): RunEventInput {
  return {
    type: 'check-end',
    sectionId,
    attempt,
    words: countWords(text),
    passed: !findings.some((finding) => finding.severity === 'error'),
    findings: [...stripped, ...findings],
    usage,
  };
}
