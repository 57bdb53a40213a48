import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import { checkLengthGate, type LengthGateSettings } from '../../evaluators/length-gate.js';
import type { Plan } from '../../planner/plan-schema.js';
import { checkConstraints } from '../checks/check-constraints.js';
import { checkMetaText } from '../checks/check-meta-text.js';
import { checkOverlap } from '../checks/check-overlap.js';
import type { SectionCheckInput } from '../checks/section-check.js';

/**
 * How far from its budget a section may be before the review flags it: the section loop keeps
 * each one near its budget already, so the review only catches what slipped far (a section cut
 * short by a dying stream, one that ran on).
 */
export const sectionLengthGate: LengthGateSettings = { floor: 0.5, ceiling: 1.5 };

/**
 * The rule-based evaluators' findings on the finished document, section by section, added to
 * the reviewer's: leaked meta-text, 5-gram overlap with every earlier section, a required item
 * missing, and a length far outside the section's budget (`checkLengthGate`). Pure.
 */
export function ruleFindings({
  plan,
  texts,
  only,
  settings,
}: {
  plan: Plan;
  /** The text of every section, by plan index. */
  texts: readonly string[];
  /** Check only these plan indices (a recheck); all when not given. */
  only?: readonly number[];
  settings: SectionCheckInput['settings'];
}): Finding[] {
  const indices = only ?? texts.map((_, index) => index);
  return indices.flatMap((index) => {
    const section = plan.sections[index]!;
    const input: SectionCheckInput = {
      text: texts[index]!,
      section,
      index,
      plan,
      previous: texts.slice(0, index),
      settings,
    };
    const words = countWords(input.text);
    const gate = checkLengthGate({
      produced: words,
      required: section.words,
      gate: sectionLengthGate,
    });
    const length: Finding[] =
      gate.status === 'within'
        ? []
        : [
            {
              evaluator: 'length',
              ruleId: `length/section-${gate.status}`,
              severity: 'warning',
              message:
                gate.status === 'long'
                  ? `is too long (over-length): ${words} words where its budget is ${section.words}; cut it down`
                  : `is too short: ${words} words where its budget is ${section.words}; develop it`,
              location: { section: section.id },
            },
          ];
    return [
      ...checkMetaText(input),
      ...checkOverlap(input),
      ...checkConstraints(input),
      ...length,
    ].map((finding) => ({ ...finding, location: { ...finding.location, section: section.id } }));
  });
}
