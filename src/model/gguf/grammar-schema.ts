import type { JSONSchema7Definition } from '@ai-sdk/provider';

/** A JSON schema in the subset node-llama-cpp turns into a grammar. */
export type GrammarSchema = Record<string, unknown>;

const kept = [
  'type',
  'const',
  'enum',
  'description',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'required',
  '$ref',
];
const basicTypes = ['string', 'number', 'integer', 'boolean', 'null'];

/**
 * Rewrites a JSON schema into the subset node-llama-cpp's JSON-schema grammar understands:
 * `anyOf` becomes `oneOf`, `definitions` becomes `$defs`, keywords a grammar cannot enforce
 * (`minimum`, `pattern`, `default`, …) are dropped (the caller's own schema still checks them
 * after parsing), and a schema that allows any value becomes any scalar. Pure.
 */
export function grammarSchema(schema: JSONSchema7Definition): GrammarSchema {
  if (typeof schema === 'boolean') return { type: basicTypes };
  const result: GrammarSchema = {};
  for (const key of kept) {
    const value = (schema as Record<string, unknown>)[key];
    if (value !== undefined) result[key] = value;
  }
  if (typeof result.$ref === 'string') {
    result.$ref = result.$ref.replace('#/definitions/', '#/$defs/');
  }
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) result.oneOf = choices.map(grammarSchema);
  if (schema.properties) {
    result.properties = mapValues(schema.properties, grammarSchema);
    result.required = Object.keys(schema.properties);
  }
  if (typeof schema.additionalProperties === 'object') {
    result.additionalProperties = grammarSchema(schema.additionalProperties);
  } else if (schema.additionalProperties === true && !schema.properties) {
    result.additionalProperties = { type: basicTypes };
  }
  if (schema.items !== undefined) {
    result.items = Array.isArray(schema.items)
      ? grammarSchema(schema.items[0] ?? true)
      : grammarSchema(schema.items);
  }
  const definitions = schema.$defs ?? schema.definitions;
  if (definitions) result.$defs = mapValues(definitions, grammarSchema);
  const constrained = ['type', 'const', 'enum', 'oneOf', '$ref'].some((key) => key in result);
  if (!constrained) result.type = basicTypes;
  return result;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
