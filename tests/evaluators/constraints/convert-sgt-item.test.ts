import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import {
  type ConstraintType,
  constraintTypes,
} from '../../../src/evaluators/constraints/constraint-file-schema.js';
import { convertSgtItem } from '../../../src/evaluators/constraints/convert-sgt-item.js';
import { expandConstraints } from '../../../src/evaluators/constraints/expand-constraints.js';
import { parseSgtDataset } from '../../../src/evaluators/constraints/parse-sgt-dataset.js';
import { readSgtDataset } from '../../../src/evaluators/constraints/read-sgt-dataset.js';
import type { SgtItem } from '../../../src/evaluators/constraints/sgt-item-schema.js';
import { validateConstraintFile } from '../../../src/evaluators/constraints/validate-constraint-file.js';

const dataDirectory = '../shared/data/sgt';
const checkKey: Record<
  ConstraintType,
  keyof Pick<SgtItem, 'checks_once' | 'checks_range' | 'checks_periodic'>
> = {
  once: 'checks_once',
  range: 'checks_range',
  periodic: 'checks_periodic',
};

/** An item in SGT's shape, made up for the test. */
function createSgtItem(overrides: Partial<SgtItem> = {}): SgtItem {
  return {
    prompt: 'Write a yearly diary. Each diary entry should be at least 200 words. *** started ***',
    checks_once: { '19': 'husband birthday', '38': 'my wife birthday' },
    checks_range: { '24': 'fashion week in Paris', '25': 'fashion week in Paris' },
    checks_periodic: {
      '13': 'parenting workshop',
      '18': 'parenting workshop',
      '23': 'parenting workshop',
    },
    type: 'Week',
    prefix: '#*# Week 1 (January 1st - January 7th):',
    number: 52,
    ...overrides,
  };
}

describe('convertSgtItem', () => {
  it('regroups expanded checks into once, range and periodic constraints', () => {
    const { constraints } = convertSgtItem(createSgtItem());
    expect(constraints).toEqual({
      version: 1,
      unit: 'Week',
      separator: '#*#',
      segments: 52,
      minWords: 200,
      constraints: [
        { type: 'once', segment: 19, event: 'husband birthday' },
        { type: 'once', segment: 38, event: 'my wife birthday' },
        { type: 'range', start: 24, end: 25, event: 'fashion week in Paris' },
        { type: 'periodic', start: 13, every: 5, end: 23, event: 'parenting workshop' },
      ],
    });
    expect(validateConstraintFile(constraints).ok).toBe(true);
  });

  it('keeps a grid column as a stepped range and splits a range that wraps around', () => {
    const column = convertSgtItem(
      createSgtItem({
        checks_range: { '28': 'shops', '38': 'shops', '48': 'shops' },
        type: 'Block',
        number: 100,
      }),
    );
    expect(column.constraints.constraints).toContainEqual({
      type: 'range',
      start: 28,
      end: 48,
      every: 10,
      event: 'shops',
    });
    const wrapped = convertSgtItem(
      createSgtItem({
        checks_range: { '1': 'ski trip', '2': 'ski trip', '365': 'ski trip' },
        number: 365,
      }),
    );
    const ranges = wrapped.constraints.constraints.filter(
      (constraint) => constraint.type === 'range',
    );
    expect(ranges).toEqual([
      { type: 'range', start: 1, end: 2, event: 'ski trip' },
      { type: 'range', start: 365, end: 365, event: 'ski trip' },
    ]);
  });

  it.each([
    ['Each entry should be at least 150 words.', 150],
    ['with a minimum of 120 words per description', 120],
    ['aiming for between 100 to 120 words per entry', 100],
    ['Aim for between 200 and 220 words per menu', 200],
    ['no length stated', undefined],
  ])('reads the minimum length from "%s"', (sentence, minWords) => {
    expect(convertSgtItem(createSgtItem({ prompt: sentence })).constraints.minWords).toBe(minWords);
  });

  it('keeps a lone periodic check, sorts zero-padded keys by number and splits uneven runs', () => {
    const { constraints } = convertSgtItem(
      createSgtItem({
        checks_once: {},
        checks_range: { '010': 'harvest', '009': 'harvest' },
        checks_periodic: {
          '7': 'market',
          '1': 'fair',
          '2': 'fair',
          '4': 'fair',
          '6': 'fair',
          '8': 'fair',
        },
      }),
    );
    expect(constraints.constraints).toEqual([
      { type: 'range', start: 9, end: 10, event: 'harvest' },
      { type: 'periodic', start: 1, every: 1, end: 2, event: 'fair' },
      { type: 'periodic', start: 4, every: 2, end: 8, event: 'fair' },
      { type: 'periodic', start: 7, every: 1, end: 7, event: 'market' },
    ]);
  });

  it('reads the minimum length whatever its case', () => {
    expect(
      convertSgtItem(createSgtItem({ prompt: 'Write AT LEAST 300 WORDS a day.' })).constraints
        .minWords,
    ).toBe(300);
  });

  it.each([
    [
      '[{"prompt": "x"}]',
      "SGT data file data.json does not have SGT's format at 0.checks_once: Invalid input: expected record, received undefined; expected an array of {prompt, checks_once, checks_range, checks_periodic, type, prefix, number}.",
    ],
    [
      '{}',
      "SGT data file data.json does not have SGT's format at (top level): Invalid input: expected array, received object; expected an array of {prompt, checks_once, checks_range, checks_periodic, type, prefix, number}.",
    ],
  ])('says where data %s leaves SGT’s format', (text, message) => {
    expect(() => parseSgtDataset({ text, file: 'data.json' })).toThrow(message);
  });

  it('refuses data that is not in SGT’s format', () => {
    expect(() => parseSgtDataset({ text: '[{"prompt": "x"}]', file: 'data.json' })).toThrow(
      InputFileError,
    );
    expect(() => parseSgtDataset({ text: '{', file: 'data.json' })).toThrow(/not valid JSON/);
  });
});

describe.skipIf(!existsSync(dataDirectory))('on SGT’s published data', () => {
  it.each([
    ['Dataset_short.json', 6_205],
    ['Dataset_long.json', 8_215],
  ])('converts all 400 items of %s with the data’s own checks (%i)', async (file, total) => {
    const items = await readSgtDataset({ path: `${dataDirectory}/${file}` });
    expect(items).toHaveLength(400);
    let checks = 0;
    for (const item of items) {
      const { constraints } = convertSgtItem(item);
      expect(validateConstraintFile(constraints).ok).toBe(true);
      const expanded = expandConstraints(constraints);
      for (const type of constraintTypes) {
        const ours = expanded
          .filter((check) => check.type === type)
          .map((check) => `${check.segment}:${check.event}`);
        // Some keys of the daily diary are zero-padded ("061"): they are segment 61.
        const theirs = Object.entries(item[checkKey[type]]).map(
          ([segment, event]) => `${Number(segment)}:${event}`,
        );
        expect(ours.sort()).toEqual(theirs.sort());
      }
      checks += expanded.length;
    }
    expect(checks).toBe(total);
  });
});
if (!existsSync(dataDirectory)) {
  it.skip(`SGT data: ${dataDirectory} is absent (see its SOURCE.md)`, () => {});
}
