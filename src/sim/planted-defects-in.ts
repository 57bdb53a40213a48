import type { DefectKind } from './defect-kind.js';

/** The part of a planted defect (a `defect-log` line) that counting needs. */
interface PlantedText {
  kind: string;
  text: string;
}

const copied: DefectKind = 'copied-paragraph';

/**
 * The planted defects (from the sim's `defect-log`) still in `document`: each distinct planted
 * text once, the ones that still show. A copied paragraph shows only beyond its source. Pure.
 */
export function defectsLeft<DEFECT extends PlantedText>(
  document: string,
  planted: readonly DEFECT[],
): DEFECT[] {
  return distinct(planted).filter((defect) => occurrencesLeft(document, defect) > 0);
}

/** How many planted defects `document` still holds, counting each occurrence. Pure. */
export function defectsIn(document: string, planted: readonly PlantedText[]): number {
  let count = 0;
  for (const defect of distinct(planted)) count += occurrencesLeft(document, defect);
  return count;
}

function distinct<DEFECT extends PlantedText>(planted: readonly DEFECT[]): DEFECT[] {
  return [...new Map(planted.map((defect) => [defect.text, defect])).values()];
}

/** How often `defect` still shows in `document` (a copied paragraph counts beyond its source). */
function occurrencesLeft(document: string, defect: PlantedText): number {
  const occurrences = document.split(defect.text).length - 1;
  return Math.max(0, defect.kind === copied ? occurrences - 1 : occurrences);
}
