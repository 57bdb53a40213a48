import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { grammarSchema } from '../../../src/model/gguf/grammar-schema.js';

describe('grammarSchema', () => {
  it('keeps what a grammar can enforce and drops what the schema checks after parsing', () => {
    const schema = z.toJSONSchema(
      z.object({
        title: z.string().min(1).describe('The title.'),
        words: z.int().positive().max(20_000),
        kind: z.enum(['guide', 'essay']).default('guide'),
        sections: z.array(z.object({ heading: z.string() })).min(1),
        note: z.string().nullable().optional(),
        size: z.union([z.int(), z.literal('unknown')]),
      }),
    );
    expect(grammarSchema(schema as never)).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 1, description: 'The title.' },
        words: { type: 'integer' },
        kind: { type: 'string', enum: ['guide', 'essay'] },
        sections: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: { heading: { type: 'string' } },
            required: ['heading'],
          },
        },
        note: { type: ['string', 'null'] },
        size: { oneOf: [{ type: 'integer' }, { type: 'string', const: 'unknown' }] },
      },
      // A grammar writes every property; an optional one is then simply present.
      required: ['title', 'words', 'kind', 'sections', 'note', 'size'],
    });
  });

  it('turns definitions into $defs and a schema that allows anything into any scalar', () => {
    expect(
      grammarSchema({
        definitions: { leaf: { type: 'string' } },
        type: 'object',
        properties: { value: {}, leaf: { $ref: '#/definitions/leaf' } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        value: { type: ['string', 'number', 'integer', 'boolean', 'null'] },
        leaf: { $ref: '#/$defs/leaf' },
      },
      required: ['value', 'leaf'],
      $defs: { leaf: { type: 'string' } },
    });
  });
});

describe('grammarSchema, the shapes a schema may take', () => {
  const anyScalar = { type: ['string', 'number', 'integer', 'boolean', 'null'] };

  it('turns a boolean schema into any scalar', () => {
    expect(grammarSchema(true)).toEqual(anyScalar);
    expect(grammarSchema({ type: 'array', items: false })).toEqual({
      type: 'array',
      items: anyScalar,
    });
  });

  it('converts a schema for extra properties, and lets a free map hold any scalar', () => {
    expect(
      grammarSchema({ type: 'object', additionalProperties: { type: 'integer', minimum: 1 } }),
    ).toEqual({ type: 'object', additionalProperties: { type: 'integer' } });
    expect(grammarSchema({ type: 'object', additionalProperties: true })).toEqual({
      type: 'object',
      additionalProperties: anyScalar,
    });
    // With properties listed, the grammar writes exactly those: no free extra ones.
    expect(
      grammarSchema({
        type: 'object',
        properties: { name: { type: 'string' } },
        additionalProperties: true,
      }),
    ).toEqual({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
    expect(grammarSchema({ type: 'object', additionalProperties: false })).toEqual({
      type: 'object',
    });
  });

  it('takes the first schema of a tuple for every item, and any scalar for an empty tuple', () => {
    expect(
      grammarSchema({ type: 'array', items: [{ type: 'string' }, { type: 'number' }] }),
    ).toEqual({ type: 'array', items: { type: 'string' } });
    expect(grammarSchema({ type: 'array', items: [] })).toEqual({
      type: 'array',
      items: anyScalar,
    });
  });

  it('keeps the length and count bounds and the required list', () => {
    expect(grammarSchema({ type: 'string', minLength: 2, maxLength: 9 })).toEqual({
      type: 'string',
      minLength: 2,
      maxLength: 9,
    });
    expect(grammarSchema({ type: 'array', minItems: 1, maxItems: 3 })).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 3,
    });
    expect(grammarSchema({ type: 'object', required: ['name'] })).toEqual({
      type: 'object',
      required: ['name'],
    });
  });

  it('adds no type to a schema that a const, an enum, a choice or a reference constrains', () => {
    expect(grammarSchema({ const: 'yes' })).toEqual({ const: 'yes' });
    expect(grammarSchema({ enum: ['a', 'b'] })).toEqual({ enum: ['a', 'b'] });
    expect(grammarSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({
      oneOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(grammarSchema({ $ref: '#/$defs/leaf' })).toEqual({ $ref: '#/$defs/leaf' });
  });
});
