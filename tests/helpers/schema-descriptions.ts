import { z } from 'zod';

/** Every `description` in the JSON schema of `schema`, with the path of the field it describes. */
export function schemaDescriptions(schema: z.ZodType): Array<[path: string, text: string]> {
  return collect(z.toJSONSchema(schema, { io: 'input' }), '$');
}

function collect(node: unknown, path: string): Array<[string, string]> {
  if (typeof node !== 'object' || node === null) return [];
  const found: Array<[string, string]> = [];
  const record = node as Record<string, unknown>;
  if (typeof record.description === 'string') found.push([path, record.description]);
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'description') found.push(...collect(value, `${path}.${key}`));
  }
  return found;
}
