import { describe, expect, it } from 'vitest';
import { limits } from '../../../src/config/limits.js';
import {
  type ConstraintFile,
  ConstraintFileSchema,
} from '../../../src/evaluators/constraints/constraint-file-schema.js';
import {
  type ConstraintResult,
  ConstraintResultSchema,
} from '../../../src/evaluators/constraints/constraint-result-schema.js';
import { evaluateConstraints } from '../../../src/evaluators/constraints/evaluate-constraints.js';
import { SgtItemSchema } from '../../../src/evaluators/constraints/sgt-item-schema.js';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

/** The fields whose JSON-schema description says something (three letters at least). */
function describedFields(schema: Parameters<typeof schemaDescriptions>[0]): string[] {
  return schemaDescriptions(schema)
    .filter(([, text]) => text.trim().length >= 3)
    .map(([path]) => path.replace(/^.*\.properties\./, ''));
}

const constraintFile: ConstraintFile = {
  version: 1,
  unit: 'Week',
  separator: '#*#',
  segments: 4,
  minWords: 5,
  constraints: [
    { type: 'once', segment: 1, event: 'kite flying contest' },
    { type: 'range', start: 2, end: 4, every: 2, event: 'pottery class', match: ['ceramics'] },
    { type: 'periodic', start: 1, every: 2, end: 3, event: 'jazz night' },
  ],
};

/** A real result: week 4 is missing, week 2 appears twice and week 7 is out of range. */
async function realResult(): Promise<ConstraintResult> {
  const text = [
    '#*# Week 1: the kite flying contest and a jazz night by the river, with friends.',
    '#*# Week 2: a pottery class in the old school hall, then supper.',
    '#*# Week 2: the same week told again, with the kite flying contest.',
    '#*# Week 3: short.',
    '#*# Week 7: a week that was never asked for, quiet and long.',
  ].join('\n');
  return (await evaluateConstraints({ text, constraints: constraintFile })).constraints;
}

describe('the constraints file schema', () => {
  it('describes every field a user writes', () => {
    expect(describedFields(ConstraintFileSchema)).toEqual(
      expect.arrayContaining([
        'version',
        'unit',
        'separator',
        'segments',
        'minWords',
        'constraints',
        'event',
        'match',
        'every',
        'end',
      ]),
    );
    // The constraint's own label is told apart from the file's.
    const units = schemaDescriptions(ConstraintFileSchema).filter(([path]) =>
      path.endsWith('.properties.unit'),
    );
    expect(new Set(units.map(([, text]) => text)).size).toBe(2);
  });

  it('reads each kind of constraint with the fields it allows', () => {
    expect(ConstraintFileSchema.parse(constraintFile)).toEqual(constraintFile);
    const trimmed = ConstraintFileSchema.parse({
      segments: 2,
      unit: '  Week ',
      constraints: [{ type: 'once', segment: 2, event: ' tea ', unit: ' Week ' }],
    });
    expect(trimmed).toEqual({
      version: 1,
      segments: 2,
      unit: 'Week',
      constraints: [{ type: 'once', segment: 2, event: 'tea', unit: 'Week' }],
    });
  });

  it.each([
    ['a blank event', { type: 'once', segment: 1, event: '  ' }],
    ['a blank unit', { type: 'once', segment: 1, event: 'tea', unit: ' ' }],
    ['a range step of 0', { type: 'range', start: 1, end: 2, every: 0, event: 'tea' }],
    [
      'a range step over the limit',
      { type: 'range', start: 1, end: 2, every: limits.segments + 1, event: 'tea' },
    ],
    ['a periodic step of 0', { type: 'periodic', start: 1, every: 0, event: 'tea' }],
    ['a field of another kind', { type: 'once', segment: 1, every: 2, event: 'tea' }],
  ])('refuses %s', (_, constraint) => {
    const parsed = ConstraintFileSchema.safeParse({ segments: 3, constraints: [constraint] });
    expect(parsed.success).toBe(false);
  });

  it('takes a range step and a periodic step anywhere in 1..the segment limit', () => {
    for (const every of [1, 7, limits.segments]) {
      const parsed = ConstraintFileSchema.safeParse({
        segments: 3,
        constraints: [
          { type: 'range', start: 1, end: 3, every, event: 'tea' },
          { type: 'periodic', start: 1, every, event: 'tea' },
        ],
      });
      expect(parsed.success).toBe(true);
    }
  });
});

/** Results the schema must take: each changed from a real one in one way. */
type Change = [label: string, change: (result: ConstraintResult) => unknown];

