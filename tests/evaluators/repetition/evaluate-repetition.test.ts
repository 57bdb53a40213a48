import { describe, expect, it } from 'vitest';
import { evaluateRepetition } from '../../../src/evaluators/repetition/evaluate-repetition.js';
import { splitParagraphs } from '../../../src/evaluators/repetition/split-paragraphs.js';
import { createTextLocator } from '../../../src/evaluators/text-locator.js';
import {
  buildKeywordSalad,
  buildProse,
  createRandom,
} from '../../fixtures/evaluators/build-prose.mjs';

const prose = buildProse({ words: 12_000, seed: 7 });
const lineOf = (text: string, offset: number) => createTextLocator({ text }).lineOf(offset);
const ruleIds = (text: string) =>
  evaluateRepetition({ text }).findings.map((finding) => finding.ruleId);

/** Inserts a copy of paragraph `index` (optionally altered) at least `distance` characters later. */
function withCopiedParagraph({
  index,
  distance,
  alter = (text: string) => text,
}: {
  index: number;
  distance: number;
  alter?: (text: string) => string;
}) {
  const paragraphs = splitParagraphs(prose);
  const original = paragraphs[index];
  const later = paragraphs.find(
    (paragraph) => original && paragraph.start >= original.start + distance,
  );
  if (!original || !later) throw new Error('the prose is too short for this test');
  const copy = alter(prose.slice(original.start, original.end));
  const text = `${prose.slice(0, later.start)}${copy}\n\n${prose.slice(later.start)}`;
  return { text, originalOffset: original.start, copyOffset: later.start };
}

