import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FindingSchema } from '../evaluators/finding.js';
import { readReviewText, writeReviewFile } from './review-files.js';
import { readRunJson } from './run-store.js';

/**
 * Where best of N (`write.candidates`) keeps the drafts of each section in a run directory:
 *
 * ```
 * candidates/NNN-<slug>/prompt.json   the prompt every candidate was drafted from
 * candidates/NNN-<slug>/K.md          candidate K's text (1-based)
 * candidates/NNN-<slug>/K.json        what else its drafting left: notes, usage, replies
 * candidates/NNN-<slug>/scores.json   each metric raw and normalised, and which one was kept
 * ```
 *
 * `K.json` is written after `K.md`, so a candidate with both is finished: a resumed run drafts
 * only the candidates that are missing, and a section with `scores.json` is not chosen again.
 */
export const candidatePaths = {
  folder: (name: string) => join('candidates', name),
  prompt: (name: string) => join('candidates', name, 'prompt.json'),
  text: (name: string, candidate: number) => join('candidates', name, `${candidate}.md`),
  draft: (name: string, candidate: number) => join('candidates', name, `${candidate}.json`),
  scores: (name: string) => join('candidates', name, 'scores.json'),
};

/** `prompt.json`: the system and user prompt of the section's drafting step. */
export const CandidatePromptSchema = z.object({
  system: z.string().optional(),
  prompt: z.string(),
});
export type CandidatePrompt = z.infer<typeof CandidatePromptSchema>;

/** `K.json`: a finished candidate's drafting record, besides its text. */
export const CandidateDraftSchema = z.object({
  notes: z.array(z.string()),
  truncated: z.boolean(),
  calls: z.int().min(0),
  usage: z.object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    cachedInputTokens: z.number(),
    reasoningTokens: z.number(),
  }),
  replies: z.array(z.object({ asked: z.number().optional(), written: z.number() })),
  stripped: z.array(FindingSchema),
  /** The think note marked in this candidate's reply, when it had one. */
  thinkNote: z.string().optional(),
});
export type CandidateDraft = z.infer<typeof CandidateDraftSchema>;

const MetricSchema = z.object({ raw: z.number(), normalised: z.number() });

/** `scores.json`: every candidate's measures and the choice. */
export const CandidateScoresSchema = z.object({
  sectionId: z.string(),
  kept: z.int().min(1),
  candidates: z.array(
    z.object({
      candidate: z.int().min(1),
      file: z.string(),
      words: z.int().min(0),
      metrics: z.partialRecord(z.enum(['length', 'errors', 'overlap', 'quality']), MetricSchema),
      score: z.number(),
      findings: z.array(FindingSchema),
    }),
  ),
});
export type CandidateScores = z.infer<typeof CandidateScoresSchema>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes the prompt the section's candidates are drafted from. */
export function writeCandidatePrompt({
  directory,
  name,
  prompt,
}: {
  directory: string;
  name: string;
  prompt: CandidatePrompt;
}): Promise<void> {
  return writeReviewFile({ directory, name: candidatePaths.prompt(name), data: json(prompt) });
}

/** The prompt a section's candidates were drafted from; undefined when it has none. */
export function readCandidatePrompt({ directory, name }: { directory: string; name: string }) {
  return readRunJson({
    directory,
    name: candidatePaths.prompt(name),
    schema: CandidatePromptSchema,
  });
}

/** Writes one finished candidate: its text, then its record (which marks it finished). */
export async function writeCandidate({
  directory,
  name,
  candidate,
  text,
  draft,
}: {
  directory: string;
  name: string;
  candidate: number;
  text: string;
  draft: CandidateDraft;
}): Promise<void> {
  await writeReviewFile({ directory, name: candidatePaths.text(name, candidate), data: text });
  await writeReviewFile({
    directory,
    name: candidatePaths.draft(name, candidate),
    data: json(draft),
  });
}

/** A finished candidate, or undefined when it was not finished. */
export async function readCandidate({
  directory,
  name,
  candidate,
}: {
  directory: string;
  name: string;
  candidate: number;
}): Promise<{ text: string; draft: CandidateDraft } | undefined> {
  const draft = await readRunJson({
    directory,
    name: candidatePaths.draft(name, candidate),
    schema: CandidateDraftSchema,
  });
  if (draft === undefined) return undefined;
  return { text: await readCandidateText({ directory, name, candidate }), draft };
}

/** A candidate's text. */
export function readCandidateText({
  directory,
  name,
  candidate,
}: {
  directory: string;
  name: string;
  candidate: number;
}): Promise<string> {
  return readReviewText({ directory, name: candidatePaths.text(name, candidate) });
}

/** Writes a section's `scores.json`. */
export function writeCandidateScores({
  directory,
  name,
  scores,
}: {
  directory: string;
  name: string;
  scores: CandidateScores;
}): Promise<void> {
  return writeReviewFile({ directory, name: candidatePaths.scores(name), data: json(scores) });
}

/** A section's `scores.json`; undefined before its candidates were compared. */
export function readCandidateScores({ directory, name }: { directory: string; name: string }) {
  return readRunJson({
    directory,
    name: candidatePaths.scores(name),
    schema: CandidateScoresSchema,
  });
}

/** The sections (`NNN-<slug>`) with a candidates folder, in plan order; empty when none. */
export async function listCandidateSections({ directory }: { directory: string }) {
  const names = await readdir(join(directory, 'candidates')).catch(() => [] as string[]);
  return names.filter((name) => /^\d{3,}-/.test(name)).sort();
}
