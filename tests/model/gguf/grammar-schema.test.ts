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
