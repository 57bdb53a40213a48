import { rewriteSeamOpening } from '../../agents/rewrite-seam-opening.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import {
  type RewriteRecord,
  readReviewText,
  readSeamPass,
  type SeamFindings,
  seamPaths,
  writeReviewFile,
} from '../../store/review-files.js';
import { type RunStore, type StoredSection, sectionName } from '../../store/run-store.js';
import type { Task } from '../../task/task-schema.js';
import { slugify } from '../../util/slugify.js';
import type { SectionCheckInput } from '../checks/section-check.js';
import { editableSections } from '../review/editable-sections.js';
import { keepRewrite } from '../review/keep-rewrite.js';
import { type ReviewFacts, renderFacts } from '../review/reviewed-section.js';
import { ruleFindings } from '../review/rule-findings.js';
import type { RunEventInput } from '../run-events.js';
import { checkSeams } from './check-seams.js';
import { edgeSentences, replaceOpening, sectionEnding, splitOpening } from './section-edges.js';

/** Words of the earlier section's last paragraphs a repair is shown, at most. */
const endingWords = 200;

/** How the seam pass ended. */
export interface RunSeamPassResult {
  sections: StoredSection[];
  /** Why it stopped before repairing every flagged seam, when a budget ran out. */
  stopReason?: string;
}

/**
 * The seam pass, for a document whose sections were drafted in parallel: the seams (each later
 * section that could not see the one before it) are checked at their edges (`checkSeams`), and
 * each flagged seam is repaired by rewriting the later section's opening in a bounded context
 * (`rewriteSeamOpening`), up to `parallel` repairs at once. A repair is rechecked at its seam and
 * by the rule-based checks, and kept only if the findings got fewer and no new error appeared
 * (`keepRewrite`, the review's rule). Every step leaves a file in `review/seams/` (see
 * `seamPaths`) and an event in the journal, so a killed run resumes in the pass where it stopped
 * and never repairs a seam twice.
 */
