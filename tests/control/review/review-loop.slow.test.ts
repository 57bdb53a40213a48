import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoundRewrites, reviewPaths } from '../../../src/store/review-files.js';
import { writeDocument } from '../../../src/write-document.js';
import { defectsIn, readPlantedDefects } from '../../helpers/planted-defects.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const request = 'Write a 20,000-word history of the harbour pilots of Lisbon and their guild';

async function write({ quality, folder }: { quality: 'fast' | 'standard'; folder: string }) {
  const log = join(folder, 'defects.jsonl');
  const result = await writeDocument({
    request,
    model: `sim:seed=23,defects=0.2,defect-log=${log}`,
    directory: join(folder, 'run'),
    // Both levels keep the ledger with the model and plan no think notes, so they draft the
    // same document: what differs is the review's cost.
    config: { write: { quality, ledger: 'model', thinkNotes: 'off' } },
  });
  const planted = await readPlantedDefects(log);
  return { result, planted };
}

/** The standard run both tests read, written once for the file. */
let standardRun: ReturnType<typeof writeStandard> | undefined;
async function writeStandard() {
  const folder = await tempDir();
  return { ...(await write({ quality: 'standard', folder })), directory: join(folder, 'run') };
}

describe('the whole-document review on the simulated model', () => {
  it('fixes at least 90% of the defects planted in a 20,000-word document, rewriting only flagged sections', async () => {
    standardRun ??= writeStandard();
    const { result, planted, directory } = await standardRun;
    const draft = await readFile(join(directory, reviewPaths.draft), 'utf8');
    const before = defectsIn(draft, planted);
    const after = defectsIn(result.document, planted);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(after).toBeLessThanOrEqual(Math.floor(before * 0.1));

    // Every rewrite answers findings against its own section.
    const rewrites = await readRoundRewrites({ directory, round: 1 });
    expect(rewrites.length).toBeGreaterThan(0);
    for (const rewrite of rewrites) {
      expect(rewrite.findingsBefore.length).toBeGreaterThan(0);
      expect(
        rewrite.findingsBefore.every((finding) => finding.location?.section === rewrite.sectionId),
      ).toBe(true);
    }
    const rewritten = new Set(rewrites.map((rewrite) => rewrite.index));
    const sections = await readFile(join(directory, 'plan.json'), 'utf8').then(
      (text) => (JSON.parse(text) as { sections: unknown[] }).sections.length,
    );
    expect(rewritten.size).toBeLessThan(sections);

    const stages = result.info.stages!;
    expect(stages.review!.calls).toBeGreaterThan(0);
    expect(stages.rewrite!.calls).toBe(rewrites.length * 2);
  }, 120_000);

  it('costs tokens on top of a fast run that drafts the same document', async () => {
    const fast = await write({ quality: 'fast', folder: await tempDir() });
    standardRun ??= writeStandard();
    const standard = await standardRun;
    const tokens = (usage: { inputTokens: number; outputTokens: number }) =>
      usage.inputTokens + usage.outputTokens;
    expect(fast.result.info.stages?.review).toBeUndefined();
    expect(standard.result.info.stages!.drafting).toEqual(fast.result.info.stages!.drafting);
    expect(tokens(standard.result.info.usage)).toBeGreaterThan(tokens(fast.result.info.usage));
  }, 180_000);
});
