import { join } from 'node:path';
import { z } from 'zod';
import { FindingSchema } from '../evaluators/finding.js';
import { PlanSchema } from '../planner/plan-schema.js';
import { readRunJson } from './run-store.js';

/**
 * Where the plan critique keeps its work in a run directory:
 *
 * ```
 * plan/draft-plan.json           the plan as first made, before any critique
 * plan/critique-round-N.json     round N's findings, the revision (kept or not) and why
 * plan/critique-round-N.diff     what the revision changed, readable (when there was one)
 * ```
 *
 * `plan.json` is written once the critique ends, so a run without it resumes in the critique:
 * a round whose file exists is not done again.
 */
export const critiquePaths = {
  draft: join('plan', 'draft-plan.json'),
  round: (round: number) => join('plan', `critique-round-${round}.json`),
  diff: (round: number) => join('plan', `critique-round-${round}.diff`),
};

/** `plan/critique-round-N.json`. */
export const CritiqueRoundSchema = z.object({
  round: z.int().min(1),
  /** What the critic and the rules found in the plan the round began with. */
  findings: z.array(FindingSchema),
  /** Model calls the round made: the critique (none when the last recheck stood in), revision, recheck. */
  calls: z.int().min(0),
  /** Whether the revision replaced the plan. */
  kept: z.boolean(),
  /** Why it was kept or not, or why no revision was made. */
  reason: z.string(),
  /** The revised plan, when the revision gave a usable one. */
  revised: PlanSchema.optional(),
  /** What the critic and the rules found in the revised plan. */
  findingsAfter: z.array(FindingSchema).optional(),
});
export type CritiqueRound = z.infer<typeof CritiqueRoundSchema>;

/** The plan as first made, or undefined when the run kept none (no critique, or not yet planned). */
export function readDraftPlan({ directory }: { directory: string }) {
  return readRunJson({ directory, name: critiquePaths.draft, schema: PlanSchema });
}

/** Every finished critique round, in order. */
export async function readCritiqueRounds({
  directory,
}: {
  directory: string;
}): Promise<CritiqueRound[]> {
  const rounds: CritiqueRound[] = [];
  for (let round = 1; ; round++) {
    const read = await readRunJson({
      directory,
      name: critiquePaths.round(round),
      schema: CritiqueRoundSchema,
    });
    if (read === undefined) return rounds;
    rounds.push(read);
  }
}
