import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeamPass, seamPaths } from '../../../src/store/review-files.js';
import { writeDocument } from '../../../src/write-document.js';
import { readPlantedDefects } from '../../helpers/planted-defects.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const request = 'Write a 6,000-word guide to the lighthouses of the Atlantic coast of Europe';

/** A run with bad seams planted in half the sections drafted blind to the one before. */
async function write({ parallel, quality }: { parallel: number; quality: 'fast' | 'standard' }) {
  const folder = await tempDir();
  const log = join(folder, 'planted.jsonl');
  const directory = join(folder, 'run');
  const result = await writeDocument({
    request,
    model: `sim:seed=2,seams=0.5,defect-log=${log}`,
    directory,
    config: { write: { quality, parallel } },
  });
  const planted = await readPlantedDefects(log).catch(() => []);
  return { result, directory, planted };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('the seam pass', () => {
  it('finds the bad seams planted in sections drafted in parallel and repairs their openings, leaving good seams alone', async () => {
    const { result, directory, planted } = await write({ parallel: 4, quality: 'fast' });
    expect(result.info.status).toBe('completed');
    const pass = await readSeamPass({ directory });
    expect(pass).toBeDefined();
    const { findings, repairs } = pass!;
    expect(findings.seams.length).toBeGreaterThan(2);

    // What the drafts held: the openings as they were, before any repair.
    const drafted = await Promise.all(
      repairs.map((repair) => readFile(join(directory, repair.before), 'utf8')),
    );
    const plantedTexts = [...new Set(planted.map((defect) => defect.text))];
    const inDrafts = plantedTexts.filter((text) => drafted.some((draft) => draft.includes(text)));
    expect(inDrafts.length).toBeGreaterThan(0);
    // Every flagged seam held a planted opening: the good seams were not touched.
    expect(repairs.length).toBeLessThan(findings.seams.length);
    for (const draft of drafted) {
      expect(plantedTexts.some((text) => draft.includes(text))).toBe(true);
    }
    expect(findings.findings.every((finding) => /^seam\//.test(finding.ruleId))).toBe(true);
    expect(findings.findings.every((finding) => / meets /.test(finding.message))).toBe(true);
    // Each repaired seam kept its new opening, and no planted opening is left in the document.
    expect(repairs.every((repair) => repair.kept)).toBe(true);
    for (const text of plantedTexts) expect(result.document).not.toContain(text);
    const stages = result.info.stages!;
    expect(stages.seams!.calls).toBe(findings.calls + repairs.length * 2);
  }, 120_000);

  it('runs first in the whole-document review, before its first round reads the document', async () => {
    const { result, directory } = await write({ parallel: 4, quality: 'standard' });
    expect(result.info.status).toBe('completed');
    const pass = await readSeamPass({ directory });
    expect(pass!.repairs.length).toBeGreaterThan(0);
    const events = (await readFile(join(directory, 'journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    const order = events.map((event) => event.type);
    expect(order.indexOf('seam-check-end')).toBeLessThan(order.indexOf('review-start'));
    expect(order.lastIndexOf('seam-repair-end')).toBeLessThan(order.indexOf('review-start'));
    expect(result.info.stages!.seams!.calls).toBeGreaterThan(0);
    expect(result.info.stages!.review!.calls).toBeGreaterThan(0);
  }, 120_000);

  it('leaves a sequential run without a seam pass', async () => {
    const { result, directory } = await write({ parallel: 1, quality: 'fast' });
    expect(result.info.status).toBe('completed');
    expect(await exists(join(directory, seamPaths.findings))).toBe(false);
    expect(result.info.stages?.seams).toBeUndefined();
  }, 120_000);
});
