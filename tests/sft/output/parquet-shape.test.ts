import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type JsonSchemaNode,
  mergeParquetShapes,
  parquetShapeOf,
  parquetShapeOfJsonSchema,
} from '../../../src/sft/output/parquet-shape.js';
import { SftMetadataSchema } from '../../../src/sft/sft-metadata.js';
import { sftMetadata } from '../helpers/sft-metadata.js';

const metadataShape = () =>
  parquetShapeOfJsonSchema(z.toJSONSchema(SftMetadataSchema) as JsonSchemaNode);

/** The kind of a field of a struct shape, by its path. */
function kindAt(shape: ReturnType<typeof parquetShapeOf>, ...path: string[]): string {
  let at = shape;
  for (const key of path) {
    if (at.kind !== 'struct') throw new Error(`${key}: not a struct`);
    const next = at.fields.get(key);
    if (next === undefined) throw new Error(`${key}: no such field`);
    at = next;
  }
  return at.kind;
}

describe('parquet shapes', () => {
  it('reads whole numbers as int, others as double, and lists and structs as such', () => {
    const shape = parquetShapeOf({ count: 3, share: 0.5, tags: ['a'], nested: { on: true } });
    expect(kindAt(shape, 'count')).toBe('int');
    expect(kindAt(shape, 'share')).toBe('double');
    expect(kindAt(shape, 'tags')).toBe('list');
    expect(kindAt(shape, 'nested', 'on')).toBe('boolean');
  });

  it('widens a whole-valued metadata figure to the double the schema declares', () => {
    // A rep-4 of exactly 0 in every record looks like an int; the schema says number.
    const seen = parquetShapeOf(
      sftMetadata({ repetition: { ...sftMetadata().repetition, rep4: 0 } }),
    );
    expect(kindAt(seen, 'repetition', 'rep4')).toBe('int');
    const merged = mergeParquetShapes(seen, metadataShape());
    expect(kindAt(merged, 'repetition', 'rep4')).toBe('double');
    expect(kindAt(merged, 'words')).toBe('int');
    expect(kindAt(merged, 'targetSource')).toBe('string');
  });

  it('makes a field missing from one record null there, and refuses a string mixed with a number', () => {
    const merged = mergeParquetShapes(parquetShapeOf({ a: 1 }), parquetShapeOf({ b: 'x' }));
    expect(kindAt(merged, 'a')).toBe('int');
    expect(kindAt(merged, 'b')).toBe('string');
    expect(() => mergeParquetShapes(parquetShapeOf({ a: 1 }), parquetShapeOf({ a: 'x' }))).toThrow(
      /Cannot store int and string/,
    );
  });
});
