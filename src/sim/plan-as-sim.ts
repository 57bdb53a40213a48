import type { PlanDefectKind } from './plan-defect-kind.js';
import { type PlantedPlanDefect, plantPlanDefects } from './plant-plan-defects.js';
import { createSeededRandom } from './seeded-random.js';
import {
  draftPlanValue,
  freshBrief,
  freshTitle,
  planTitle,
  readRequest,
  requestTerms,
  type SimPlanSection,
} from './sim-plan.js';

/**
 * The simulated planner's answer to a planning prompt, read from the prompt as a real planner
 * would: about as many sections as asked, budgets near even that add up to the target, every
 * subject the request names given a section, each requirement placed, no frame and no list.
 * The defects of `kinds` are then planted in it (`plantPlanDefects`), deterministically from the
 * seed, and returned as the ground truth. Pure.
 */
export function planAsSim({
  prompt,
  seed,
  kinds,
}: {
  prompt: string;
  seed: number;
  kinds: readonly PlanDefectKind[];
}): { value: object; planted: PlantedPlanDefect[] } {
  const request = readRequest(prompt);
  const words = Number(
    /Target length of the whole document: (\d+) words/.exec(prompt)?.[1] ?? 2000,
  );
  const count = Math.max(1, Number(/About (\d+) sections/.exec(prompt)?.[1] ?? 5));
  const requirements = [
    ...(
      /Requirements \(each must appear[^\n]*\n([\s\S]*?)(?:\n\n|$)/.exec(prompt)?.[1] ?? ''
    ).matchAll(/^- ([^:\s]+): /gm),
  ].map((match) => match[1]!);
  const random = createSeededRandom([seed, 'sim-plan', request]);
  const terms = requestTerms(request);
  const main = terms[0] ?? 'subject';
  const sections: SimPlanSection[] = Array.from({ length: count }, (_, index) => {
    // Every named subject gets a section; sections beyond them take up the main one.
    const own = terms.filter((_, termIndex) => termIndex % count === index);
    const subject = own.length > 0 ? own : [main];
    return {
      title: freshTitle({ term: subject[0]!, random }),
      brief: freshBrief({ terms: subject, context: terms, random }),
      words: Math.round((words / count) * random.between(0.9, 1.1)),
      requirements: requirements.filter(
        (_, requirementIndex) => requirementIndex % count === index,
      ),
    };
  });
  const planted = plantPlanDefects({ sections, terms, kinds, random: random.fork('defects') });
  return {
    value: draftPlanValue({ title: planTitle(terms), sections: planted.sections }),
    planted: planted.planted,
  };
}
