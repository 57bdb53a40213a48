import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { expandConstraints } from '../../../src/evaluators/constraints/expand-constraints.js';
import { parseConstraintFile } from '../../../src/evaluators/constraints/parse-constraint-file.js';

const parse = (value: unknown) =>
  parseConstraintFile({ text: JSON.stringify(value), file: 'constraints.json' });
const parseError = (value: unknown) => {
  try {
    parse(value);
  } catch (error) {
    return error as InputFileError;
  }
  throw new Error('expected the file to be refused');
};

describe('parseConstraintFile', () => {
  it('accepts the three types and defaults the version', () => {
    const file = parse({
      unit: 'Week',
      segments: 52,
      constraints: [
        { type: 'once', segment: 19, event: 'birthday' },
        { type: 'range', start: 24, end: 25, event: 'fashion week' },
        { type: 'periodic', unit: 'Week', start: 13, every: 5, event: 'parenting workshop' },
      ],
    });
    expect(file.version).toBe(1);
    expect(file.constraints).toHaveLength(3);
  });

  it('takes the unit from the constraints when the file does not state one', () => {
    const file = parse({
      segments: 52,
      constraints: [{ type: 'periodic', unit: 'Week', start: 13, every: 5, event: 'workshop' }],
    });
    expect(file.unit).toBe('Week');
  });

  it.each([
    [
      'an unknown type',
      { unit: 'Week', segments: 5, constraints: [{ type: 'weekly', segment: 1, event: 'x' }] },
      'constraints[0].type: unknown constraint type; use one of "once", "range", "periodic"',
    ],
    [
      'a range ending before it starts',
      {
        unit: 'Week',
        segments: 52,
        constraints: [{ type: 'range', start: 24, end: 20, event: 'x' }],
      },
      'constraints[0]: the range ends at 20, before its start 24',
    ],
    [
      'a periodic ending before it starts',
      {
        unit: 'Week',
        segments: 52,
        constraints: [{ type: 'periodic', start: 9, every: 2, end: 3, event: 'x' }],
      },
      'the periodic ends at 3, before its start 9',
    ],
    [
      'a segment 0',
      { unit: 'Week', segments: 5, constraints: [{ type: 'once', segment: 0, event: 'x' }] },
      'constraints[0].segment',
    ],
    [
      'an empty event',
      { unit: 'Week', segments: 5, constraints: [{ type: 'once', segment: 1, event: '  ' }] },
      'constraints[0].event',
    ],
    [
      'an unknown key',
      {
        unit: 'Week',
        segments: 5,
        constraints: [{ type: 'once', segment: 1, event: 'x', when: 'now' }],
      },
      'unknown key "when"',
    ],
    [
      'a unit that disagrees',
      {
        unit: 'Week',
        segments: 5,
        constraints: [{ type: 'once', unit: 'Floor', segment: 1, event: 'x' }],
      },
      '"Floor" differs from the file\'s unit "Week"',
    ],
    ['no way to find segments', { segments: 5, constraints: [] }, 'say how to find the segments'],
    ['no segment count', { unit: 'Week', constraints: [] }, 'segments: expected number'],
  ])('refuses %s in one line naming the place', (_name, value, expected) => {
    const error = parseError(value);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.problem).toBe('invalidContent');
    expect(error.message).toContain('constraints.json');
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['a value that is no object', 5, '(top level): expected object'],
    [
      'another version',
      { version: 2, unit: 'Week', segments: 5, constraints: [] },
      'version: expected 1',
    ],
    [
      'an empty match phrase',
      {
        unit: 'Week',
        segments: 5,
        constraints: [{ type: 'once', segment: 1, event: 'x', match: ['ok', ' '] }],
      },
      'constraints[0].match[1]: Too small: expected string to have >=1 characters',
    ],
    [
      'two unknown keys',
      {
        unit: 'Week',
        segments: 5,
        constraints: [{ type: 'once', segment: 1, event: 'x', when: 1, where: 2 }],
      },
      'constraints[0]: unknown keys "when", "where"',
    ],
    [
      'constraints in several units and none for the file',
      {
        separator: '#*#',
        segments: 5,
        constraints: [
          { type: 'once', unit: 'Week', segment: 1, event: 'x' },
          { type: 'once', unit: 'week', segment: 2, event: 'y' },
          { type: 'once', unit: 'Floor', segment: 3, event: 'z' },
        ],
      },
      'constraints use several units (week, floor); one document has one kind of segment',
    ],
  ])(
    'states the one problem of %s, with its path, in the whole message',
    (_name, value, problem) => {
      expect(parseError(value).message).toBe(
        `Constraints file constraints.json is not usable: ${problem}.`,
      );
    },
  );

  it('counts the problems after the first', () => {
    const range = { type: 'range', start: 9, end: 3, event: 'x' };
    expect(
      parseError({ unit: 'Week', segments: 52, constraints: [range, { ...range, unit: 'Floor' }] })
        .message,
    ).toBe(
      'Constraints file constraints.json is not usable: constraints[0]: the range ends at 3, before its start 9; swap them or fix the numbers (and 2 more problems).',
    );
    expect(
      parseError({
        unit: 'Week',
        segments: 52,
        constraints: [range, { ...range, start: 1, unit: 'Floor' }],
      }).message,
    ).toBe(
      'Constraints file constraints.json is not usable: constraints[0]: the range ends at 3, before its start 9; swap them or fix the numbers (and 1 more problem).',
    );
  });

  it('accepts a range of one segment, a unit in another case, and a file with a separator alone', () => {
    const file = parse({
      unit: 'Week',
      segments: 52,
      constraints: [
        { type: 'range', start: 4, end: 4, unit: 'WEEK', event: 'x' },
        { type: 'periodic', start: 4, every: 2, end: 4, event: 'y' },
      ],
    });
    expect(file.unit).toBe('Week');
    const separated = parse({ separator: '#*#', segments: 3, constraints: [] });
    expect(separated).toEqual({ version: 1, separator: '#*#', segments: 3, constraints: [] });
  });

  it('points at the line and column of a JSON syntax error', () => {
    const error = (() => {
      try {
        parseConstraintFile({ text: '{\n  "segments": 5,\n  "unit": Week\n}', file: 'c.json' });
      } catch (caught) {
        return caught as InputFileError;
      }
    })();
    expect(error).toMatchObject({ problem: 'invalidJson', line: 3 });
  });
});

