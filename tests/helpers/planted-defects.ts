import { readFile } from 'node:fs/promises';

export { defectsIn, defectsLeft } from '../../src/sim/planted-defects-in.js';

/** One defect the simulated model planted, as its `defect-log` records it: the ground truth. */
export interface PlantedDefect {
  kind: string;
  text: string;
}

/**
 * The defects the simulated model appended to the `defect-log` file at `path`; none when the
 * file is absent (the model writes it with the first defect it plants).
 */
export async function readPlantedDefects(path: string): Promise<PlantedDefect[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PlantedDefect);
}
