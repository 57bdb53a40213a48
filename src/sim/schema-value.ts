import { isSchemaObject, resolveSchema, type SchemaObject } from './resolve-schema.js';
import { schemaNumber } from './schema-number.js';
import { schemaText } from './schema-text.js';
import type { SeededRandom } from './seeded-random.js';
import type { JsonSchema } from './sim-request.js';

interface Walk {
  root: JsonSchema;
  random: SeededRandom;
  topics: readonly string[];
  depth: number;
  propertyName: string | undefined;
}

const maximumDepth = 8;

/**
 * A value valid against a JSON schema: objects with every required property and some optional
 * ones, arrays of varying length within minItems/maxItems, enums, consts, strings within their
 * length limits and formats, numbers within their bounds, `anyOf`/`oneOf`/`allOf`, nullable
 * types and local `$ref`s. Strings are made of the prompt's topic words. Deterministic.
 */
export function schemaValue({
  schema,
  random,
  topics = [],
}: {
  schema: JsonSchema | undefined;
  random: SeededRandom;
  topics?: readonly string[];
}): unknown {
  const root = schema ?? {};
  return valueFor(root, { root, random, topics, depth: 0, propertyName: undefined });
}

function valueFor(input: JsonSchema, walk: Walk): unknown {
  // A schema that requires itself forever has no finite value; give up far below the stack limit.
  if (walk.depth > 4 * maximumDepth) return null;
  const schema = resolveSchema({ schema: input, root: walk.root });
  const { random } = walk;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return random.pick(schema.enum);
  const branches = (Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf) as
    | JsonSchema[]
    | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    return valueFor(preferNonNull(branches, walk), walk);
  }
  switch (typeOf(schema, walk)) {
    case 'object':
      return objectValue(schema, walk);
    case 'array':
      return arrayValue(schema, walk);
    case 'integer':
      return schemaNumber({ schema, integer: true, random, propertyName: walk.propertyName });
    case 'number':
      return schemaNumber({ schema, integer: false, random, propertyName: walk.propertyName });
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    default:
      return schemaText({
        random,
        topics: walk.topics,
        propertyName: walk.propertyName,
        constraints: {
          minLength: numberOrUndefined(schema.minLength),
          maxLength: numberOrUndefined(schema.maxLength),
          format: typeof schema.format === 'string' ? schema.format : undefined,
          pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
        },
      });
  }
}

function objectValue(schema: SchemaObject, walk: Walk): Record<string, unknown> {
  const properties = (isSchemaObject(schema.properties) ? schema.properties : {}) as Record<
    string,
    JsonSchema
  >;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const minimum = numberOrUndefined(schema.minProperties) ?? 0;
  // Optional properties thin out with depth so recursive schemas end.
  const optionalChance = walk.depth >= maximumDepth ? 0 : 0.6 / (1 + walk.depth / 3);
  const chosen = Object.keys(properties).filter(
    (name) => required.has(name) || walk.random.chance(optionalChance),
  );
  for (const name of Object.keys(properties)) {
    if (chosen.length >= minimum) break;
    if (!chosen.includes(name)) chosen.push(name);
  }
  const value: Record<string, unknown> = {};
  for (const name of Object.keys(properties)) {
    if (!chosen.includes(name)) continue;
    value[name] = valueFor(properties[name] ?? {}, {
      ...walk,
      depth: walk.depth + 1,
      propertyName: name,
    });
  }
  if (Object.keys(properties).length === 0 && isSchemaObject(schema.additionalProperties)) {
    for (let index = walk.random.integer(1, 3); index > 0; index--) {
      const name =
        walk.topics.length > 0 ? walk.random.pick(walk.topics).toLowerCase() : `key${index}`;
      value[name] = valueFor(schema.additionalProperties as JsonSchema, {
        ...walk,
        depth: walk.depth + 1,
        propertyName: name,
      });
    }
  }
  return value;
}

function arrayValue(schema: SchemaObject, walk: Walk): unknown[] {
  const prefix = (
    Array.isArray(schema.prefixItems)
      ? schema.prefixItems
      : Array.isArray(schema.items)
        ? schema.items
        : []
  ) as JsonSchema[];
  const rest = (
    Array.isArray(schema.items) ? (schema.additionalItems ?? {}) : (schema.items ?? {})
  ) as JsonSchema;
  const minimum = Math.max(
    numberOrUndefined(schema.minItems) ?? (walk.depth >= maximumDepth ? 0 : 1),
    0,
  );
  const spread = walk.depth >= maximumDepth ? 0 : Math.max(1, 5 - walk.depth);
  const maximum = Math.max(minimum, numberOrUndefined(schema.maxItems) ?? minimum + spread);
  const length = walk.random.integer(minimum, maximum);
  const items: unknown[] = [];
  const seen = new Set<string>();
  const itemWalk = { ...walk, depth: walk.depth + 1 };
  for (let index = 0; index < length; index++) {
    const itemSchema = prefix[index] ?? rest;
    let item = valueFor(itemSchema, itemWalk);
    // uniqueItems: a few more draws usually find a distinct value; enums may run out.
    for (
      let retry = 0;
      schema.uniqueItems === true && seen.has(JSON.stringify(item)) && retry < 20;
      retry++
    ) {
      item = valueFor(itemSchema, itemWalk);
    }
    if (schema.uniqueItems === true && seen.has(JSON.stringify(item)) && index >= minimum) break;
    seen.add(JSON.stringify(item));
    items.push(item);
  }
  return items;
}

function typeOf(schema: SchemaObject, walk: Walk): string {
  if (Array.isArray(schema.type)) return preferNonNull(schema.type as string[], walk) as string;
  if (typeof schema.type === 'string') return schema.type;
  if (isSchemaObject(schema.properties) || 'additionalProperties' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema) return 'array';
  if ('minimum' in schema || 'maximum' in schema) return 'number';
  return 'string';
}

/** Picks a branch, choosing `null` only now and then (and always once deep enough). */
function preferNonNull<T>(options: readonly T[], walk: Walk): T {
  const isNull = (option: T) =>
    option === 'null' || (isSchemaObject(option) && option.type === 'null');
  const nonNull = options.filter((option) => !isNull(option));
  const nulls = options.filter(isNull);
  if (
    nulls.length > 0 &&
    (nonNull.length === 0 || walk.depth >= maximumDepth || walk.random.chance(0.15))
  ) {
    return nulls[0] as T;
  }
  return walk.random.pick(nonNull);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
