import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageCosts } from '../../../src/control/inspect/stage-costs.js';
import { candidatePaths, readCandidateScores } from '../../../src/store/candidate-files.js';
import { writeDocument } from '../../../src/write-document.js';
import { defectsIn, readPlantedDefects } from '../../helpers/planted-defects.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const request = 'Write a 4,000-word history of the harbour pilots of Lisbon and their guild';

/** Defects the section checks can see: a paragraph copied from before, a section far too long. */
const model = (log: string) =>
  `sim:seed=5,defects=0.6,defect-kinds=copied-paragraph+over-length,defect-log=${log}`;

async function write({
  folder,
  abortSignal,
  onEvent,
}: {
  folder: string;
  abortSignal?: AbortSignal;
  onEvent?: Parameters<typeof writeDocument>[0]['onEvent'];
}) {
  return writeDocument({
    request,
    model: model(join(folder, 'defects.jsonl')),
    directory: join(folder, 'run'),
    // The fast level drafts each section once: its assertions count the candidates' calls alone.
    config: { write: { quality: 'fast', candidates: 3 } },
    ...(abortSignal ? { abortSignal } : {}),
    ...(onEvent ? { onEvent } : {}),
  });
}

describe('best of N (write.candidates) on the simulated model', () => {
  it('keeps the candidate with the fewest planted defects, and every candidate on disk', async () => {
    const folder = await tempDir();
    const result = await write({ folder });
    const directory = join(folder, 'run');
    const planted = await readPlantedDefects(join(folder, 'defects.jsonl'));
    const names = (await readdir(join(directory, 'candidates'))).sort();
    expect(names.length).toBe(result.plan.sections.length);

    let differing = 0;
    for (const name of names) {
      const files = await readdir(join(directory, candidatePaths.folder(name)));
      expect(files.sort()).toEqual(
        ['1.json', '1.md', '2.json', '2.md', '3.json', '3.md', 'prompt.json', 'scores.json'].sort(),
      );
      const scores = (await readCandidateScores({ directory, name }))!;
      const texts = await Promise.all(
        [1, 2, 3].map((candidate) =>
          readFile(join(directory, candidatePaths.text(name, candidate)), 'utf8'),
        ),
      );
      // The kept one has the lowest combined score, each metric raw and normalised on record.
      const best = Math.min(...scores.candidates.map((candidate) => candidate.score));
      expect(scores.candidates.find((each) => each.candidate === scores.kept)!.score).toBe(best);
      for (const candidate of scores.candidates) {
        expect(Object.keys(candidate.metrics).sort()).toEqual(['errors', 'length', 'overlap']);
      }
      const defects = texts.map((text) => defectsIn(text, planted));
      if (new Set(defects).size > 1) differing++;
      expect(defects[scores.kept - 1]).toBe(Math.min(...defects));
    }
    // What best of N adds (candidates 2 and 3 of each section) is counted apart from drafting.
    const stages = result.info.stages!;
    expect(stages.candidates!.calls).toBeGreaterThanOrEqual(2 * names.length);
    expect(stages.drafting!.calls).toBeGreaterThanOrEqual(names.length);
    expect(stages.drafting!.calls).toBeLessThan(stages.candidates!.calls);
    expect(stageCosts({ info: result.info }).map((stage) => stage.stage)).toEqual([
      'planning',
      'drafting',
      'candidates',
    ]);
    // The candidates really differ: in some section, one has a defect another has not.
    expect(differing).toBeGreaterThan(0);
    expect(defectsIn(result.document, planted)).toBe(0);
  }, 120_000);

  it('resumes a killed run without drafting again the candidates it finished', async () => {
    const folder = await tempDir();
    const controller = new AbortController();
    const finished: string[] = [];
    await expect(
      write({
        folder,
        abortSignal: controller.signal,
        onEvent: (event) => {
          if (event.type !== 'candidate-end') return;
          finished.push(`${event.sectionId}/${event.candidate}`);
          // Stop in the middle of the second section's candidates.
          if (finished.length === 4) controller.abort();
        },
      }),
    ).rejects.toThrow();
    const directory = join(folder, 'run');
    const before = new Map(
      await Promise.all(
        finished.map(async (key) => {
          const [sectionId, candidate] = key.split('/');
          const index = Number(sectionId!.slice(1)) - 1;
          const name = (await readdir(join(directory, 'candidates'))).sort()[index]!;
          const text = await readFile(
            join(directory, candidatePaths.text(name, Number(candidate))),
            'utf8',
          );
          return [key, text] as const;
        }),
      ),
    );

    const resumed: string[] = [];
    const result = await write({
      folder,
      onEvent: (event) => {
        if (event.type === 'candidate-end') resumed.push(`${event.sectionId}/${event.candidate}`);
      },
    });
    expect(resumed.filter((key) => finished.includes(key))).toEqual([]);
    expect(finished.length + resumed.length).toBe(3 * result.plan.sections.length);
    for (const [key, text] of before) {
      const [sectionId, candidate] = key.split('/');
      const index = Number(sectionId!.slice(1)) - 1;
      const name = (await readdir(join(directory, 'candidates'))).sort()[index]!;
      expect(
        await readFile(join(directory, candidatePaths.text(name, Number(candidate))), 'utf8'),
      ).toBe(text);
    }
    const stages = result.info.stages!;
    // Both sessions' drafts are counted: the first draft of each section, and the others apart.
    expect(stages.drafting!.calls + stages.candidates!.calls).toBeGreaterThanOrEqual(
      3 * result.plan.sections.length,
    );
  }, 120_000);

  it('adds the judge to the metrics when one is given', async () => {
    const folder = await tempDir();
    const directory = join(folder, 'run');
    await writeDocument({
      request: 'Write a 1,500-word guide to the lighthouses of Brittany',
      model: 'sim:seed=7',
      models: { judge: 'sim' },
      directory,
      config: { write: { quality: 'fast', candidates: 2 } },
    });
    for (const name of await readdir(join(directory, 'candidates'))) {
      const scores = (await readCandidateScores({ directory, name }))!;
      for (const candidate of scores.candidates) {
        expect(candidate.metrics.quality!.raw).toBeGreaterThan(0);
      }
      const judged = scores.candidates.map((candidate) => candidate.metrics.quality!.normalised);
      expect(Math.min(...judged)).toBe(0);
    }
  }, 120_000);
});
