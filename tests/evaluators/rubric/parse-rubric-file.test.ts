import { describe, expect, it } from 'vitest';
import { limits } from '../../../src/config/limits.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { parseRubricFile } from '../../../src/evaluators/rubric/parse-rubric-file.js';
import { createWritingBenchItem } from '../../helpers/builders.js';

const parse = (value: unknown) =>
  parseRubricFile({
    text: typeof value === 'string' ? value : JSON.stringify(value),
    file: 'r.json',
  });

describe('parseRubricFile', () => {
  it('reads a WritingBench item as it is: its query, criteria and score bands', () => {
    const rubric = parse(createWritingBenchItem());
    expect(rubric).toEqual({
      format: 'writingbench',
      request: 'Write a quarterly report for a bakery.',
      criteria: [
        {
          name: 'Criterion 1',
          description: 'What criterion 1 asks.',
          levels: [
            { scores: '1-2', meaning: 'Fails it.' },
            { scores: '3-4', meaning: 'Poor.' },
            { scores: '5-6', meaning: 'Adequate.' },
            { scores: '7-8', meaning: 'Good.' },
            { scores: '9-10', meaning: 'Excellent.' },
          ],
        },
        expect.objectContaining({ name: 'Criterion 2' }),
      ],
    });
  });

  it("reads quire's format: criteria as text or as name and description", () => {
    expect(
      parse({
        request: 'Write a memo.',
        criteria: ['Uses the figures given.', { name: 'Tone', description: 'Stays formal.' }],
      }),
    ).toEqual({
      format: 'quire',
      request: 'Write a memo.',
      criteria: [
        { name: 'Criterion 1', description: 'Uses the figures given.', levels: [] },
        { name: 'Tone', description: 'Stays formal.', levels: [] },
      ],
    });
  });

  it('leaves out the score bands a WritingBench criterion leaves blank, and a missing query', () => {
    const { query: _query, ...item } = createWritingBenchItem(1);
    const [criterion] = item.checklist;
    const rubric = parse({ ...item, checklist: [{ ...criterion, '3-4': '  ', '7-8': undefined }] });
    expect(rubric.request).toBeNull();
    expect(rubric.criteria[0]?.levels.map((level) => level.scores)).toEqual(['1-2', '5-6', '9-10']);
  });

  it("reads quire's format without a request", () => {
    expect(parse({ criteria: ['Stays formal.'] }).request).toBeNull();
  });

  it(`takes up to ${limits.rubricCriteria} criteria`, () => {
    const criteria = Array.from({ length: limits.rubricCriteria }, (_, index) => `C${index}`);
    expect(parse({ criteria }).criteria).toHaveLength(limits.rubricCriteria);
  });

  it.each([
    ['text that is not JSON', '{"criteria": [', /is not valid JSON at line 1/],
    ['an object with no criteria', {}, /it has no criteria: give a non-empty "criteria" list/],
    ['an empty criteria list', { criteria: [] }, /it has no criteria/],
    ['a JSON array', ['Uses the figures.'], /it has no criteria/],
    ['JSON null', null, /it has no criteria/],
    ['a JSON string', '"Be formal."', /it has no criteria/],
    ['a JSON number', '42', /it has no criteria/],
    ['criteria that are not a list', { criteria: 'Be formal.' }, /it has no criteria/],
    [
      'a key quire does not know',
      { criteria: ['Be formal.'], weights: [1] },
      /unknown key "weights"/,
    ],
    [
      'a criterion with a key quire does not know',
      { criteria: [{ description: 'Be formal.', weight: 2 }] },
      /unknown key "weight"/,
    ],
    [
      'a WritingBench criterion with a blank name',
      { checklist: [{ name: ' ', criteria_description: 'Be formal.' }] },
      /"checklist.0.name": is empty: write the criterion there/,
    ],
    ['an empty WritingBench checklist', { query: 'q', checklist: [] }, /it has no criteria/],
    ['a criterion of blank text', { criteria: ['  '] }, /"criteria.0.description": is empty/],
    [
      'a criterion with a name but no text',
      { criteria: [{ name: 'Tone' }] },
      /"criteria.0.description" is missing/,
    ],
    [
      'a WritingBench criterion without its description',
      { checklist: [{ name: 'Tone' }] },
      /"checklist.0.criteria_description" is missing/,
    ],
    [
      'too many criteria',
      { criteria: Array.from({ length: limits.rubricCriteria + 1 }, (_, index) => `C${index}`) },
      new RegExp(
        `has ${limits.rubricCriteria + 1} criteria, more than the ${limits.rubricCriteria}`,
      ),
    ],
  ])('refuses %s, naming the file', (_name, value, message) => {
    expect(() => parse(value)).toThrow(message);
    expect(() => parse(value)).toThrow(/Rubric file r\.json/);
    expect(() => parse(value)).toThrow(InputFileError);
  });

  it('says the content is what is wrong when the file is JSON', () => {
    const error = (() => {
      try {
        parse({ criteria: [] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({ file: 'r.json', problem: 'invalidContent' });
  });
});
