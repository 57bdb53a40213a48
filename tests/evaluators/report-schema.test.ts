import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import type { QualityResult } from '../../src/evaluators/quality/quality-result-schema.js';
import { type Report, ReportSchema } from '../../src/evaluators/report-schema.js';
import { schemaDescriptions } from '../helpers/schema-descriptions.js';

/** A real report of a short note. */
const createReport = () => evaluateDocument({ text: 'A short note about tides.' });

const ratings = {
  relevance: 5,
  accuracy: 4,
  coherence: 4,
  clarity: 3,
  breadthAndDepth: 2,
  readingExperience: 1,
};
const scoredQuality: QualityResult = {
  judge: 'openai:judge-model',
  status: 'scored',
  score: 54.17,
  ratings,
  dimensions: {
    relevance: 100,
    accuracy: 75,
    coherence: 75,
    clarity: 50,
    breadthAndDepth: 25,
    readingExperience: 0,
  },
  analysis: 'Uneven.',
  reason: null,
};
const droppedQuality: QualityResult = {
  judge: 'openai:judge-model',
  status: 'dropped',
  score: null,
  ratings: null,
  dimensions: null,
  analysis: null,
  reason: 'No JSON in 3 replies.',
};
const rubric = (score: number | null): Report['rubric'] => ({
  judge: 'openai:judge-model',
  format: 'writingbench',
  request: 'Write a report.',
  criteria: [
    {
      name: 'Depth',
      description: 'Goes beyond the obvious.',
      levels: [{ scores: '9-10', meaning: 'Original throughout.' }],
      status: 'scored',
      score: 5,
      reason: 'Some original points.',
    },
    {
      name: 'Tone',
      description: 'Stays formal.',
      levels: [],
      status: score === null ? 'dropped' : 'scored',
      score: score === null ? null : 10,
      reason: 'Formal.',
    },
  ],
  score,
  dropped: score === null ? 1 : 0,
});

describe('ReportSchema', () => {
  it('converts to a JSON schema whose every description says something', () => {
    const found = schemaDescriptions(ReportSchema);
    // The report's own fields and those of every evaluator's result are documented.
    for (const field of ['quire', 'words', 'scores', 'length', 'quality', 'slop', 'findings']) {
      expect(found.some(([path]) => path.startsWith(`$.properties.${field}`))).toBe(true);
    }
    expect(found.filter(([, text]) => text.trim().length < 3)).toEqual([]);
  });

  it.each([
    ['a scored quality judgement and rubric', scoredQuality, rubric(7.5)],
    ['a dropped quality judgement and rubric criterion', droppedQuality, rubric(null)],
    ['a quire rubric', scoredQuality, { ...rubric(7.5)!, format: 'quire' as const }],
  ])('accepts a report with %s as it is', async (_name, quality, rubricResult) => {
    const report = { ...(await createReport()), quality, rubric: rubricResult };
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it.each([
    ['a quality part above 100', { quality: { ...scoredQuality, score: 100.5 } }],
    ['a rubric mean above 10', { rubric: { ...rubric(7.5)!, score: 10.5 } }],
    ['a rubric mean below 1', { rubric: { ...rubric(7.5)!, score: 0.5 } }],
    ['an unknown quality status', { quality: { ...scoredQuality, status: 'skipped' } }],
  ])('refuses a report with %s', async (_name, change) => {
    expect(ReportSchema.safeParse({ ...(await createReport()), ...change }).success).toBe(false);
  });

  it('accepts every value of each enumerated field', async () => {
    // 5 words of 6 required, in two sections: one on its budget, one over it.
    const report = await evaluateDocument({
      text: 'A short note about tides.',
      requiredWords: 6,
      sections: [
        { id: 's1', title: 'One', words: 3, text: 'A short note' },
        { id: 's2', title: 'Two', words: 1, text: 'about tides.' },
      ],
    });
    expect(report.scores.length).toBeCloseTo(90, 10);
    expect(report.length).toMatchObject({
      gate: { floorWords: 6, ceilingWords: 7 },
      sectionsWithinTolerance: 1,
    });
    expect(report.length.sections.map((section) => section.score)).toEqual([
      100,
      expect.closeTo(200 / 3, 10),
    ]);
    const variants: Array<(copy: Report) => void> = [
      ...(['document', 'run', 'text'] as const).map((kind) => (copy: Report) => {
        copy.target = { kind, path: kind === 'text' ? null : 'essay.md' };
      }),
      ...(['[0,500)', '[500,2000)', '[2000,4000)', '[4000,20000]', '>20000'] as const).map(
        (bucket) => (copy: Report) => {
          copy.length.bucket = bucket;
        },
      ),
      ...(['within', 'short', 'long'] as const).map((status) => (copy: Report) => {
        copy.length.gate = { ...copy.length.gate!, status };
      }),
      (copy: Report) => {
        copy.judge = { model: 'openai:judge-model', calls: 3, dropped: 1 };
      },
      ...(['error', 'warning', 'info'] as const).map((severity) => (copy: Report) => {
        copy.findings = [
          {
            evaluator: 'length',
            ruleId: 'length/x',
            message: 'x',
            severity,
            location: { line: 7 },
          },
        ];
      }),
    ];
    for (const change of variants) {
      const copy = structuredClone(report);
      change(copy);
      expect(ReportSchema.parse(copy)).toEqual(copy);
    }
  });
});
