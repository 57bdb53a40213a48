import { describe, expect, it } from 'vitest';
import type { ControlUnitResult } from '../../../src/control/control-unit.js';
import { afterPass } from '../../../src/control/write-run/draft-pass.js';
import { startCapacity } from '../../../src/model/reply-capacity.js';
import { type StoredSection, sectionName } from '../../../src/store/run-store.js';
import { createPlan } from '../../helpers/builders.js';

const plan = createPlan({ count: 2 });
const sectionsOf = (text: string): StoredSection[] =>
  plan.sections.map((section, index) => ({
    index,
    file: `${sectionName({ index, slug: section.id })}.md`,
    text,
  }));
const drafted: ControlUnitResult = {
  status: 'completed',
  sections: sectionsOf('drafted'),
  plan,
  capacity: startCapacity({ previous: undefined, model: 'sim', configured: undefined }),
};

describe('afterPass', () => {
  it('keeps the draft with the sections the pass left', () => {
    const passed = afterPass(drafted, { sections: sectionsOf('reviewed') });
    expect(passed).toEqual({ ...drafted, sections: sectionsOf('reviewed') });
  });

  it('marks the draft stopped, with the reason, when a budget ran out in the pass', () => {
    const passed = afterPass(drafted, {
      sections: sectionsOf('half reviewed'),
      stopReason: 'the token budget is spent',
    });
    expect(passed).toEqual({
      ...drafted,
      status: 'stopped',
      stopReason: 'the token budget is spent',
      sections: sectionsOf('half reviewed'),
    });
  });
});