const accepted: Change[] = [
  ['headers', (r: ConstraintResult) => ({ ...r, headers: 'lenient' as const })],
  ['a decile at 1 and at 10', (r: ConstraintResult) => withDeciles(r, [1, 10])],
  [
    'a required word count',
    (r: ConstraintResult) => ({ ...r, minWords: { ...r.minWords, required: 40 } }),
  ],
  ...(['once', 'range', 'periodic'] as const).map(
    (type): Change => [`a ${type} check`, (r: ConstraintResult) => withCheck(r, { type })],
  ),
  ...(['yes', 'no', 'undecided'] as const).map(
    (decision): Change => [
      `decision ${decision}`,
      (r: ConstraintResult) => withCheck(r, { decision }),
    ],
  ),
  ...(['lexical', 'judge', 'stored', 'missingSegment', 'noJudge', 'judgeDropped'] as const).map(
    (decidedBy): Change => [
      `decided by ${decidedBy}`,
      (r: ConstraintResult) => withCheck(r, { decidedBy }),
    ],
  ),
];

describe('the constraint result schema', () => {
  it('holds what the evaluator reports, every ratio and count described', async () => {
    const result = await realResult();
    expect(result.segments).toMatchObject({ required: 4, missing: [4], duplicates: [2] });
    expect(result.segments.outOfRange).toEqual([7]);
    expect(ConstraintResultSchema.parse(result)).toEqual(result);
    expect(describedFields(ConstraintResultSchema)).toEqual(
      expect.arrayContaining([
        'unit',
        'headers',
        'required',
        'found',
        'missing',
        'duplicates',
        'outOfRange',
        'unnumbered',
        'cr',
        'stic1',
        'stic2',
        'wAvg',
        'undecided',
        'judged',
        'present',
        'pairs',
        'leakage',
        'share',
        'constraint',
        'results',
      ]),
    );
  });

  it.each(accepted)('accepts %s', async (_, change) => {
    expect(ConstraintResultSchema.safeParse(change(await realResult())).success).toBe(true);
  });

  it.each([
    ['a ratio over 1', (r: ConstraintResult) => ({ ...r, cr: 1.5 })],
    ['a negative ratio', (r: ConstraintResult) => ({ ...r, stic1: -0.1 })],
    ['a negative count', (r: ConstraintResult) => ({ ...r, checks: { ...r.checks, judged: -1 } })],
    [
      'no segment required',
      (r: ConstraintResult) => ({ ...r, segments: { ...r.segments, required: 0 } }),
    ],
    ['a decile of 0', (r: ConstraintResult) => withDeciles(r, [0])],
    ['a decile of 11', (r: ConstraintResult) => withDeciles(r, [11])],
    ['a decile from segment 0', (r: ConstraintResult) => withDeciles(r, [1], { from: 0 })],
    ['a decile to segment 0', (r: ConstraintResult) => withDeciles(r, [1], { to: 0 })],
    [
      'a required word count of 0',
      (r: ConstraintResult) => ({ ...r, minWords: { ...r.minWords, required: 0 } }),
    ],
    ['an unknown decision', (r: ConstraintResult) => withCheck(r, { decision: 'maybe' })],
    ['an unknown header rule', (r: ConstraintResult) => ({ ...r, headers: 'loose' })],
  ])('refuses %s', async (_, change) => {
    expect(ConstraintResultSchema.safeParse(change(await realResult())).success).toBe(false);
  });
});

function withDeciles(
  result: ConstraintResult,
  deciles: number[],
  range: { from?: number; to?: number } = {},
) {
  const [group] = result.byDecile;
  return {
    ...result,
    byDecile: deciles.map((decile) => ({ ...group!, decile, from: 1, to: 1, ...range })),
  };
}

function withCheck(result: ConstraintResult, change: Record<string, string>) {
  const [check] = result.results;
  return { ...result, results: [{ ...check!, ...change }] };
}

describe('the SGT item schema', () => {
  const item = {
    prompt: 'Write a diary of the year, one entry a week.',
    checks_once: { '3': 'a kite flying contest' },
    checks_range: { '12': 'a pottery class' },
    checks_periodic: {},
    type: 'Week',
    prefix: '#*# Week 1 (January 1st - January 7th):',
    number: 52,
  };

  it('reads an item of SGT data and describes its fields', () => {
    expect(SgtItemSchema.parse(item)).toEqual(item);
    expect(describedFields(SgtItemSchema)).toEqual(
      expect.arrayContaining(['checks_once', 'type', 'prefix', 'number']),
    );
  });

  it.each([
    ['a check keyed by a word', { checks_once: { three: 'x' } }],
    ['a check keyed by a number and a word', { checks_once: { '3a': 'x' } }],
    ['a check keyed by a word and a number', { checks_range: { w3: 'x' } }],
    ['an empty prompt', { prompt: '' }],
    ['an empty label', { type: '' }],
    ['no segments', { number: 0 }],
  ])('refuses %s', (_, change) => {
    const parsed = SgtItemSchema.safeParse({ ...item, ...change });
    expect(parsed.success).toBe(false);
    if (!parsed.success && 'checks_once' in change) {
      expect(JSON.stringify(parsed.error.issues)).toContain('keys are segment numbers');
    }
  });

  it('takes a check keyed by a number of several digits, and labels and prompts of one letter', () => {
    const parsed = SgtItemSchema.safeParse({
      ...item,
      prompt: 'W',
      type: 'W',
      checks_once: { '17': 'a harvest fair' },
      number: 3,
    });
    expect(parsed.success).toBe(true);
  });
});
