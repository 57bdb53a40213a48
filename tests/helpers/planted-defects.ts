import { readFile } from 'node:fs/promises';

/** One defect the simulated model planted, as its `defect-log` records it: the ground truth. */
export interface PlantedDefect {
  kind: string;
  text: string;
}

/** The defects the simulated model appended to the `defect-log` file at `path`. */
export async function readPlantedDefects(path: string): Promise<PlantedDefect[]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PlantedDefect);
}

/** The planted defects still in `document`, each distinct text once. */
export function defectsLeft(document: string, planted: readonly PlantedDefect[]): PlantedDefect[] {
  const distinct = new Map(planted.map((defect) => [defect.text, defect]));
  return [...distinct.values()].filter((defect) => occurrencesLeft(document, defect) > 0);
}

/** Planted defects still in `document`: each planted text once, a copied paragraph beyond its source. */
export function defectsIn(document: string, planted: readonly PlantedDefect[]): number {
  const distinct = new Map(planted.map((defect) => [defect.text, defect]));
  let count = 0;
  for (const defect of distinct.values()) count += occurrencesLeft(document, defect);
  return count;
}

/** How often `defect` still shows in `document` (a copied paragraph counts beyond its source). */
function occurrencesLeft(document: string, defect: PlantedDefect): number {
  const occurrences = document.split(defect.text).length - 1;
  return Math.max(0, defect.kind === 'copied-paragraph' ? occurrences - 1 : occurrences);
}
