import { describe, expect, it } from 'vitest';
import { sectionsMissingStepEnd } from '../../src/control/reconcile-run.js';
import type { StoredSection } from '../../src/store/run-store.js';
import { createPlan } from '../helpers/builders.js';

const plan = createPlan({ count: 3 });

/** The committed section at plan index `index`. */
function stored(index: number): StoredSection {
  return { index, file: `sections/00${index + 1}-part.md`, text: `Section ${index + 1}.` };
}

describe('sectionsMissingStepEnd', () => {
  it('finds the committed sections whose step-end is not journalled', () => {
    const events = [
      { type: 'step-start', sectionId: 's002' },
      { type: 'step-end', sectionId: 's001' },
      { type: 'check-end', sectionId: 's003' },
    ];
    const sections = [stored(0), stored(1), stored(2)];
    expect(sectionsMissingStepEnd({ sections, events, plan })).toEqual([stored(1), stored(2)]);
  });

  it('finds none when every committed section ended', () => {
    const events = [
      { type: 'step-end', sectionId: 's001' },
      { type: 'step-end', sectionId: 's002' },
    ];
    expect(sectionsMissingStepEnd({ sections: [stored(0), stored(1)], events, plan })).toEqual([]);
  });

  it('leaves out a section file the plan has no section for', () => {
    expect(sectionsMissingStepEnd({ sections: [stored(0), stored(5)], events: [], plan })).toEqual([
      stored(0),
    ]);
  });
});
