import type { PlanSection } from '../planner/plan-schema.js';
import { type CleanSectionTextResult, cleanSectionText } from './clean-section-text.js';
import { splitNotes } from './split-notes.js';

/**
 * A reply that rewrites or adds to a section, as section text: the writer's notes split off
 * and dropped, the envelope around the section stripped. Pure.
 */
export function readSectionReply({
  reply,
  section,
}: {
  reply: string;
  section: Pick<PlanSection, 'id' | 'title'>;
}): CleanSectionTextResult {
  return cleanSectionText({
    text: splitNotes(reply).text,
    title: section.title,
    sectionId: section.id,
  });
}