export async function runSeamPass({
  task,
  plan,
  store,
  sections,
  seams,
  call,
  settings,
  facts,
  parallel,
  budgetStop,
  emit,
}: {
  task: Task;
  plan: Plan;
  store: RunStore;
  /** Every section of the plan, committed. */
  sections: readonly StoredSection[];
  /** Plan indexes of the later sections of the seams drafted in parallel. */
  seams: readonly number[];
  /** The checker's and the repairs' calls. */
  call: CallSettings;
  settings: SectionCheckInput['settings'];
  facts: ReviewFacts;
  /** Most calls at once. */
  parallel: number;
  budgetStop: () => string | undefined;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<RunSeamPassResult> {
  const directory = store.directory;
  const { texts, commit, current } = editableSections({ store, plan, sections });
  const result = (stopReason?: string): RunSeamPassResult => ({
    sections: current(),
    ...(stopReason === undefined ? {} : { stopReason }),
  });

  const stored = await readSeamPass({ directory });
  let found: SeamFindings;
  const repairs = stored?.repairs ?? [];
  if (stored) found = stored.findings;
  else {
    const stop = budgetStop();
    if (stop) return result(stop);
    const checked = await checkSeams({
      call,
      request: task.prompt,
      plan,
      texts,
      seams,
      facts,
      calls: parallel,
    });
    found = { seams: [...seams], findings: checked.findings, calls: checked.calls };
    await writeReviewFile({
      directory,
      name: seamPaths.findings,
      data: `${JSON.stringify(found, null, 2)}\n`,
    });
    await emit({
      type: 'seam-check-end',
      seams: seams.length,
      findings: found.findings.length,
      flagged: flaggedIndexes(plan, found.findings).map((index) => plan.sections[index]!.id),
      calls: checked.calls,
      usage: checked.usage,
    });
  }

  // Re-applying a kept repair is harmless, and completes one a crash cut short.
  for (const record of repairs.filter((each) => each.kept)) {
    texts[record.index] = await readReviewText({ directory, name: record.after });
    await commit(record.index);
  }
  const pending = flaggedIndexes(plan, found.findings).filter(
    (index) => !repairs.some((record) => record.index === index),
  );
  let stopReason: string | undefined;
  let saving: Promise<void> = Promise.resolve();
  const worker = async () => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      stopReason ??= budgetStop();
      if (stopReason) return;
      const { record, text, usage } = await repair(index, found.findings);
      repairs.push(record);
      saving = saving.then(() =>
        writeReviewFile({
          directory,
          name: seamPaths.repairs,
          data: `${JSON.stringify(repairs, null, 2)}\n`,
        }),
      );
      await saving;
      if (record.kept) {
        texts[index] = text;
        await commit(index);
      }
      // Journalled only once the outcome is on disk: resuming never repairs this seam again.
      await emit({
        type: 'seam-repair-end',
        sectionId: record.sectionId,
        index,
        earlierId: plan.sections[index - 1]!.id,
        kept: record.kept,
        findingsBefore: record.findingsBefore.length,
        findingsAfter: record.findingsAfter.length,
        usage,
      });
    }
  };
  await Promise.all(
    // Stryker disable next-line MethodExpression: a worker more than the seams pending finds the queue empty and ends
    Array.from({ length: Math.max(1, Math.min(parallel, pending.length)) }, worker),
  );
  return result(stopReason);

  /** Rewrites the opening of section `index` and decides whether to keep it. */
  async function repair(
    index: number,
    findings: readonly Finding[],
  ): Promise<{ record: RewriteRecord; text: string; usage: CallUsage }> {
    const section = plan.sections[index]!;
    const original = texts[index]!;
    const { opening } = splitOpening(original);
    const rewrite = await rewriteSeamOpening({
      settings: call,
      request: task.prompt,
      earlier: plan.sections[index - 1]!,
      ending: edgeSentences({
        text: sectionEnding({ text: texts[index - 1]! }),
        end: 'end',
        maxWords: endingWords,
      }),
      section,
      opening,
      findings: findingsAt(plan, findings, index),
      facts: renderFacts(facts),
      words: Math.max(40, countWords(opening)),
      lang: task.lang,
    });
    const candidate = replaceOpening({ text: original, opening: rewrite.text });
    const substituted = texts.map((text, position) => (position === index ? candidate : text));
    const recheck = await checkSeams({
      call,
      request: task.prompt,
      plan,
      texts: substituted,
      seams: [index],
      facts,
    });
    const before = [
      ...findingsAt(plan, findings, index),
      ...ruleFindings({ plan, texts, only: [index], settings }),
    ];
    const after = [
      ...recheck.findings,
      ...ruleFindings({ plan, texts: substituted, only: [index], settings }),
    ];
    const name = sectionName({ index, slug: slugify({ text: section.title }) });
    const record: RewriteRecord = {
      sectionId: section.id,
      index,
      kept: keepRewrite({ before, after }),
      before: seamPaths.before(name),
      after: seamPaths.after(name),
      findingsBefore: before,
      findingsAfter: after,
    };
    await writeReviewFile({ directory, name: record.before, data: original });
    await writeReviewFile({ directory, name: record.after, data: candidate });
    return { record, text: candidate, usage: addUsage(rewrite.usage, recheck.usage) };
  }
}

/** Plan indexes of the later sections the seam findings point at, in plan order. Pure. */
function flaggedIndexes(plan: Plan, findings: readonly Finding[]): number[] {
  const named = new Set(findings.map((finding) => finding.location?.section));
  return plan.sections.flatMap((section, index) => (named.has(section.id) ? [index] : []));
}

/** The seam findings at the seam before section `index`. Pure. */
function findingsAt(plan: Plan, findings: readonly Finding[], index: number): Finding[] {
  const id = plan.sections[index]!.id;
  return findings.filter((finding) => finding.location?.section === id);
}
