import { describe, expect, it } from 'vitest';
import { describeHeaderRule } from '../../../src/evaluators/constraints/segment-header-rule.js';

describe('describeHeaderRule', () => {
  it('names each rule, and says the lenient one is not comparable', () => {
    expect(describeHeaderRule('sgt')).toBe(
      "SGT's header rule (label, one space, number; case as given)",
    );
    expect(describeHeaderRule('lenient')).toBe(
      "lenient headers (any spacing and case): not SGT's rule, CR not comparable with published scores",
    );
  });
});
