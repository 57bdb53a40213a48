import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Finding } from '../evaluators/finding.js';
import type { CallSettings } from '../model/call-settings.js';
import { addUsage, emptyUsage } from '../model/usage-meter.js';
import { critiquePlan } from '../planner/critique/critique-plan.js';
import { diffPlans } from '../planner/critique/diff-plans.js';
import { outlinePlan } from '../planner/critique/outline-plan.js';
import { revisePlan } from '../planner/critique/revise-plan.js';
import type { Plan } from '../planner/plan-schema.js';
import { type CritiqueRound, critiquePaths, readCritiqueRounds } from '../store/critique-files.js';
import type { RunStore } from '../store/run-store.js';
import type { Task } from '../task/task-schema.js';
import type { RunEventInput } from './run-events.js';

/**
 * The plan critique, before any prose: each round, the critic and the rule-based checks name
 * the plan's defects and the planner revises it in one call; the revision is kept only if it is
 * a usable plan with fewer findings (its recheck's findings open the next round). Stops after
 * `rounds`, when a round finds nothing, or when a revision is not kept. Each round leaves
 * `plan/critique-round-N.json` (and a `.diff` of the revision) and a `critique-start` /
 * `critique-end` pair in the journal; a resumed run replays the finished rounds from their
 * files and goes on from the first missing one. Returns the plan to write from.
 */
export async function runPlanCritique({
  task,
  draft,
  store,
  rounds,
  call,
  maxSectionWords,
  minSectionWords,
  parallel = 1,
  emit,
}: {
  task: Task;
  /** The plan as first made (`plan/draft-plan.json`). */
  draft: Plan;
  store: RunStore;
  rounds: number;
  /** The planner's calls: the critic's and the revisions. */
  call: CallSettings;
  maxSectionWords: number;
  minSectionWords: number;
  /** Sections drafted at once (`write.parallel`), which the revised plan is split for. */
  parallel?: number;
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<Plan> {
  let plan = draft;
  // The findings of `plan`, when the last round's recheck found them already.
  let known: Finding[] | undefined;
  const done = await readCritiqueRounds({ directory: store.directory });
  for (const record of done) {
    if (record.kept && record.revised) [plan, known] = [record.revised, record.findingsAfter];
  }
  if (done.some(ended)) return plan;

  for (let round = done.length + 1; round <= rounds; round++) {
    await emit({ type: 'critique-start', round, sections: outlinePlan(plan).length });
    let usage = emptyUsage;
    let calls = 0;
    const critique = async (target: Plan) => {
      const result = await critiquePlan({ call, task, plan: target });
      usage = addUsage(usage, result.usage);
      calls++;
      return result.findings;
    };
    const findings = known ?? (await critique(plan));
    let record: CritiqueRound = {
      round,
      findings,
      calls,
      kept: false,
      reason: 'the critique found nothing to revise',
    };
    if (findings.length > 0) {
      const revision = await revisePlan({
        call,
        task,
        plan,
        findings,
        maxSectionWords,
        minSectionWords,
        parallel,
      });
      usage = addUsage(usage, revision.usage);
      calls++;
      if (!revision.ok) record = { ...record, calls, reason: revision.reason };
      else {
        const findingsAfter = await critique(revision.plan);
        const kept = findingsAfter.length < findings.length;
        record = {
          round,
          findings,
          calls,
          kept,
          reason: kept
            ? `the revision has fewer findings (${findings.length} → ${findingsAfter.length})`
            : `the revision has no fewer findings (${findings.length} → ${findingsAfter.length}); the plan before it is kept`,
          revised: revision.plan,
          findingsAfter,
        };
        await writeFile(
          store,
          critiquePaths.diff(round),
          diffPlans({ before: plan, after: revision.plan }).text,
        );
      }
    }
    // The round's file says it is finished: written last, so a kill before it redoes the round.
    await writeFile(store, critiquePaths.round(round), `${JSON.stringify(record, null, 2)}\n`);
    await emit({
      type: 'critique-end',
      round,
      findings: findings.length,
      kept: record.kept,
      reason: record.reason,
      calls,
      usage,
    });
    if (record.kept && record.revised) [plan, known] = [record.revised, record.findingsAfter];
    if (ended(record)) break;
  }
  return plan;
}

/** Whether a round ended the critique: it found nothing, kept nothing, or left nothing to find. */
function ended(record: CritiqueRound): boolean {
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a round that found nothing keeps nothing, and a kept round always has findingsAfter
  return record.findings.length === 0 || !record.kept || record.findingsAfter?.length === 0;
}

async function writeFile(store: RunStore, name: string, text: string): Promise<void> {
  await mkdir(dirname(join(store.directory, name)), { recursive: true });
  await store.writeText(name, text);
}