describe('evaluateRepetition', () => {
  it('finds nothing wrong in human-like prose', () => {
    const { repetition, findings } = evaluateRepetition({ text: prose });
    expect(findings).toEqual([]);
    expect(repetition.lateCollapse.status).toBe('none');
    expect(repetition.nearDuplicates.pairs).toBe(0);
    expect(repetition.windows.maxRep4).toBeLessThan(0.15);
    expect(repetition.compressionRatio).toBeLessThan(5);
    expect(repetition.longestLoop.repeats).toBeLessThan(3);
  });

  it('warns of a paragraph repeated 30,000 characters later, with both locations', () => {
    const { text, originalOffset, copyOffset } = withCopiedParagraph({
      index: 4,
      distance: 30_000,
    });
    expect(copyOffset - originalOffset).toBeGreaterThanOrEqual(30_000);
    const { repetition, findings } = evaluateRepetition({ text });
    expect(repetition.nearDuplicates.pairs).toBe(1);
    expect(repetition.nearDuplicates.worst[0]).toMatchObject({
      jaccard: 1,
      first: { offset: originalOffset, line: lineOf(text, originalOffset) },
      second: { offset: copyOffset, line: lineOf(text, copyOffset) },
    });
    const finding = findings.find((each) => each.ruleId === 'repetition/duplicate-paragraph');
    // Said twice is a flaw, not a loop: a warning, so the text is not called degenerate.
    expect(finding).toMatchObject({ severity: 'warning', location: { offset: copyOffset } });
    expect(finding?.message).toContain(`line ${lineOf(text, originalOffset)}`);
    expect(finding?.location?.section).toMatch(/^\d+\. /);
    expect(findings.map((each) => each.ruleId)).toEqual(['repetition/duplicate-paragraph']);
  });

  it('flags a reworded copy as a near duplicate', () => {
    const alter = (paragraph: string) => {
      const words = paragraph.split(' ');
      for (const position of [0.2, 0.5, 0.8])
        words[Math.floor(words.length * position)] = 'zeppelin';
      return words.join(' ');
    };
    const { text, copyOffset } = withCopiedParagraph({ index: 2, distance: 10_000, alter });
    const { repetition, findings } = evaluateRepetition({ text });
    const pair = repetition.nearDuplicates.worst[0];
    expect(pair?.jaccard).toBeGreaterThan(0.5);
    expect(pair?.jaccard).toBeLessThan(0.9);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'repetition/near-duplicate-paragraph',
        severity: 'warning',
        location: expect.objectContaining({ offset: copyOffset }),
      }),
    ]);
  });

  it('flags duplicated Chinese paragraphs through character shingles', () => {
    const characters =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世';
    const random = createRandom(3);
    const sentence = () =>
      `${Array.from(
        { length: 12 + Math.floor(random() * 10) },
        () => characters[Math.floor(random() * characters.length)],
      ).join('')}。`;
    const paragraphs = Array.from({ length: 60 }, () =>
      Array.from({ length: 5 }, sentence).join(''),
    );
    const clean = paragraphs.join('\n\n');
    expect(evaluateRepetition({ text: clean }).repetition.nearDuplicates.pairs).toBe(0);
    const copied = [...paragraphs.slice(0, 50), paragraphs[3], ...paragraphs.slice(50)].join(
      '\n\n',
    );
    const { repetition } = evaluateRepetition({ text: copied });
    expect(repetition.nearDuplicates.worst[0]).toMatchObject({
      jaccard: 1,
      first: { line: 7 },
      second: { line: 101 },
    });
  });

  it('flags a token loop at the end, where it starts, and the collapse it causes', () => {
    const loopStart = prose.length + 2;
    const text = `${prose}\n\n${'The committee will review the proposal. '.repeat(60)}`;
    const { repetition, findings } = evaluateRepetition({ text });
    expect(repetition.longestLoop).toMatchObject({
      pattern: 'the committee will review the proposal',
      period: 6,
      repeats: 60,
      location: { offset: loopStart, line: lineOf(text, loopStart) },
    });
    expect(findings.find((finding) => finding.ruleId === 'repetition/token-loop')).toMatchObject({
      severity: 'error',
      location: { offset: loopStart },
    });
    const collapse = findings.find((finding) => finding.ruleId === 'repetition/late-collapse');
    expect(collapse).toMatchObject({ severity: 'error' });
    expect(repetition.lateCollapse.reasons).toContain('repetition');
    expect(repetition.lateCollapse.position).toBeGreaterThan(0.9);
    expect(collapse?.location?.offset).toBeLessThanOrEqual(loopStart);
    expect(collapse?.location?.offset).toBeGreaterThan(loopStart - 4_000);
  });

  it('flags a collapse into keyword salad at the end, from where it starts', () => {
    const saladStart = prose.length + 2;
    const text = `${prose}\n\n${buildKeywordSalad({ words: 1_500 })}\n`;
    const { repetition, findings } = evaluateRepetition({ text });
    expect(repetition.lateCollapse).toMatchObject({
      status: 'collapse',
      reasons: ['functionWords'],
    });
    expect(repetition.lateCollapse.window?.functionShare).toBeLessThan(0.2);
    const collapse = findings.find((finding) => finding.ruleId === 'repetition/late-collapse');
    expect(collapse).toMatchObject({ severity: 'error' });
    expect(collapse?.location?.offset).toBeGreaterThan(saladStart - 4_000);
    expect(collapse?.location?.offset).toBeLessThan(saladStart + 2_000);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['repetition/late-collapse']);
  });

  it('does not call a dense passage in the middle a collapse', () => {
    const middle = prose.indexOf('\n\n', prose.length / 2);
    const text = `${prose.slice(0, middle)}\n\n${buildKeywordSalad({ words: 600 })}\n\n${prose.slice(middle)}`;
    expect(ruleIds(text)).not.toContain('repetition/late-collapse');
  });

  it('flags one token repeated many times', () => {
    const text = `${prose}\n\nIt was very ${'very '.repeat(11)}cold.\n\n${prose.slice(0, 3_000)}`;
    expect(ruleIds(text)).toContain('repetition/repeated-token');
  });

  it('leaves closed code fences out of the measures', () => {
    const code = `\n\n\`\`\`\n${'x = x + 1\n'.repeat(200)}\`\`\`\n\n`;
    const text = prose.slice(0, 20_000) + code + prose.slice(20_000);
    expect(evaluateRepetition({ text }).findings).toEqual([]);
  });

  it('lets no unclosed or improperly closed fence hide a loop', () => {
    const loop = 'it is, it is, '.repeat(1_010);
    for (const text of [
      `${prose.slice(0, 8_000)}\n\n\`\`\`\n${loop}\n`,
      // A fence line with an info string opens a block; it cannot close one.
      `${prose.slice(0, 8_000)}\n\n\`\`\`\n${loop}\n\`\`\`python\n`,
      `${prose.slice(0, 8_000)}\n\n~~~\n${loop}\n\`\`\`\n`,
    ]) {
      const { repetition, findings } = evaluateRepetition({ text });
      expect(repetition.tokens).toBeGreaterThan(2_000);
      expect(
        findings.filter((each) => each.severity === 'error').map((each) => each.ruleId),
      ).toContain('repetition/token-loop');
    }
  });

  it.each([
    ['emoji', '💧'.repeat(400)],
    ['spaced markup', '** '.repeat(300)],
    ['rules', '---\n'.repeat(200)],
    [
      'lone punctuation lines',
      Array.from({ length: 600 }, (_, index) => '.,*'[index % 3]).join('\n\n'),
    ],
  ])('calls a loop of symbols (%s) an error, where it starts', (_kind, symbols) => {
    const start = 6_000;
    const text = `${prose.slice(0, start)}${symbols}`;
    const { repetition, findings } = evaluateRepetition({ text });
    expect(repetition.symbolRun.symbols).toBeGreaterThanOrEqual(200);
    const finding = findings.find((each) => each.ruleId === 'repetition/symbol-run');
    expect(finding).toMatchObject({ severity: 'error', location: { offset: start } });
  });

  it('leaves tables, rules and ordinary punctuation alone', () => {
    const table = `| year | price |\n|---|---|\n${Array.from({ length: 40 }, (_, row) => `| ${1950 + row} | ${(row * 37) % 101} |`).join('\n')}`;
    const text = `${prose.slice(0, 10_000)}\n\n---\n\n${table}\n* * *\n\n${prose.slice(10_000, 20_000)}…!?`;
    expect(evaluateRepetition({ text }).repetition.symbolRun.symbols).toBeLessThan(40);
    expect(ruleIds(text)).toEqual([]);
  });

  it('calls a long loop of any period an error, blank lines or not', () => {
    const scene = prose.slice(0, 1_500).replace(/\n\n/g, '\n');
    const text = `${prose.slice(20_000, 30_000)}\n${Array.from({ length: 12 }, (_, index) => `${index % 2 ? 'INT.' : 'EXT.'} ${scene}`).join('\n')}`;
    const { repetition, findings } = evaluateRepetition({ text });
    expect(repetition.repeatedStretch.tokens).toBeGreaterThan(2_000);
    expect(findings.find((each) => each.ruleId === 'repetition/repeated-stretch')).toMatchObject({
      severity: 'error',
    });
  });

  it('stops the collapse check before a closing list of references', () => {
    const references = Array.from(
      { length: 60 },
      (_, index) =>
        `Author${index}, A. B., & Other${index}, C. (20${10 + (index % 10)}). Title ${index}: Study. _Journal ${index}_, _${index}_(2), ${index}–${index + 9}.`,
    ).join('\n');
    const text = `${prose.slice(0, 30_000)}\n\n**References:**\n${references}\n`;
    expect(ruleIds(text)).toEqual([]);
    expect(ruleIds(`${prose.slice(0, 30_000)}\n\n${references}\n`)).toContain(
      'repetition/late-collapse',
    );
  });

  it('checks for a collapse exactly the text before the list of references', () => {
    const body = prose.slice(0, 12_000);
    const references = Array.from(
      { length: 40 },
      (_, index) => `Author${index}, A. (20${10 + (index % 10)}). Title ${index}. _Journal_.`,
    ).join('\n');
    const cut = evaluateRepetition({ text: `${body}\n\n## References\n${references}\n` });
    expect(cut.repetition.lateCollapse.status).toBe('none');
    expect(cut.repetition.lateCollapse).toEqual(
      evaluateRepetition({ text: body }).repetition.lateCollapse,
    );
  });

  it('lets a list-like English text, poor in function words from the start, turn terse', () => {
    // One function word in five tokens: below what makes English prose, above Chinese prose.
    const terse = buildKeywordSalad({ words: 4_000, seed: 5 })
      .split(' ')
      .map((word, index) => (index % 5 === 0 ? `and ${word}` : word))
      .join(' ');
    const text = `${terse}\n\n${buildKeywordSalad({ words: 1_500, seed: 6 })}\n`;
    expect(evaluateRepetition({ text }).repetition.lateCollapse.status).toBe('none');
  });

  it('places the token run of a text with no words at its end', () => {
    const text = '--- ***';
    expect(evaluateRepetition({ text }).repetition.longestTokenRun).toEqual({
      token: '',
      tokens: 0,
      location: createTextLocator({ text }).locate(text.length),
    });
  });
});
