import { describe, expect, it } from 'vitest';
import { laneOf, runFindings } from '../../../src/report/write-run/run-findings.js';

describe('runFindings', () => {
  it('lists the report and the section checks together, errors first, placed in the document', () => {
    const document = '# T\n\n## One\n\nAlpha text.\nSure, here is the section.\n';
    const findings = runFindings({
      report: undefined,
      stepFindings: [
        {
          sectionId: 's001',
          finding: {
            evaluator: 'check',
            ruleId: 'check/meta-assistant',
            severity: 'error',
            message: 'a reply to the user leaked into the text',
            location: { section: 's001', line: 2 },
          },
        },
        {
          sectionId: 's009',
          finding: {
            evaluator: 'check',
            ruleId: 'check/length-short',
            severity: 'warning',
            message: 'too short',
          },
        },
      ],
      document,
      sections: [
        { index: 0, file: 'sections/001-one.md', text: 'Alpha text.\nSure, here is the section.' },
      ],
      sectionStarts: new Map([['s001', document.indexOf('## One')]]),
      sectionIndexes: new Map([['s001', 0]]),
    });
    expect(findings.map((finding) => [finding.number, finding.lane, finding.offset])).toEqual([
      [1, 'meta-text', document.indexOf('Sure, here')],
      [2, 'length', null],
    ]);
    expect(findings[0]?.where).toBe('section s001, its line 2');
  });

  it('sorts rules into the strip rows', () => {
    expect(laneOf('repetition/duplicate-paragraph')).toBe('repetition');
    expect(laneOf('check/overlap')).toBe('repetition');
    expect(laneOf('constraints/event-missing')).toBe('constraints');
    expect(laneOf('check/meta-word-count')).toBe('meta-text');
    expect(laneOf('length/off-target')).toBe('length');
    expect(laneOf('quality/judgement-dropped')).toBe('other');
  });
});
