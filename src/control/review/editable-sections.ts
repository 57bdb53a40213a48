import type { Plan } from '../../planner/plan-schema.js';
import type { RunStore, StoredSection } from '../../store/run-store.js';
import { slugify } from '../../util/slugify.js';

/** A pass's working copy of the committed sections (the review's, the seam pass's). */
export interface EditableSections {
  /** Each section's text by plan index; '' for one not written. Change it, then `commit`. */
  texts: string[];
  /** Writes section `index`'s text in `texts` to its file, atomically, as the store does. */
  commit: (index: number) => Promise<void>;
  /** The sections as they stand now, in plan order. */
  current: () => StoredSection[];
}

/** Opens the committed `sections` of `plan` for a pass that rewrites some of them. */
export function editableSections({
  store,
  plan,
  sections,
}: {
  store: RunStore;
  plan: Plan;
  sections: readonly StoredSection[];
}): EditableSections {
  const texts = plan.sections.map(
    (_, index) => sections.find((section) => section.index === index)?.text ?? '',
  );
  const files = new Map(sections.map((section) => [section.index, section.file]));
  return {
    texts,
    commit: async (index) => {
      const file = await store.writeSection({
        index,
        slug: slugify({ text: plan.sections[index]!.title }),
        text: texts[index]!,
      });
      files.set(index, file);
    },
    current: () => texts.map((text, index) => ({ index, file: files.get(index)!, text })),
  };
}
