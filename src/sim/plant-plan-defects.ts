import { englishNouns } from './english-nouns.js';
import type { PlanDefectKind } from './plan-defect-kind.js';
import type { SeededRandom } from './seeded-random.js';
import { capitalise, mentions, type SimPlanSection } from './sim-plan.js';

/** A defect the simulated planner planted in its plan: the ground truth a test checks against. */
export interface PlantedPlanDefect {
  /** Marks the line of the defect log as a plan defect, apart from the writing defects. */
  stage: 'plan';
  kind: PlanDefectKind;
  /** The titles of the sections it was planted in, as first planned; empty for a missing term. */
  sections: string[];
  /** What was planted: the copied brief, the term left out, the budget, the vague brief, the frame or list titles. */
  text: string;
}

const numberWords = ['Three', 'Four', 'Five', 'Six', 'Seven', 'Ten'];
const listNouns = [
  'Ways to Think About',
  'Tips on',
  'Reasons to Care About',
  'Things to Know About',
];

/**
 * Plants each kind of `kinds` once in a plan, in sections drawn from `random` (a different
 * section for each kind), and says what it planted. Pure apart from the draws.
 */
export function plantPlanDefects({
  sections: given,
  terms,
  kinds,
  random,
}: {
  sections: readonly SimPlanSection[];
  terms: readonly string[];
  kinds: readonly PlanDefectKind[];
  random: SeededRandom;
}): { sections: SimPlanSection[]; planted: PlantedPlanDefect[] } {
  let sections = given.map((section) => ({ ...section }));
  // The sections free to take a defect, shuffled (Fisher–Yates) from the draws.
  const free = sections.map((_, index) => index);
  for (let last = free.length - 1; last > 0; last--) {
    const other = random.integer(0, last);
    [free[last], free[other]] = [free[other]!, free[last]!];
  }
  const take = () => free.pop();
  const planted: PlantedPlanDefect[] = [];
  const plant = (kind: PlanDefectKind, titles: string[], text: string) =>
    planted.push({ stage: 'plan', kind, sections: titles, text });
  // A term left out changes titles, so it goes first and the others log their final titles;
  // the frame adds sections around the plan, so it goes last and the others' places hold.
  const rank = (kind: PlanDefectKind) =>
    kind === 'missing-term' ? 0 : kind === 'generic-frame' ? 2 : 1;
  const ordered = [...kinds].sort((left, right) => rank(left) - rank(right));
  for (const kind of ordered) {
    if (kind === 'overlap') {
      const index = take();
      if (index === undefined || sections.length < 2) continue;
      const sourceIndex = index === 0 ? 1 : index - 1;
      // The source keeps its brief: no other defect may take it.
      if (free.includes(sourceIndex)) free.splice(free.indexOf(sourceIndex), 1);
      const source = sections[sourceIndex]!;
      const target = sections[index]!;
      // The copy keeps the target's own subject, so only the overlap is planted.
      target.brief = `${source.brief} It also takes in ${target.brief.split(':')[0]!.toLowerCase()}.`;
      plant(kind, [source.title, target.title], target.brief);
    } else if (kind === 'missing-term') {
      const term = terms
        .slice(1)
        .find((each) => sections.some((section) => mentions(section.brief, each)));
      if (term === undefined) continue;
      const stand = random.pick(englishNouns);
      const pattern = new RegExp(`(?<![a-z])${term}(?![a-z])`, 'gi');
      for (const section of sections) {
        section.title = section.title.replace(pattern, capitalise(stand));
        section.brief = section.brief.replace(pattern, stand);
      }
      plant(kind, [], term);
    } else if (kind === 'unbalanced-budget') {
      const index = take();
      if (index === undefined) continue;
      sections[index]!.words *= 4;
      plant(kind, [sections[index]!.title], String(sections[index]!.words));
    } else if (kind === 'vague-brief') {
      const index = take();
      if (index === undefined) continue;
      const section = sections[index]!;
      section.brief = `More on ${section.title.split(':')[0]!.toLowerCase()}.`;
      plant(kind, [section.title], section.brief);
    } else if (kind === 'generic-frame') {
      const words = sections[0]!.words;
      const subject = terms[0] ?? 'the subject';
      sections = [
        {
          title: 'Introduction',
          brief: `An introduction to ${subject} that tells the reader what the document will cover and why it matters.`,
          words,
          requirements: [],
        },
        ...sections,
        {
          title: 'Conclusion',
          brief: `A conclusion that sums up the main points about ${subject} and leaves the reader with final thoughts.`,
          words,
          requirements: [],
        },
      ];
      plant(kind, ['Introduction', 'Conclusion'], 'Introduction … Conclusion');
    } else {
      const chosen = [take(), take(), take()].filter((index) => index !== undefined);
      const titles = chosen.map((index) => {
        const section = sections[index]!;
        section.title = `${random.pick(numberWords)} ${random.pick(listNouns)} ${capitalise(section.title.split(':')[0]!)}`;
        return section.title;
      });
      if (titles.length > 0) plant(kind, titles, titles.join(' | '));
    }
  }
  return { sections, planted };
}
