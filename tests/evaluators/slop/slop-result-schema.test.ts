import { describe, expect, it } from 'vitest';
import { evaluateSlop } from '../../../src/evaluators/slop/evaluate-slop.js';
import { SlopResultSchema } from '../../../src/evaluators/slop/slop-result-schema.js';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

describe('SlopResultSchema', () => {
  it('accepts a result with phrases and over-represented words as it is', () => {
    const slop = evaluateSlop({
      text: 'We delve into the tapestry. We delve again, and delve once more.',
    });
    expect(slop.phrases.length).toBeGreaterThan(0);
    expect(slop.overRepresented.length).toBeGreaterThan(0);
    expect(SlopResultSchema.parse(slop)).toEqual(slop);
  });

  it('describes its fields in its JSON schema, none with an empty description', () => {
    const found = schemaDescriptions(SlopResultSchema);
    expect(found.length).toBeGreaterThanOrEqual(9);
    expect(found.filter(([, text]) => text.trim().length < 3)).toEqual([]);
  });
});