describe('expandConstraints', () => {
  it('expands each type to its segment numbers, in file order', () => {
    const checks = expandConstraints({
      segments: 20,
      constraints: [
        { type: 'once', segment: 7, event: 'recital' },
        { type: 'range', start: 3, end: 5, event: 'festival' },
        { type: 'range', start: 2, end: 32, every: 10, event: 'column', match: ['pillar'] },
        { type: 'periodic', start: 4, every: 5, event: 'market' },
        { type: 'periodic', start: 1, every: 6, end: 13, event: 'inspection' },
      ],
    });
    const bySegment = (event: string) =>
      checks.filter((check) => check.event === event).map((check) => check.segment);
    expect(bySegment('recital')).toEqual([7]);
    expect(bySegment('festival')).toEqual([3, 4, 5]);
    expect(bySegment('column')).toEqual([2, 12, 22, 32]);
    expect(bySegment('market')).toEqual([4, 9, 14, 19]);
    expect(bySegment('inspection')).toEqual([1, 7, 13]);
    expect(checks[0]).toEqual({
      constraint: 0,
      type: 'once',
      segment: 7,
      event: 'recital',
      match: [],
    });
    expect(checks.find((check) => check.event === 'column')?.match).toEqual(['pillar']);
  });

  it('keeps a periodic constraint that starts past the last segment as one unsatisfiable check', () => {
    expect(
      expandConstraints({
        segments: 10,
        constraints: [{ type: 'periodic', start: 12, every: 3, event: 'x' }],
      }).map((check) => check.segment),
    ).toEqual([12]);
  });
});
