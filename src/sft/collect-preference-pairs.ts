import {
  listCandidateSections,
  readCandidatePrompt,
  readCandidateScores,
  readCandidateText,
} from '../store/candidate-files.js';
import { readReviewRounds, readReviewText } from '../store/review-files.js';
import type { PreferencePair } from './preference-record.js';

/** The least score difference (0–1, see `selectCandidate`) that makes two candidates a pair. */
export const minimumMargin = 0.1;

/**
 * The preference pairs a finished write run holds, read from its run directory:
 *
 * - **candidates**: for each section drafted as best of N, the kept candidate (chosen) against
 *   each candidate that scored worse (rejected). Every rejected one lost to the kept one under
 *   the same prompt, so each is a pair; best against worst alone would throw the others away.
 *   A candidate that scored within `minimumMargin` of the kept one is no clear preference and
 *   gives no pair (with three metrics, 0.1 is 30% of one metric's range: a length 4.5% further
 *   from the budget under the 15% tolerance).
 * - **review**: each rewrite the review kept (fewer findings, no new error), its text after
 *   (chosen) against before (rejected).
 *
 * The prompt of every pair is the one the section was drafted from (`candidates/…/prompt.json`):
 * the section-level instruction the writer saw (the request, the outline around the section,
 * the facts so far, the end of the previous section, the section's brief and length), not the
 * whole-document request, since a section is judged against what it was asked. A rewrite of
 * a section without a stored prompt (drafted without candidates) gives no pair.
 */
export async function collectPreferencePairs({
  directory,
}: {
  directory: string;
}): Promise<PreferencePair[]> {
  const pairs: PreferencePair[] = [];
  const prompts = new Map<string, { system: string; prompt: string }>();
  for (const name of await listCandidateSections({ directory })) {
    const stored = await readCandidatePrompt({ directory, name });
    const scores = await readCandidateScores({ directory, name });
    if (stored === undefined || scores === undefined) continue;
    const prompt = { system: stored.system ?? '', prompt: stored.prompt };
    prompts.set(scores.sectionId, prompt);
    const kept = scores.candidates.find((candidate) => candidate.candidate === scores.kept)!;
    const chosen = await readCandidateText({ directory, name, candidate: kept.candidate });
    for (const candidate of scores.candidates) {
      if (candidate.score - kept.score < minimumMargin) continue;
      pairs.push({
        ...prompt,
        chosen,
        rejected: await readCandidateText({ directory, name, candidate: candidate.candidate }),
        origin: {
          source: 'candidates',
          sectionId: scores.sectionId,
          chosen: kept.file,
          rejected: candidate.file,
          scores: { chosen: kept.score, rejected: candidate.score },
        },
      });
    }
  }
  for (const { findings, rewrites } of await readReviewRounds({ directory })) {
    for (const rewrite of rewrites) {
      const prompt = prompts.get(rewrite.sectionId);
      if (!rewrite.kept || prompt === undefined) continue;
      pairs.push({
        ...prompt,
        chosen: await readReviewText({ directory, name: rewrite.after }),
        rejected: await readReviewText({ directory, name: rewrite.before }),
        origin: {
          source: 'review',
          sectionId: rewrite.sectionId,
          chosen: rewrite.after,
          rejected: rewrite.before,
          round: findings.round,
          findings: { before: rewrite.findingsBefore.length, after: rewrite.findingsAfter.length },
        },
      });
    }
  }
  return pairs;
}
