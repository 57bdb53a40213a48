import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { fileLimits } from '../config/limits.js';
import { FindingSchema } from '../evaluators/finding.js';
import { readRunJson, readRunText } from './run-store.js';
import { writeOutputFile } from './write-output-file.js';

/**
 * Where the whole-document review keeps its work in a run directory:
 *
 * ```
 * review/draft.md                        the document as drafted, before any review
 * review/round-N/findings.json           round N's findings (reviewer and rules) and its calls
 * review/round-N/rewrites.json           each flagged section's outcome, in the order decided
 * review/round-N/NNN-<slug>.before.md    a flagged section as it was
 * review/round-N/NNN-<slug>.after.md     its rewrite (kept or not, see rewrites.json)
 * review/seams/findings.json             the seam pass: the seams checked and their findings
 * review/seams/repairs.json              each flagged seam's outcome (the later section's)
 * review/seams/NNN-<slug>.before.md      a section whose opening was rewritten, as it was
 * review/seams/NNN-<slug>.after.md       with the new opening (kept or not, see repairs.json)
 * ```
 *
 * A rewrite kept is also committed to `sections/`. Resuming reads these files: a round whose
 * findings exist is not reviewed again, a section with an outcome is not rewritten again.
 */
export const reviewPaths = {
  draft: join('review', 'draft.md'),
  findings: (round: number) => join('review', `round-${round}`, 'findings.json'),
  rewrites: (round: number) => join('review', `round-${round}`, 'rewrites.json'),
  before: (round: number, name: string) => join('review', `round-${round}`, `${name}.before.md`),
  after: (round: number, name: string) => join('review', `round-${round}`, `${name}.after.md`),
};

/** Where the seam pass keeps its work (see `reviewPaths`). */
export const seamPaths = {
  findings: join('review', 'seams', 'findings.json'),
  repairs: join('review', 'seams', 'repairs.json'),
  before: (name: string) => join('review', 'seams', `${name}.before.md`),
  after: (name: string) => join('review', 'seams', `${name}.after.md`),
};

/** `review/seams/findings.json`. */
export const SeamFindingsSchema = z.object({
  /** Plan indexes of the later sections of the seams checked. */
  seams: z.array(z.int().min(1)),
  findings: z.array(FindingSchema),
  /** Checker calls the seams took. */
  calls: z.int().min(0),
});
export type SeamFindings = z.infer<typeof SeamFindingsSchema>;

/** `review/round-N/findings.json`. */
export const RoundFindingsSchema = z.object({
  round: z.int().min(1),
  findings: z.array(FindingSchema),
  /** Reviewer calls the round took (one per window). */
  calls: z.int().min(0),
});
export type RoundFindings = z.infer<typeof RoundFindingsSchema>;

/** One flagged section's outcome in `review/round-N/rewrites.json`. */
export const RewriteRecordSchema = z.object({
  sectionId: z.string(),
  index: z.int().min(0),
  /** Whether the rewrite replaced the section: fewer findings and no new error. */
  kept: z.boolean(),
  /** The before and after texts, relative to the run directory. */
  before: z.string(),
  after: z.string(),
  findingsBefore: z.array(FindingSchema),
  findingsAfter: z.array(FindingSchema),
});
export type RewriteRecord = z.infer<typeof RewriteRecordSchema>;

const RewritesSchema = z.array(RewriteRecordSchema);

/** Writes a review file of the run at `directory`, creating its round folder. */
export async function writeReviewFile({
  directory,
  name,
  data,
}: {
  directory: string;
  name: string;
  data: string;
}): Promise<void> {
  await mkdir(dirname(join(directory, name)), { recursive: true });
  await writeOutputFile({ path: join(directory, name), data });
}

/** A round's findings, or undefined when that round's review has not finished. */
export function readRoundFindings({
  directory,
  round,
}: {
  directory: string;
  round: number;
}): Promise<RoundFindings | undefined> {
  return readRunJson({ directory, name: reviewPaths.findings(round), schema: RoundFindingsSchema });
}

/** The outcomes decided so far in a round; empty before the first. */
export async function readRoundRewrites({
  directory,
  round,
}: {
  directory: string;
  round: number;
}): Promise<RewriteRecord[]> {
  return (
    (await readRunJson({ directory, name: reviewPaths.rewrites(round), schema: RewritesSchema })) ??
    []
  );
}

/** The seam pass's findings and the outcomes of its repairs; undefined before its check ended. */
export async function readSeamPass({
  directory,
}: {
  directory: string;
}): Promise<{ findings: SeamFindings; repairs: RewriteRecord[] } | undefined> {
  const findings = await readRunJson({
    directory,
    name: seamPaths.findings,
    schema: SeamFindingsSchema,
  });
  if (findings === undefined) return undefined;
  const repairs =
    (await readRunJson({ directory, name: seamPaths.repairs, schema: RewritesSchema })) ?? [];
  return { findings, repairs };
}

/** A text the review wrote (a before or after), by its path relative to the run directory. */
export function readReviewText({ directory, name }: { directory: string; name: string }) {
  return readRunText({ path: join(directory, name), maxBytes: fileLimits.runFile });
}

/** Every finished review round with the outcomes decided in it, in round order. */
export async function readReviewRounds({
  directory,
}: {
  directory: string;
}): Promise<Array<{ findings: RoundFindings; rewrites: RewriteRecord[] }>> {
  const rounds: Array<{ findings: RoundFindings; rewrites: RewriteRecord[] }> = [];
  for (let round = 1; ; round += 1) {
    const findings = await readRoundFindings({ directory, round });
    if (findings === undefined) return rounds;
    rounds.push({ findings, rewrites: await readRoundRewrites({ directory, round }) });
  }
}
