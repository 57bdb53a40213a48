import { rewriteFlaggedSection } from '../../agents/rewrite-flagged-section.js';
import type { Finding } from '../../evaluators/finding.js';
import { assembleDocument } from '../../markdown/assemble-document.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import {
  type RewriteRecord,
  readReviewText,
  readRoundFindings,
  readRoundRewrites,
  reviewPaths,
  writeReviewFile,
} from '../../store/review-files.js';
import { type RunStore, type StoredSection, sectionName } from '../../store/run-store.js';
import type { RunStage } from '../../store/stage-usage.js';
import type { Task } from '../../task/task-schema.js';
import { slugify } from '../../util/slugify.js';
import type { SectionCheckInput } from '../checks/section-check.js';
import type { RunEventInput } from '../run-events.js';
import { outputAllowance } from '../section-step/output-allowance.js';
import { editableSections } from './editable-sections.js';
import { keepRewrite } from './keep-rewrite.js';
import { recheckSection } from './recheck-section.js';
import { reviewDocument } from './review-document.js';
import { type ReviewFacts, renderFacts } from './reviewed-section.js';
import { reviewedSections } from './reviewed-sections.js';
import { ruleFindings } from './rule-findings.js';

/** Runs `work` and counts the model calls it made toward `stage`. */
export type TrackStage = <T>(stage: RunStage, work: () => Promise<T>) => Promise<T>;

/** How the review ended. */
export interface RunReviewResult {
  sections: StoredSection[];
  /** Rounds reviewed (finished or resumed). */
  rounds: number;
  /** Why it stopped before its last round, when a budget ran out. */
  stopReason?: string;
}

/**
 * The whole-document review, after every section exists: each round, the reviewer reads the
 * document (in overlapping windows when it is too long for the context window) and the
 * rule-based evaluators add their findings; each flagged section is rewritten in a bounded
 * context, rechecked, and kept only if its findings got fewer and no new error appeared. Stops
 * after `rounds`, or when a round finds nothing to fix or keeps no rewrite. Every step leaves a
 * file in `review/` (see `reviewPaths`) and an event in the journal, so a killed run resumes
 * in the review where it stopped.
 */
