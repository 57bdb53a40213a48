import { describe, expect, it } from 'vitest';
import {
  type CandidateSettings,
  draftCandidates,
  type PromptedDraft,
} from '../../../src/control/candidates/draft-candidates.js';
import { measureCandidate } from '../../../src/control/candidates/measure-candidate.js';
import type { RunEventInput } from '../../../src/control/run-events.js';
import { countWords } from '../../../src/evaluators/count-words.js';
import type { Finding } from '../../../src/evaluators/finding.js';
import type { CallUsage } from '../../../src/model/usage-meter.js';
import {
  readCandidate,
  readCandidatePrompt,
  readCandidateScores,
  writeCandidateScores,
} from '../../../src/store/candidate-files.js';
import { createPlan } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { promptModel, prose } from '../../helpers/prompt-model.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const section = createPlan({ count: 2, words: 200 }).sections[1]!;
const name = '001-section-2';
const resolution = { length: 0.15, overlap: 0.2 };

function usage(outputTokens: number): CallUsage {
  return { inputTokens: 100, outputTokens, cachedInputTokens: 0, reasoningTokens: 0 };
}

/** A finished draft of `words` words, written from a prompt that names its seed. */
function draft(words: number, seed: number | undefined): PromptedDraft {
  return {
    text: prose(words, seed ?? 0),
    notes: [],
    thinkNote: seed === undefined ? 'Purpose: the first.' : undefined,
    stripped: [],
    usage: usage(words),
    calls: 1,
    continuations: 0,
    truncated: false,
    replies: [{ asked: 200, written: words }],
    system: seed === undefined ? 'You write.' : undefined,
    prompt: `Write section 2 (seed ${seed ?? 'none'}).`,
  };
}

/** A check that flags what is shorter than 150 words, as the length check does. */
function check(text: string): Finding[] {
  return countWords(text) < 150
    ? [{ evaluator: 'length', ruleId: 'check/length-short', message: 'short', severity: 'error' }]
    : [];
}

async function candidates({
  directory,
  lengths = [120, 200, 320],
  settings = {},
  write,
}: {
  directory: string;
  lengths?: number[];
  settings?: Partial<CandidateSettings>;
  write?: (seed: number | undefined) => Promise<PromptedDraft>;
}) {
  const seeds: Array<number | undefined> = [];
  const extra: Array<{ usage: CallUsage; calls: number }> = [];
  const events: RunEventInput[] = [];
  const result = await draftCandidates({
    settings: {
      count: lengths.length,
      directory,
      resolution,
      onExtraDraft: (each) => extra.push(each),
      ...settings,
    },
    name,
    section,
    index: 1,
    previous: [prose(200, 50)],
    request: 'Write about tides',
    write:
      write ??
      (async (seed) => {
        seeds.push(seed);
        return draft(lengths[seed ?? 0]!, seed);
      }),
    check,
    emit: async (event) => {
      events.push(event);
    },
  });
  return { result, seeds, extra, events };
}

