import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReportSchema } from '../../src/evaluators/report-schema.js';

/** Every `description` in a JSON schema, with the path of the field it describes. */
function descriptions(node: unknown, path = '$'): Array<[string, string]> {
  if (typeof node !== 'object' || node === null) return [];
  const found: Array<[string, string]> = [];
  const record = node as Record<string, unknown>;
  if (typeof record.description === 'string') found.push([path, record.description]);
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'description') found.push(...descriptions(value, `${path}.${key}`));
  }
  return found;
}

describe('ReportSchema', () => {
  it('converts to a JSON schema whose every description says something', () => {
    const schema = z.toJSONSchema(ReportSchema, { io: 'input' });
    const found = descriptions(schema);
    // The report's own fields and those of every evaluator's result are documented.
    for (const field of ['quire', 'words', 'scores', 'length', 'quality', 'slop', 'findings']) {
      expect(found.some(([path]) => path.startsWith(`$.properties.${field}`))).toBe(true);
    }
    expect(found.filter(([, text]) => text.trim().length < 3)).toEqual([]);
  });
});
