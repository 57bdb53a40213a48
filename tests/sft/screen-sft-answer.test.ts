import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/evaluators/finding.js';
import { evaluateRepetition } from '../../src/evaluators/repetition/evaluate-repetition.js';
import type { RepetitionResult } from '../../src/evaluators/repetition/repetition-result-schema.js';
import { allSftFilters, screenSftAnswer } from '../../src/sft/screen-sft-answer.js';
import { prose } from '../helpers/prompt-model.js';

const healthy = evaluateRepetition({ text: prose(1200, 3) }).repetition;
const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({
  evaluator: 'check',
  ruleId,
  severity,
  message: `${ruleId} failed`,
  location: { section: 's002' },
});

function screen({
  words = 1000,
  repetition = healthy,
  sectionFindings = [] as Finding[],
  filters = allSftFilters,
}: {
  words?: number;
  repetition?: RepetitionResult;
  sectionFindings?: Finding[];
  filters?: ReadonlySet<'length' | 'repetition' | 'checks' | 'meta-text'>;
} = {}) {
  return screenSftAnswer({
    words,
    minWords: 800,
    maxRep4: 0.2,
    repetition,
    sectionFindings,
    filters,
  });
}

describe('screenSftAnswer', () => {
  it('keeps a long enough, varied answer whose sections passed their checks', () => {
    expect(screen({ sectionFindings: [finding('check/length-short')] })).toEqual([]);
  });

  it('rejects an answer under the minimum', () => {
    expect(screen({ words: 799 })).toEqual([
      { reason: 'too-short', message: '799 words, under the minimum of 800' },
    ]);
  });

  it('rejects a repetitive answer, or one that collapses at the end', () => {
    expect(screen({ repetition: { ...healthy, rep4: 0.35 } })).toEqual([
      { reason: 'too-repetitive', message: 'rep-4 0.350 is over 0.2' },
    ]);
    const collapsed: RepetitionResult = {
      ...healthy,
      lateCollapse: {
        ...healthy.lateCollapse,
        status: 'collapse',
        position: 0.81,
        reasons: ['repetition'],
      },
    };
    expect(screen({ repetition: collapsed })).toEqual([
      { reason: 'too-repetitive', message: 'the text collapses from 81% on (repetition)' },
    ]);
  });

  it('rejects sections kept with failed content checks, and meta-text, but not warnings', () => {
    const rejections = screen({
      sectionFindings: [
        finding('check/overlap'),
        finding('check/constraint-missing'),
        finding('check/meta-assistant'),
        finding('check/overlap', 'warning'),
      ],
    });
    expect(rejections).toEqual([
      { reason: 'failed-checks', message: 'check/overlap failed (section s002), and 1 more' },
      { reason: 'meta-text', message: 'check/meta-assistant failed (section s002)' },
    ]);
  });

  it('applies only the filters it is given', () => {
    expect(screen({ words: 10, filters: new Set(['repetition']) })).toEqual([]);
    expect(screen({ words: 10, filters: new Set(['length']) })).toHaveLength(1);
  });
});
