import { sectionBrief } from '../part-brief.js';
import type { Plan } from '../plan-schema.js';

/** A section of the plan as its author meant it: the parts it was split into counted as one. */
export interface OutlineSection {
  /** The id of its first part. */
  id: string;
  title: string;
  brief: string;
  /** Its budget, every part's together. */
  words: number;
  /** The ids of the requirements due in it. */
  requirements: string[];
}

/**
 * The plan as the critic and the reviser read it: one entry per section, a section divided into
 * continuation parts for length joined back with its whole budget and its own brief, so that
 * the parts of one section never look like sections that overlap. Pure.
 */
export function outlinePlan(plan: Plan): OutlineSection[] {
  const outline: OutlineSection[] = [];
  for (const section of plan.sections) {
    const requirements = section.constraints.map((constraint) => constraint.id);
    const last = outline.at(-1);
    if (section.continuation && last) {
      last.words += section.words;
      last.requirements = [...new Set([...last.requirements, ...requirements])];
      continue;
    }
    outline.push({
      id: section.id,
      title: section.title,
      brief: sectionBrief(section.brief),
      words: section.words,
      requirements,
    });
  }
  return outline;
}

/** The outline as prompts show it: one line per section, with its id, budget and requirements. Pure. */
export function renderOutline(outline: readonly OutlineSection[]): string {
  return outline
    .map((section) => {
      const due =
        section.requirements.length > 0
          ? ` [requirements: ${section.requirements.join(', ')}]`
          : '';
      return `- ${section.id} "${section.title.replace(/"/g, "'")}" (${section.words} words): ${section.brief.replace(/\s+/g, ' ')}${due}`;
    })
    .join('\n');
}
