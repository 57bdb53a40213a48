import type { JsonSchema } from './sim-request.js';

/** A JSON schema that is an object (not `true` / `false`). */
export type SchemaObject = Record<string, unknown>;

/**
 * Flattens what a schema refers to before a value is made for it: follows local `$ref`s
 * (`#/$defs/…`, `#/definitions/…`, `#`) against `root`, keeping sibling keywords, and merges
 * `allOf` parts into one object schema. `true` and `false` become `{}`. Pure.
 */
export function resolveSchema({
  schema,
  root,
}: {
  schema: JsonSchema;
  root: JsonSchema;
}): SchemaObject {
  let resolved: SchemaObject = schema === true || schema === false ? {} : schema;
  for (let hops = 0; typeof resolved.$ref === 'string' && hops < 32; hops++) {
    const { $ref, ...siblings } = resolved;
    resolved = { ...lookup(root, $ref as string), ...siblings };
  }
  if (!Array.isArray(resolved.allOf)) return resolved;
  const { allOf, ...own } = resolved;
  const parts = (allOf as JsonSchema[]).map((part) => resolveSchema({ schema: part, root }));
  const required = parts
    .flatMap((part) => (Array.isArray(part.required) ? (part.required as string[]) : []))
    .concat(Array.isArray(own.required) ? (own.required as string[]) : []);
  return {
    ...Object.assign({}, ...parts),
    ...own,
    properties: Object.assign(
      {},
      ...parts.map((part) => part.properties ?? {}),
      own.properties ?? {},
    ),
    required: [...new Set(required)],
  };
}

/** True for a plain object (a schema object, or a `properties` map). */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(root: JsonSchema, reference: string): SchemaObject {
  if (!reference.startsWith('#')) return {};
  let target: unknown = root;
  for (const raw of reference.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    target = isSchemaObject(target) ? target[key] : undefined;
  }
  return isSchemaObject(target) ? target : {};
}