describe('draftCandidates', () => {
  it('drafts each candidate by seed, keeps the best on disk and returns it with every cost', async () => {
    const directory = await tempDir();
    const { result, seeds, extra, events } = await candidates({ directory });
    expect(seeds.toSorted()).toEqual([1, 2, undefined]);
    // Candidate 2 is on budget; 1 is short (an error too), 3 far over.
    expect(result.text).toBe(prose(200, 1));
    expect(result.usage.outputTokens).toBe(120 + 200 + 320);
    expect(result.usage.inputTokens).toBe(300);
    expect(result.calls).toBe(3);
    expect(result.replies).toEqual([
      { asked: 200, written: 120 },
      { asked: 200, written: 200 },
      { asked: 200, written: 320 },
    ]);
    expect(extra.map((each) => each.usage.outputTokens).toSorted()).toEqual([200, 320]);
    expect(extra.every((each) => each.calls === 1)).toBe(true);

    const scores = await readCandidateScores({ directory, name });
    expect(scores?.sectionId).toBe('s002');
    expect(scores?.kept).toBe(2);
    expect(scores?.candidates.map((each) => [each.candidate, each.words, each.file])).toEqual([
      [1, 120, 'candidates/001-section-2/1.md'],
      [2, 200, 'candidates/001-section-2/2.md'],
      [3, 320, 'candidates/001-section-2/3.md'],
    ]);
    expect(scores!.candidates[0]!.findings).toEqual(check(prose(120, 0)));
    expect(scores!.candidates[1]!.score).toBe(0);
    const first = await readCandidate({ directory, name, candidate: 1 });
    expect(first?.text).toBe(prose(120, 0));
    expect(first?.draft).toEqual({
      notes: [],
      truncated: false,
      calls: 1,
      usage: usage(120),
      replies: [{ asked: 200, written: 120 }],
      stripped: [],
      thinkNote: 'Purpose: the first.',
    });
    expect((await readCandidate({ directory, name, candidate: 2 }))?.draft).not.toHaveProperty(
      'thinkNote',
    );
    const prompt = await readCandidatePrompt({ directory, name });
    expect(prompt?.prompt).toMatch(/^Write section 2 \(seed/);

    const ends = events.filter((event) => event.type === 'candidate-end');
    expect(ends).toHaveLength(3);
    expect(ends).toContainEqual({
      type: 'candidate-end',
      sectionId: 's002',
      index: 1,
      candidate: 3,
      words: 320,
      usage: usage(320),
    });
    expect(events.at(-1)).toEqual({
      type: 'selection-end',
      sectionId: 's002',
      index: 1,
      kept: 2,
      scores: scores!.candidates.map((each) => each.score),
    });
  });

  it('resumes with only the candidates not finished, keeping the finished ones as drafted', async () => {
    const directory = await tempDir();
    await candidates({ directory, lengths: [120, 200] });
    const { result, seeds, events } = await candidates({ directory, lengths: [120, 200, 180] });
    expect(seeds).toEqual([2]);
    expect(result.usage.outputTokens).toBe(180);
    expect(result.calls).toBe(1);
    expect(result.replies).toEqual([
      { asked: 200, written: 120 },
      { asked: 200, written: 200 },
      { asked: 200, written: 180 },
    ]);
    // The section was chosen already: its choice stands.
    expect(result.text).toBe(prose(200, 1));
    expect(result.continuations).toBe(0);
    expect(events.map((event) => event.type)).toEqual(['candidate-end']);
  });

  it('returns a stored candidate with its think note when the stored choice names it', async () => {
    const directory = await tempDir();
    await candidates({ directory, lengths: [120, 200] });
    const stored = await readCandidateScores({ directory, name });
    await writeCandidateScores({ directory, name, scores: { ...stored!, kept: 1 } });
    const { result, seeds } = await candidates({ directory, lengths: [120, 200] });
    expect(seeds).toEqual([]);
    expect(result.text).toBe(prose(120, 0));
    expect(result.thinkNote).toBe('Purpose: the first.');
    expect(result.calls).toBe(0);
  });

  it('fails with the error of a draft that failed, keeping the others on disk', async () => {
    const directory = await tempDir();
    const failure = new Error('the model is gone');
    await expect(
      candidates({
        directory,
        write: async (seed) => {
          if (seed === 1) throw failure;
          return draft(200, seed);
        },
      }),
    ).rejects.toBe(failure);
    expect(await readCandidate({ directory, name, candidate: 1 })).toBeDefined();
    expect(await readCandidate({ directory, name, candidate: 2 })).toBeUndefined();
    expect(await readCandidateScores({ directory, name })).toBeUndefined();
  });

  it('asks the judge about the section as a section, and keeps the candidate it rates higher', async () => {
    const directory = await tempDir();
    const ratings = (value: number) => ({
      analysis: 'Reads well.',
      relevance: value,
      accuracy: value,
      coherence: value,
      clarity: value,
      breadthAndDepth: value,
      readingExperience: value,
    });
    const judgeModel = promptModel(({ prompt }) => ({
      text: JSON.stringify(ratings(prompt.includes(prose(200, 1).slice(0, 60)) ? 5 : 2)),
    }));
    const { result, events } = await candidates({
      directory,
      lengths: [200, 200],
      settings: {
        judge: { name: 'judge', model: judgeModel, clock: createFakeClock() },
      },
    });
    expect(result.text).toBe(prose(200, 1));
    const scope = JSON.stringify(judgeModel.doStreamCalls[0]!.prompt);
    expect(scope).toContain('one section of it, titled \\"Section 2\\"');
    expect(scope).toContain('Write about tides');
    const scores = await readCandidateScores({ directory, name });
    expect(scores?.candidates.map((each) => each.metrics.quality?.raw)).toEqual([25, 100]);
    expect(events.at(-1)).toMatchObject({ type: 'selection-end', kept: 2 });
  });
});

describe('measureCandidate', () => {
  const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({
    evaluator: 'check',
    ruleId,
    message: ruleId,
    severity,
  });

  it('counts as errors only the errors not measured on a scale of their own', () => {
    const metrics = measureCandidate({
      text: prose(150, 3),
      findings: [
        finding('check/length-short'),
        finding('check/length-long'),
        finding('check/overlap'),
        finding('check/meta-text'),
        finding('check/meta-text', 'warning'),
        finding('check/truncated'),
      ],
      budget: 200,
      previous: [],
    });
    expect(metrics).toEqual({ length: 0.25, errors: 2, overlap: 0 });
  });

  it('measures the overlap with earlier sections and keeps the judge score when given', () => {
    const text = prose(150, 3);
    const metrics = measureCandidate({
      text,
      findings: [],
      budget: 100,
      previous: [text],
      quality: 60,
    });
    expect(metrics).toMatchObject({ length: 0.5, errors: 0, quality: 60 });
    expect(metrics.overlap).toBeGreaterThan(0.9);
  });

  it('measures a length against a budget of at least one word', () => {
    expect(
      measureCandidate({ text: 'one two', findings: [], budget: 0, previous: [] }).length,
    ).toBe(2);
  });
});
