import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/evaluators/count-words.js';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import type { Finding } from '../../src/evaluators/finding.js';
import { allSftFilters, type SftFilter, screenSftAnswer } from '../../src/sft/screen-sft-answer.js';
import { buildProse } from '../fixtures/evaluators/build-prose.mjs';
import { prose } from '../helpers/prompt-model.js';
import { realOutputs } from '../helpers/real-outputs.js';

const healthyText = prose(1000, 3);
const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({
  evaluator: 'check',
  ruleId,
  severity,
  message: `${ruleId} failed`,
  location: { section: 's002' },
});

async function screen({
  text = healthyText,
  requiredWords = 1000,
  maxRep4,
  minWords = 800,
  sectionFindings = [] as Finding[],
  filters = allSftFilters,
}: {
  text?: string;
  requiredWords?: number;
  maxRep4?: number;
  minWords?: number;
  sectionFindings?: Finding[];
  filters?: ReadonlySet<SftFilter>;
} = {}) {
  const report = await evaluateDocument({
    text,
    requiredWords,
    repetition: maxRep4 === undefined ? {} : { maxRep4 },
  });
  return screenSftAnswer({ report, minWords, sectionFindings, filters });
}

describe('screenSftAnswer', () => {
  it('keeps a long enough, varied answer whose sections passed their checks', async () => {
    expect(await screen({ sectionFindings: [finding('check/length-short')] })).toEqual([]);
  });

  it('rejects an answer under the minimum, or over the length gate’s ceiling', async () => {
    expect(await screen({ minWords: 1001 })).toEqual([
      { reason: 'too-short', message: '1000 words, under the minimum of 1001' },
    ]);
    expect(await screen({ requiredWords: 800 })).toEqual([
      { reason: 'too-long', message: '1000 words, over the ceiling of 960 (1.2× the target)' },
    ]);
  });

  it('rejects exactly on the repetition errors of the report, and on rep-4 only when limited', async () => {
    const looping = `${healthyText}\n\n${'The committee will review the proposal. '.repeat(60)}`;
    const rejections = await screen({ text: looping, requiredWords: countWords(looping) });
    const { findings } = await evaluateDocument({ text: looping });
    const errors = findings.filter((each) => each.severity === 'error');
    expect(errors.map((each) => each.ruleId)).toContain('repetition/token-loop');
    expect(rejections).toEqual([
      {
        reason: 'too-repetitive',
        message: `${errors[0]?.message}, and ${errors.length - 1} more`,
      },
    ]);
    const text = buildProse({ words: 3000, seed: 5 });
    const { repetition } = await evaluateDocument({ text });
    expect(repetition.rep4).toBeGreaterThan(0.001);
    const requiredWords = countWords(text);
    expect(await screen({ text, requiredWords })).toEqual([]);
    expect(await screen({ text, requiredWords, maxRep4: repetition.rep4 / 2 })).toEqual([
      expect.objectContaining({
        reason: 'too-repetitive',
        message: expect.stringMatching(/rep-4/),
      }),
    ]);
  });

  it('rejects sections kept with failed content checks, and meta-text, but not warnings', async () => {
    const rejections = await screen({
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

  it('applies only the filters it is given', async () => {
    expect(await screen({ minWords: 5000, filters: new Set(['repetition']) })).toEqual([]);
    expect(await screen({ minWords: 5000, filters: new Set(['length']) })).toHaveLength(1);
  });

  it('keeps long human-like prose with a list and a restated paragraph', async () => {
    const text = buildProse({ words: 6000, seed: 11 });
    expect(await screen({ text, requiredWords: countWords(text) })).toEqual([]);
  });
});

const repetition = realOutputs('repetition');

describe.skipIf(!repetition.present)(
  'the SFT screen on labelled real outputs (../shared/data/real-outputs/repetition)',
  () => {
    it('rejects every degenerate text as too repetitive and no clean one', async () => {
      const { texts } = JSON.parse(await readFile(repetition.path('labels.json'), 'utf8')) as {
        texts: Array<{ id: string; file: string; degenerate: boolean }>;
      };
      expect(texts).toHaveLength(12);
      for (const labelled of texts) {
        const text = await readFile(repetition.path(labelled.file), 'utf8');
        const words = countWords(text);
        const reasons = await screen({ text, requiredWords: words, minWords: 0 });
        expect(
          reasons.map((each) => each.reason),
          labelled.id,
        ).toEqual(labelled.degenerate ? ['too-repetitive'] : []);
      }
    }, 120_000);
  },
);
