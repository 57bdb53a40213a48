import { reviseSection } from '../../agents/revise-section.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { CallSettings } from '../../model/call-settings.js';
import { observeReply, type ReplyCapacity } from '../../model/reply-capacity.js';
import type { Plan } from '../../planner/plan-schema.js';
import type { RunStore, StoredSection } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import { slugify } from '../../util/slugify.js';
import type { SectionCheck } from '../checks/section-check.js';
import type { RunEventInput } from '../run-events.js';
import type { SectionStepSettings } from '../run-section-step.js';
import { outputAllowance } from '../section-step/output-allowance.js';
import { chooseCondensing } from './choose-condensing.js';

/** Passes over the document at most: a model that has not followed by then will not. */
const maxPasses = 3;

/** The document after condensing. */
export interface CondenseToCeilingResult {
  sections: StoredSection[];
  capacity: ReplyCapacity;
  /** Model calls made. */
  calls: number;
}

/**
 * Brings a finished document that ends over the length gate's ceiling (`ceilingWords`) back
 * towards its target: each pass condenses the sections `chooseCondensing` picks, one call
 * each. A condensed section is committed only when it removed at least `settings.minProgress`
 * of the words it was asked to and has no more failed checks than before; otherwise the
 * section is not asked again. Passes go on while the document is over the ceiling and some
 * section can still give words, at most three. Stops before a call the run's budget forbids. A
 * document within the ceiling is returned as it is, without a call.
 */
export async function condenseToCeiling({
  task,
  plan,
  sections: givenSections,
  ceilingWords,
  store,
  settings,
  checks,
  call,
  capacity: givenCapacity,
  budgetStop,
  emit,
}: {
  task: Task;
  plan: Plan;
  /** Every section of the plan, in plan order. */
  sections: StoredSection[];
  ceilingWords: number;
  store: RunStore;
  settings: SectionStepSettings;
  checks: SectionCheck[];
  call: CallSettings;
  capacity: ReplyCapacity;
  budgetStop: () => string | undefined;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<CondenseToCeilingResult> {
  const sections = [...givenSections];
  let capacity = givenCapacity;
  let calls = 0;
  const failed = new Set<number>();
  const check = (text: string, index: number): Finding[] =>
    checks.flatMap((run) =>
      run({
        text,
        section: plan.sections[index]!,
        index,
        plan,
        previous: sections.slice(0, index).map((section) => section.text),
        settings,
      }),
    );
  const errors = (findings: Finding[]) =>
    findings.filter((finding) => finding.severity === 'error').length;

  for (let pass = 0; pass < maxPasses; pass++) {
    const counts = sections.map((section) => countWords(section.text));
    const total = counts.reduce((sum, words) => sum + words, 0);
    const picks = chooseCondensing({
      counts,
      budgets: plan.sections.map((section) => section.words),
      target: task.words,
      ceilingWords,
      keepShare: 1 - settings.lengthTolerance / 2,
      skip: failed,
    });
    if (picks.length === 0) break;
    for (const pick of picks) {
      if (budgetStop()) return { sections, capacity, calls };
      const section = plan.sections[pick.index]!;
      const before = sections[pick.index]!;
      const findings = check(before.text, pick.index);
      await emit({
        type: 'step-start',
        sectionId: section.id,
        index: pick.index,
        title: section.title,
        budget: section.words,
        attempt: 1,
        action: 'condense',
        contextTokens: 0,
        stableTokens: 0,
        trimmed: [],
      });
      const revised = await reviseSection({
        settings: call,
        request: task.prompt,
        section,
        text: before.text,
        findings: [...findings, overCeiling({ total, ceilingWords, sectionId: section.id, pick })],
        action: 'condense',
        words: pick.asked,
        lang: task.lang,
        maxOutputTokens: outputAllowance(pick.words),
      });
      calls++;
      capacity = observeReply({ capacity, reply: revised.reply });
      const words = countWords(revised.text);
      const after = check(revised.text, pick.index);
      const kept =
        revised.finishReason !== 'length' &&
        pick.words - words >= (pick.words - pick.asked) * settings.minProgress &&
        errors(after) <= errors(findings);
      await emit({
        type: 'check-end',
        sectionId: section.id,
        attempt: 1,
        words,
        passed: kept,
        findings: [...revised.stripped, ...after],
      });
      if (!kept) {
        failed.add(pick.index);
        continue;
      }
      const file = await store.writeSection({
        index: pick.index,
        slug: slugify({ text: section.title }),
        text: revised.text,
      });
      sections[pick.index] = { index: pick.index, file, text: revised.text };
      await emit({
        type: 'step-end',
        sectionId: section.id,
        index: pick.index,
        file,
        words,
        budget: section.words,
        attempts: 1,
        findings: after,
        usage: revised.usage,
      });
    }
  }
  return { sections, capacity, calls };
}

/** The finding that tells the reviser why a section that passes its checks must be shorter. */
function overCeiling({
  total,
  ceilingWords,
  sectionId,
  pick,
}: {
  total: number;
  ceilingWords: number;
  sectionId: string;
  pick: { words: number; asked: number };
}): Finding {
  return {
    evaluator: 'check',
    ruleId: 'check/document-long',
    severity: 'warning',
    message: `the document has ${total} words, over its ceiling of ${ceilingWords}: this section must lose about ${pick.words - pick.asked} of its ${pick.words} words`,
    location: { section: sectionId },
  };
}