export async function runReview({
  task,
  plan,
  store,
  sections,
  rounds,
  call,
  settings,
  facts = [],
  budgetStop,
  trackStage,
  emit,
}: {
  task: Task;
  plan: Plan;
  store: RunStore;
  /** Every section of the plan, committed. */
  sections: readonly StoredSection[];
  rounds: number;
  /** The reviewer's calls (the review and the rewrites). */
  call: CallSettings;
  settings: SectionCheckInput['settings'];
  facts?: ReviewFacts;
  budgetStop: () => string | undefined;
  trackStage: TrackStage;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<RunReviewResult> {
  const { texts, commit, current } = editableSections({ store, plan, sections });
  const directory = store.directory;
  const result = (done: number, stopReason?: string): RunReviewResult => ({
    sections: current(),
    rounds: done,
    ...(stopReason === undefined ? {} : { stopReason }),
  });

  for (let round = 1; round <= rounds; round++) {
    let review = await readRoundFindings({ directory, round });
    if (review === undefined) {
      const stop = budgetStop();
      if (stop) return result(round - 1, stop);
      if (round === 1) {
        await writeReviewFile({ directory, name: reviewPaths.draft, data: assemble(plan, texts) });
      }
      await emit({ type: 'review-start', round, sections: texts.length });
      const reviewed = await trackStage('review', () =>
        reviewDocument({
          call,
          request: task.prompt,
          sections: reviewedSections({ plan, texts }),
          facts,
        }),
      );
      const findings = [...reviewed.findings, ...ruleFindings({ plan, texts, settings })];
      review = { round, findings, calls: reviewed.calls };
      await writeReviewFile({
        directory,
        name: reviewPaths.findings(round),
        data: `${JSON.stringify(review, null, 2)}\n`,
      });
      await emit({
        type: 'review-end',
        round,
        findings: findings.length,
        flagged: flaggedIds(plan, findings),
        calls: reviewed.calls,
        usage: reviewed.usage,
      });
    }
    const flagged = flaggedIds(plan, review.findings);
    if (flagged.length === 0) return result(round);

    const records = await readRoundRewrites({ directory, round });
    // Re-applying a kept rewrite is harmless, and completes one a crash cut short.
    for (const record of records.filter((each) => each.kept)) {
      texts[record.index] = await readReviewText({ directory, name: record.after });
      await commit(record.index);
    }
    for (const id of flagged) {
      if (records.some((record) => record.sectionId === id)) continue;
      const stop = budgetStop();
      if (stop) return result(round - 1, stop);
      const index = plan.sections.findIndex((section) => section.id === id);
      const { record, text, usage } = await trackStage('rewrite', () =>
        rewriteOne({ round, index, before: findingsOf(review.findings, id) }),
      );
      records.push(record);
      await writeReviewFile({
        directory,
        name: reviewPaths.rewrites(round),
        data: `${JSON.stringify(records, null, 2)}\n`,
      });
      if (record.kept) {
        texts[index] = text;
        await commit(index);
      }
      // Journaled only once the outcome is on disk: a kill right after the event must not
      // leave a section that resuming rewrites a second time in the same round.
      await emit({
        type: 'rewrite-end',
        round,
        sectionId: id,
        index,
        kept: record.kept,
        findingsBefore: record.findingsBefore.length,
        findingsAfter: record.findingsAfter.length,
        usage,
      });
    }
    if (!records.some((record) => record.kept)) return result(round);
  }
  return result(rounds);

  async function rewriteOne({
    round,
    index,
    before,
  }: {
    round: number;
    index: number;
    before: Finding[];
  }): Promise<{ record: RewriteRecord; text: string; usage: CallUsage }> {
    const section = plan.sections[index]!;
    const rewrite = await rewriteFlaggedSection({
      settings: call,
      request: task.prompt,
      section,
      text: texts[index]!,
      findings: before,
      facts: renderFacts(facts),
      before: index > 0 ? texts[index - 1] : undefined,
      after: index + 1 < texts.length ? texts[index + 1] : undefined,
      lang: task.lang,
      maxOutputTokens: outputAllowance(section.words),
    });
    const recheck = await recheckSection({
      call,
      request: task.prompt,
      plan,
      texts,
      index,
      candidate: rewrite.text,
      facts,
      settings,
    });
    const name = sectionName({ index, slug: slugify({ text: section.title }) });
    const record: RewriteRecord = {
      sectionId: section.id,
      index,
      kept: keepRewrite({ before, after: recheck.findings }),
      before: reviewPaths.before(round, name),
      after: reviewPaths.after(round, name),
      findingsBefore: before,
      findingsAfter: recheck.findings,
    };
    await writeReviewFile({ directory, name: record.before, data: texts[index]! });
    await writeReviewFile({ directory, name: record.after, data: rewrite.text });
    return { record, text: rewrite.text, usage: addUsage(rewrite.usage, recheck.usage) };
  }
}

/** The ids of the sections the findings name, in plan order. Pure. */
function flaggedIds(plan: Plan, findings: readonly Finding[]): string[] {
  const named = new Set(findings.map((finding) => finding.location?.section));
  return plan.sections.filter((section) => named.has(section.id)).map((section) => section.id);
}

/** The findings that name section `id`. Pure. */
function findingsOf(findings: readonly Finding[], id: string): Finding[] {
  return findings.filter((finding) => finding.location?.section === id);
}

/** The document as assembled from `texts`, the way `document.md` is. Pure. */
function assemble(plan: Plan, texts: readonly string[]): string {
  return assembleDocument({
    title: plan.title,
    sections: plan.sections.map((section, index) => ({
      title: section.title,
      text: texts[index]!,
      continuation: section.continuation,
    })),
  });
}
