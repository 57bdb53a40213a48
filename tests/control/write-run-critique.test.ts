import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { writeRun } from '../../src/control/write-run.js';
import { resolveModelInput } from '../../src/model/resolve-model-input.js';
import { critiquePaths, readCritiqueRounds } from '../../src/store/critique-files.js';
import { RunStore } from '../../src/store/run-store.js';
import { writeDocument } from '../../src/write-document.js';
import { createPlan, createTask } from '../helpers/builders.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const request = 'Write a 1,500-word history of the harbour pilots of Lisbon and their guild';
const model = 'sim:seed=7,plan-defects=vague-brief';
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('the plan critique in a write run', () => {
  it('runs at the standard level, and plan.critiqueRounds 0 skips it', async () => {
    const config = { write: { quality: 'standard' as const }, review: { rounds: 0 } };
    const critiqued = await writeDocument({
      request,
      model,
      directory: join(await tempDir(), 'run'),
      config,
    });
    expect(critiqued.info.stages?.critique?.calls).toBe(3);
    const directory = critiqued.directory;
    expect(await exists(join(directory, critiquePaths.draft))).toBe(true);
    const [round] = await readCritiqueRounds({ directory });
    expect(round).toMatchObject({ round: 1, kept: true });
    const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8'));
    expect(plan.sections).toEqual(round!.revised!.sections);
    const draft = JSON.parse(await readFile(join(directory, critiquePaths.draft), 'utf8'));
    expect(plan.sections).not.toEqual(draft.sections);

    const skipped = await writeDocument({
      request,
      model,
      directory: join(await tempDir(), 'run'),
      config: { ...config, plan: { critiqueRounds: 0 } },
    });
    expect(skipped.info.stages?.critique).toBeUndefined();
    expect(await exists(join(skipped.directory, 'plan'))).toBe(false);
  }, 120_000);

  it('never critiques a plan the user supplied', async () => {
    const store = await RunStore.open(join(await tempDir(), 'run'));
    const suppliedPlan = createPlan({
      count: 2,
      sections: [{ brief: 'More.' }, { brief: 'More.' }],
      words: 750,
    });
    try {
      const result = await writeRun({
        store,
        task: createTask({ words: 1_500 }),
        config: ConfigSchema.parse({ write: { quality: 'best' }, review: { rounds: 0 } }),
        model: resolveModelInput({ model: model }),
        suppliedPlan,
      });
      expect(result.info.stages?.critique).toBeUndefined();
      expect(result.plan.sections.map((section) => section.brief)).toEqual(['More.', 'More.']);
    } finally {
      await store.close();
    }
    expect(await exists(join(store.directory, 'plan'))).toBe(false);
  }, 120_000);
});
