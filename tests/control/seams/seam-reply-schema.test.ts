import { describe, expect, it } from 'vitest';
import { SeamReplySchema, seamRules } from '../../../src/control/seams/seam-reply-schema.js';
import { schemaDescriptions } from '../../helpers/schema-descriptions.js';

describe('SeamReplySchema', () => {
  it('reads a reply with a finding of every rule and both severities', () => {
    const reply = {
      seams: [1, 2, 3],
      findings: seamRules.map((rule, index) => ({
        seam: index + 1,
        rule,
        message: `the ${rule} at the join`,
        severity: index === 0 ? 'error' : 'warning',
      })),
    };
    expect(SeamReplySchema.parse(reply)).toEqual(reply);
  });

  it('describes every field the checker is asked to fill, in words', () => {
    const descriptions = schemaDescriptions(SeamReplySchema);
    expect(descriptions.map(([path]) => path)).toEqual([
      '$.properties.seams',
      '$.properties.findings',
      '$.properties.findings.items.properties.seam',
      '$.properties.findings.items.properties.rule',
      '$.properties.findings.items.properties.message',
      '$.properties.findings.items.properties.severity',
    ]);
    for (const [path, text] of descriptions) expect(text.length, path).toBeGreaterThan(10);
  });
});
