import type { WriteSectionResult } from '../../agents/write-section.js';
import { countWords } from '../../evaluators/count-words.js';
import type { Finding } from '../../evaluators/finding.js';
import type { Judge } from '../../evaluators/judge.js';
import { judgeQuality } from '../../evaluators/quality/judge-quality.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import type { PlanSection } from '../../planner/plan-schema.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import {
  type CandidateScores,
  candidatePaths,
  readCandidate,
  readCandidateScores,
  writeCandidate,
  writeCandidatePrompt,
  writeCandidateScores,
} from '../../store/candidate-files.js';
import type { RunEventInput } from '../run-events.js';
import { measureCandidate } from './measure-candidate.js';
import { type MetricResolution, selectCandidate } from './select-candidate.js';

/** Best of N for the sections of a run: how many drafts, where they go, who judges them. */
export interface CandidateSettings {
  /** Drafts of each section (2 or more). */
  count: number;
  /** The run directory. */
  directory: string;
  /** Scores each candidate's quality too, when given. */
  judge?: Judge | undefined;
  /** The least difference that tells candidates apart, per metric. */
  resolution: MetricResolution;
  /** Told of each candidate after the first drafted: what best of N adds to drafting. */
  onExtraDraft?: (draft: { usage: CallUsage; calls: number }) => void;
}

/** Best of N for one section: the run's settings and the section's file name (`NNN-<slug>`). */
export interface SectionCandidates {
  settings: CandidateSettings;
  name: string;
}

/** A section's draft with the prompt it was written from. */
export type PromptedDraft = WriteSectionResult & { system: string | undefined; prompt: string };

/**
 * Drafts `count` versions of one section and keeps the best (see `selectCandidate`), measured
 * by the section checks and the judge when one is given. The drafts run at once, each through
 * the run's call pool (so `--parallel` bounds them with every other call); candidate 1 is the
 * draft quire writes without best of N, the others ask the model for another sample by seed.
 * Each finished candidate is on disk at once (see `candidatePaths`), so a killed run resumes
 * without drafting it again. Returns the kept draft, with the usage, calls and replies of every
 * candidate drafted now.
 */
export async function draftCandidates({
  settings: { count, directory, judge, resolution, onExtraDraft },
  name,
  section,
  index,
  previous,
  request,
  write,
  check,
  emit,
}: {
  settings: CandidateSettings;
  /** The section's file name (`NNN-<slug>`). */
  name: string;
  section: PlanSection;
  index: number;
  previous: string[];
  /** The writing request, for the judge. */
  request: string;
  /** Drafts the section once; `seed` undefined for the first candidate. */
  write: (seed: number | undefined) => Promise<PromptedDraft>;
  check: (text: string, truncated: boolean) => Finding[];
  emit: (event: RunEventInput) => Promise<void>;
}): Promise<WriteSectionResult> {
  const numbers = Array.from({ length: count }, (_, position) => position + 1);
  const drafted = new Map<number, WriteSectionResult>();
  let usage: CallUsage = emptyUsage;
  let calls = 0;
  const outcomes = await Promise.allSettled(
    numbers.map(async (candidate) => {
      const stored = await readCandidate({ directory, name, candidate });
      if (stored) {
        const { text, draft } = stored;
        const replies = draft.replies.map(({ asked, written }) => ({ asked, written }));
        drafted.set(candidate, {
          ...draft,
          replies,
          text,
          continuations: 0,
          thinkNote: draft.thinkNote,
        });
        return;
      }
      const draft = await write(candidate === 1 ? undefined : candidate - 1);
      usage = addUsage(usage, draft.usage);
      calls += draft.calls;
      if (candidate > 1) onExtraDraft?.({ usage: draft.usage, calls: draft.calls });
      await writeCandidatePrompt({
        directory,
        name,
        prompt: {
          ...(draft.system === undefined ? {} : { system: draft.system }),
          prompt: draft.prompt,
        },
      });
      const { notes, truncated, replies, stripped } = draft;
      const { inputTokens, outputTokens, cachedInputTokens, reasoningTokens } = draft.usage;
      await writeCandidate({
        directory,
        name,
        candidate,
        text: draft.text,
        draft: {
          notes,
          truncated,
          calls: draft.calls,
          usage: { inputTokens, outputTokens, cachedInputTokens, reasoningTokens },
          replies,
          stripped,
          ...(draft.thinkNote === undefined ? {} : { thinkNote: draft.thinkNote }),
        },
      });
      drafted.set(candidate, draft);
      await emit({
        type: 'candidate-end',
        sectionId: section.id,
        index,
        candidate,
        words: countWords(draft.text),
        usage: draft.usage,
      });
    }),
  );
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;

  const kept = (await readCandidateScores({ directory, name }))?.kept ?? (await choose());
  return {
    ...drafted.get(kept)!,
    usage,
    calls,
    replies: numbers.flatMap((candidate) => drafted.get(candidate)!.replies),
  };

  /** Measures and compares the candidates, writes `scores.json`, and returns the one kept. */
  async function choose(): Promise<number> {
    const scope = judge
      ? (
          await renderPrompt({
            name: 'judge-section-scope',
            variables: { request, title: section.title, brief: section.brief },
          })
        ).prompt
      : undefined;
    const measured = await Promise.all(
      numbers.map(async (candidate) => {
        const { text, truncated } = drafted.get(candidate)!;
        const findings = check(text, truncated);
        const quality =
          judge && scope !== undefined
            ? ((await judgeQuality({ judge, text, request: scope })).quality.score ?? undefined)
            : undefined;
        const metrics = measureCandidate({
          text,
          findings,
          budget: section.words,
          previous,
          quality,
        });
        return { candidate, metrics, findings, words: countWords(text) };
      }),
    );
    const selection = selectCandidate({ candidates: measured, resolution });
    const scores: CandidateScores = {
      sectionId: section.id,
      kept: selection.kept,
      candidates: selection.scores.map((score, position) => ({
        candidate: score.candidate,
        file: candidatePaths.text(name, score.candidate),
        words: measured[position]!.words,
        metrics: score.metrics,
        score: score.score,
        findings: measured[position]!.findings,
      })),
    };
    await writeCandidateScores({ directory, name, scores });
    await emit({
      type: 'selection-end',
      sectionId: section.id,
      index,
      kept: selection.kept,
      scores: selection.scores.map((score) => score.score),
    });
    return selection.kept;
  }
}
