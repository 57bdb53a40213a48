import type { SchemaElement } from 'hyparquet';

/** The type of a JSON value as Parquet will store it, merged over every record seen. */
export type ParquetShape =
  | { kind: 'string' | 'boolean' | 'int' | 'double' | 'null' }
  | { kind: 'list'; element: ParquetShape }
  | { kind: 'struct'; fields: Map<string, ParquetShape> };

const int32 = 2 ** 31 - 1;

/**
 * The shape of one JSON value: objects become structs, arrays lists, whole numbers that fit 32
 * bits `int` (else `double`). Pure.
 */
export function parquetShapeOf(value: unknown): ParquetShape {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (typeof value === 'number') {
    return { kind: Number.isInteger(value) && Math.abs(value) <= int32 ? 'int' : 'double' };
  }
  if (Array.isArray(value)) {
    return {
      kind: 'list',
      element: value.map(parquetShapeOf).reduce(mergeParquetShapes, { kind: 'null' }),
    };
  }
  if (typeof value === 'object') {
    const fields = new Map<string, ParquetShape>();
    for (const [key, field] of Object.entries(value)) fields.set(key, parquetShapeOf(field));
    return { kind: 'struct', fields };
  }
  throw new Error(`No Parquet type for a ${typeof value}`);
}

/** A JSON Schema, as far as `parquetShapeOfJsonSchema` reads it. */
export interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/**
 * The shape a JSON Schema declares: `number` is double even when every value seen is whole, so
 * a column keeps one type in every file made from the same records. Pure.
 */
export function parquetShapeOfJsonSchema(schema: JsonSchemaNode): ParquetShape {
  switch (schema.type) {
    case 'object':
      return {
        kind: 'struct',
        fields: new Map(
          Object.entries(schema.properties ?? {}).map(([key, each]) => [
            key,
            parquetShapeOfJsonSchema(each),
          ]),
        ),
      };
    case 'array':
      return { kind: 'list', element: parquetShapeOfJsonSchema(schema.items ?? {}) };
    case 'integer':
      return { kind: 'int' };
    case 'number':
      return { kind: 'double' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'string' };
    default:
      return { kind: 'null' };
  }
}

/**
 * The shape that holds values of both: a field missing from one record is null there, whole
 * numbers widen to double. Records quire writes never put a string where another has a number;
 * such a mix throws. Pure.
 */
export function mergeParquetShapes(left: ParquetShape, right: ParquetShape): ParquetShape {
  if (left.kind === 'null') return right;
  if (right.kind === 'null') return left;
  if (left.kind === 'list' && right.kind === 'list') {
    return { kind: 'list', element: mergeParquetShapes(left.element, right.element) };
  }
  if (left.kind === 'struct' && right.kind === 'struct') {
    const fields = new Map(left.fields);
    for (const [key, shape] of right.fields) {
      fields.set(key, mergeParquetShapes(fields.get(key) ?? { kind: 'null' }, shape));
    }
    return { kind: 'struct', fields };
  }
  const kinds = new Set([left.kind, right.kind]);
  if (kinds.size === 1) return left;
  if (kinds.has('int') && kinds.has('double') && kinds.size === 2) return { kind: 'double' };
  throw new Error(`Cannot store ${left.kind} and ${right.kind} in one Parquet column`);
}

/**
 * The Parquet schema of records of `shape` (a struct): every column optional, lists in the
 * standard three-level layout, so pandas, Arrow and the datasets library read them as lists of
 * structs. Pure.
 */
export function parquetSchemaOf(shape: ParquetShape): SchemaElement[] {
  if (shape.kind !== 'struct') throw new Error('A record must be an object');
  return [
    { name: 'root', num_children: shape.fields.size },
    ...[...shape.fields].flatMap(([name, field]) => elementsOf(name, field)),
  ];
}

function elementsOf(name: string, shape: ParquetShape): SchemaElement[] {
  const repetition_type = 'OPTIONAL';
  switch (shape.kind) {
    case 'list':
      return [
        { name, repetition_type, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        ...elementsOf('element', shape.element),
      ];
    case 'struct':
      return [
        { name, repetition_type, num_children: shape.fields.size },
        ...[...shape.fields].flatMap(([field, each]) => elementsOf(field, each)),
      ];
    case 'int':
      return [{ name, repetition_type, type: 'INT32' }];
    case 'double':
      return [{ name, repetition_type, type: 'DOUBLE' }];
    case 'boolean':
      return [{ name, repetition_type, type: 'BOOLEAN' }];
    default:
      // Strings, and columns only ever null.
      return [{ name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8' }];
  }
}
