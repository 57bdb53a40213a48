import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConstraintFile } from '../../src/evaluators/constraints/parse-constraint-file.js';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import { type Report, ReportSchema } from '../../src/evaluators/report-schema.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { scriptedModel } from '../helpers/mock-model.js';

const fixtures = 'tests/fixtures/evaluators/report';
const text = readFileSync(`${fixtures}/document.md`, 'utf8');
const constraints = parseConstraintFile({
  text: readFileSync(`${fixtures}/constraints.json`, 'utf8'),
  file: 'constraints.json',
});
const sections = ['Week 1', 'Week 2', 'Week 3', 'Week 4'].map((title, index) => {
  const start = text.indexOf(`## ${title}`);
  const end = index < 3 ? text.indexOf('## Week', start + 5) : text.length;
  return { id: `week-${index + 1}`, title, words: 90, text: text.slice(start, end) };
});
const judgement = JSON.stringify({
  analysis: 'Vivid and concrete.',
  relevance: 4,
  accuracy: 4,
  coherence: 3,
  clarity: 5,
  breadthAndDepth: 3,
  readingExperience: 4,
});

/** The report without the quire version, which changes with every release. */
function stable(report: Report): Omit<Report, 'quire'> {
  const { quire: _quire, ...rest } = report;
  return rest;
}

describe('evaluateDocument', () => {
  it('matches the golden report (regenerate with UPDATE=1)', async () => {
    const report = await evaluateDocument({
      text,
      requiredWords: 400,
      sections,
      constraints,
      target: { kind: 'document', path: 'document.md' },
    });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const expectedPath = `${fixtures}/expected.json`;
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(stable(report), null, 2)}\n`);
    }
    expect(stable(report)).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  it('finds the defects planted in the fixture', async () => {
    const report = await evaluateDocument({ text, requiredWords: 400, sections, constraints });
    const rules = report.findings.map((finding) => finding.ruleId);
    expect(rules).toEqual(
      expect.arrayContaining([
        'repetition/duplicate-paragraph',
        'constraints/missing-segments',
        'constraints/event-missing',
        'length/below-floor',
      ]),
    );
    expect(report.findings[0]?.severity).toBe('error');
    expect(report.constraints?.results.map((check) => [check.segment, check.decision])).toEqual([
      [2, 'yes'],
      [4, 'no'],
      [1, 'no'],
      [3, 'yes'],
      [5, 'no'],
    ]);
    expect(report.judge).toEqual({ model: null, calls: 0, dropped: 0 });
    expect(report.scores).toEqual({ length: report.length.score, quality: null, overall: null });
  });

  it('adds S_q and the overall score with a judge, and counts its calls', async () => {
    const model = scriptedModel([{ text: judgement }], 'judge-model');
    const report = await evaluateDocument({
      text,
      requiredWords: 400,
      request: 'Write a year of workshop diary entries.',
      judge: { model, name: 'openai:judge-model', clock: createFakeClock() },
    });
    expect(report.quality).toMatchObject({ status: 'scored', judge: 'openai:judge-model' });
    const quality = (75 + 75 + 50 + 100 + 50 + 75) / 6;
    expect(report.scores.quality).toBeCloseTo(quality, 10);
    expect(report.scores.overall).toBeCloseTo(((report.scores.length ?? 0) + quality) / 2, 10);
    expect(report.judge).toEqual({ model: 'openai:judge-model', calls: 1, dropped: 0 });
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain(
      'Write a year of workshop diary entries.',
    );
  });

  it('reports a dropped quality judgement without an overall score', async () => {
    const model = scriptedModel([{ text: 'Great text, 5 stars.' }], 'judge-model');
    const retry = { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };
    const report = await evaluateDocument({
      text,
      requiredWords: 400,
      judge: { model, name: 'openai:judge-model', retry, clock: createFakeClock() },
    });
    expect(report.quality?.status).toBe('dropped');
    expect(report.scores).toMatchObject({ quality: null, overall: null });
    expect(report.judge).toEqual({ model: 'openai:judge-model', calls: 1, dropped: 1 });
  });

  it('merges findings noticed before evaluating, sorted with the rest', async () => {
    const report = await evaluateDocument({
      text: 'A short note.',
      findings: [
        {
          evaluator: 'length',
          ruleId: 'length/sections-incomplete',
          severity: 'warning',
          message: 'Two sections were not written.',
        },
      ],
    });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual([
      'length/sections-incomplete',
      'length/no-target',
    ]);
    expect(report.target).toEqual({ kind: 'text', path: null });
  });

  it('judges the parts when asked, counting those calls with the quality judgement', async () => {
    const model = scriptedModel([{ text: judgement }], 'judge-model');
    const report = await evaluateDocument({
      text,
      requiredWords: 400,
      partQuality: true,
      judge: { model, name: 'openai:judge-model', clock: createFakeClock() },
    });
    const parts = report.degradation?.parts ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((part) => part.quality !== null)).toBe(true);
    expect(report.judge).toEqual({
      model: 'openai:judge-model',
      calls: parts.length + 1,
      dropped: 0,
    });
    expect(model.doStreamCalls).toHaveLength(parts.length + 1);
  });

  it('applies the gate, section tolerance and header rule it is given', async () => {
    const report = await evaluateDocument({
      text,
      requiredWords: 400,
      sections,
      constraints,
      gate: { floor: 0.1, ceiling: 5 },
      sectionTolerance: 0.9,
      constraintHeaders: 'lenient',
    });
    expect(report.length.gate).toMatchObject({ floor: 0.1, ceiling: 5, status: 'within' });
    expect(report.length.tolerance).toBe(0.9);
    expect(report.constraints?.headers).toBe('lenient');
    const rules = report.findings.map((finding) => finding.ruleId);
    expect(rules).not.toContain('length/below-floor');
    expect(rules).not.toContain('length/section-off-budget');
  });

  it('leaves a rubric unjudged without a judge', async () => {
    const report = await evaluateDocument({
      text: 'A short note.',
      rubric: {
        format: 'quire',
        request: null,
        criteria: [{ name: 'Tone', description: 'Stays formal.', levels: [] }],
      },
    });
    expect(report.rubric).toBeNull();
    expect(report.judge).toEqual({ model: null, calls: 0, dropped: 0 });
  });
});
