import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson } from '../../src/model/extract-json.js';
import { malformJson } from '../../src/sim/malform-json.js';
import { schemaValue } from '../../src/sim/schema-value.js';
import { createSeededRandom } from '../../src/sim/seeded-random.js';
import type { JsonSchema } from '../../src/sim/sim-request.js';

const topics = ['beekeeping', 'rooftops', 'honey'];

function valuesFor(schema: JsonSchema, count = 30): unknown[] {
  return Array.from({ length: count }, (_, seed) =>
    schemaValue({ schema, random: createSeededRandom([seed, 'schema']), topics }),
  );
}

const planSchema = z.object({
  title: z.string().min(3).max(40),
  audience: z.enum(['beginners', 'keepers', 'scientists']),
  sections: z
    .array(
      z.object({
        title: z.string().min(1),
        brief: z.string().min(20).max(400),
        words: z.number().int().min(100).max(2000),
        weight: z.number().min(0).max(1),
        note: z.string().optional(),
        maybe: z.string().nullable(),
        tags: z.array(z.string().max(12)).max(3),
      }),
    )
    .min(3)
    .max(12),
  published: z.boolean(),
  extra: z.record(z.string(), z.number().int().positive()).optional(),
  contact: z.union([z.object({ email: z.email() }), z.object({ url: z.url() })]),
});

describe('schemaValue', () => {
  it('makes values valid against a nested schema made by zod', () => {
    const jsonSchema = z.toJSONSchema(planSchema) as JsonSchema;
    for (const value of valuesFor(jsonSchema)) {
      const checked = planSchema.safeParse(value);
      expect(checked.error?.issues ?? []).toEqual([]);
    }
  });

  it('varies array lengths, numbers, optional properties and enum choices', () => {
    const jsonSchema = z.toJSONSchema(planSchema) as JsonSchema;
    const plans = valuesFor(jsonSchema).map((value) => planSchema.parse(value));
    expect(new Set(plans.map((plan) => plan.sections.length)).size).toBeGreaterThan(4);
    const sections = plans.flatMap((plan) => plan.sections);
    expect(new Set(sections.map((section) => section.words)).size).toBeGreaterThan(
      sections.length / 2,
    );
    expect(sections.some((section) => section.note !== undefined)).toBe(true);
    expect(sections.some((section) => section.note === undefined)).toBe(true);
    expect(new Set(plans.map((plan) => plan.audience)).size).toBe(3);
  });

  it('writes strings from the topic words', () => {
    const values = valuesFor({
      type: 'object',
      properties: { title: { type: 'string' } },
      required: ['title'],
    });
    const text = values
      .map((value) => (value as { title: string }).title)
      .join(' ')
      .toLowerCase();
    expect(text).toMatch(/beekeeping|rooftops|honey/);
  });

  it('follows local $refs, recursion included, and stops', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(node) }),
    );
    const jsonSchema = z.toJSONSchema(z.object({ root: node })) as JsonSchema;
    for (const value of valuesFor(jsonSchema, 10))
      expect(z.object({ root: node }).safeParse(value).success).toBe(true);
  });

  it.each<[string, JsonSchema, (value: unknown) => boolean]>([
    ['const', { const: 'fixed' }, (value) => value === 'fixed'],
    [
      'exclusive bounds',
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      (value) => typeof value === 'number' && value > 0 && value < 1,
    ],
    [
      'draft-4 exclusive flags',
      { type: 'integer', minimum: 1, maximum: 3, exclusiveMinimum: true, exclusiveMaximum: true },
      (value) => value === 2,
    ],
    [
      'multipleOf',
      { type: 'integer', minimum: 10, maximum: 100, multipleOf: 25 },
      (value) => typeof value === 'number' && value % 25 === 0 && value >= 10,
    ],
    [
      'huge integer bounds',
      { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
      (value) => typeof value === 'number' && Math.abs(value) <= 100,
    ],
    [
      'date-time',
      { type: 'string', format: 'date-time' },
      (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
    ],
    ['uuid', { type: 'string', format: 'uuid' }, (value) => z.uuid().safeParse(value).success],
    [
      'tight length',
      { type: 'string', minLength: 5, maxLength: 5 },
      (value) => typeof value === 'string' && value.length === 5,
    ],
    [
      'simple pattern',
      { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
      (value) => typeof value === 'string' && /^[a-z]+(-[a-z]+)*$/.test(value),
    ],
    [
      'nullable type list',
      { type: ['integer', 'null'], minimum: 3, maximum: 4 },
      (value) => value === null || value === 3 || value === 4,
    ],
    [
      'allOf',
      {
        allOf: [
          { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
          { properties: { b: { type: 'boolean' } }, required: ['b'] },
        ],
      },
      (value) =>
        typeof (value as { a: unknown }).a === 'number' &&
        typeof (value as { b: unknown }).b === 'boolean',
    ],
    [
      'tuple items',
      {
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'integer' }],
        items: false,
        minItems: 2,
        maxItems: 2,
      },
      (value) => Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1]),
    ],
    [
      'unique enum items',
      {
        type: 'array',
        items: { enum: ['a', 'b', 'c'] },
        uniqueItems: true,
        minItems: 3,
        maxItems: 3,
      },
      (value) => Array.isArray(value) && new Set(value).size === 3,
    ],
    ['empty schema', {}, (value) => typeof value === 'string'],
  ])('honours %s', (_name, schema, valid) => {
    for (const value of valuesFor(schema, 25))
      expect(valid(value), JSON.stringify(value)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const jsonSchema = z.toJSONSchema(planSchema) as JsonSchema;
    expect(valuesFor(jsonSchema, 3)).toEqual(valuesFor(jsonSchema, 3));
  });
});

describe('malformJson', () => {
  it('breaks any JSON so that not even the tolerant reader can read it', () => {
    const texts = ['{"a":1,"b":[1,2,{"c":"d"}]}', '[1,2,3]', '"text"', '5', '{}', 'null'];
    for (const text of texts) {
      for (let seed = 0; seed < 20; seed++) {
        const broken = malformJson({ text, random: createSeededRandom([seed]) });
        expect(extractJson(broken).ok, broken).toBe(false);
      }
    }
  });
});
