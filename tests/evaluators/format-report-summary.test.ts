import { describe, expect, it } from 'vitest';
import { parseConstraintFile } from '../../src/evaluators/constraints/parse-constraint-file.js';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import { formatReportSummary } from '../../src/evaluators/format-report-summary.js';
import { buildProse } from '../fixtures/evaluators/build-prose.mjs';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour escapes.
const escapes = /\u001b\[/;

describe('formatReportSummary', () => {
  it('prints a compact table, the findings and the report path, without colour by default', async () => {
    const report = await evaluateDocument({
      text: buildProse({ words: 2_000, seed: 5 }),
      target: { kind: 'document', path: 'essay.md' },
    });
    const summary = formatReportSummary({ report, reportPath: '/tmp/essay.md.report.json' });
    expect(summary).not.toMatch(escapes);
    const lines = summary.split('\n');
    expect(lines[0]).toBe('quire eval: essay.md (document)');
    expect(summary).toMatch(/^ {2}length S_l +— +no required length: pass --words N$/m);
    expect(summary).toMatch(/^ {2}quality S_q +— +no judge: pass --judge <model>$/m);
    expect(summary).toMatch(/^ {2}compression \(Brotli\) +\d+\.\d\d:1$/m);
    expect(summary).toMatch(/^ {2}longest loop +none +no pattern/m);
    expect(summary).toContain('findings: 0 error(s), 0 warning(s), 1 note(s)');
    expect(summary).toContain('length/no-target');
    expect(summary.trimEnd().endsWith('report: /tmp/essay.md.report.json')).toBe(true);
    const valueColumn = lines
      .filter((line) => line.startsWith('  ') && !line.includes('length/'))
      .map((line) => line.search(/ {2}\S/) + 2);
    expect(new Set(valueColumn).size).toBe(1);
  });

  it('shows constraint scores and colours when asked', async () => {
    const constraints = parseConstraintFile({
      text: JSON.stringify({
        unit: 'Week',
        segments: 2,
        constraints: [{ type: 'once', segment: 1, event: 'fair' }],
      }),
      file: 'c.json',
    });
    const report = await evaluateDocument({
      text: '## Week 1\nWe went to the fair.\n## Week 2\nRain.',
      requiredWords: 10,
      constraints,
    });
    const summary = formatReportSummary({ report, color: true });
    expect(summary).toMatch(escapes);
    expect(summary).toContain('CR / STIC-1 / STIC-2 / wAvg');
    expect(summary).toContain('1.00 / 1.00 / 1.00 / 1.00');
  });

  it('lists the first 12 findings with their lines, the rubric, and no report path unless given', async () => {
    const report = await evaluateDocument({ text: 'A short note about tides.' });
    report.findings = Array.from({ length: 14 }, (_, index) => ({
      evaluator: 'repetition',
      ruleId: `repetition/rule-${index + 1}`,
      severity: index === 0 ? 'error' : 'warning',
      message: `Finding ${index + 1}.`,
      ...(index === 1 ? { location: { line: 7 } } : {}),
    }));
    report.rubric = {
      judge: 'openai:judge-model',
      format: 'quire',
      request: null,
      criteria: [
        {
          name: 'Tone',
          description: 'Stays formal.',
          levels: [],
          status: 'scored',
          score: 8,
          reason: 'Formal.',
        },
      ],
      score: 8,
      dropped: 0,
    };
    const summary = formatReportSummary({ report });
    expect(summary.startsWith('quire eval: text (text)\n')).toBe(true);
    expect(summary).toContain(
      '\n\nrubric: mean 8.00 of 10 over 1 criteria (a quire rubric; judge openai:judge-model)\n   8  Tone: Formal.\n',
    );
    expect(summary).toContain('findings: 1 error(s), 13 warning(s), 0 note(s)');
    expect(summary).toContain('\n  error   repetition/rule-1  Finding 1.\n');
    expect(summary).toContain('\n  warning repetition/rule-2  line 7: Finding 2.\n');
    expect(summary).toContain('repetition/rule-12 ');
    expect(summary).not.toContain('repetition/rule-13 ');
    expect(summary.endsWith('\n  … 2 more in the report\n')).toBe(true);
    expect(summary).not.toContain('report:');
  });
});
