import { ConfigSchema } from '../../src/config/config-schema.js';
import { createRunInfo } from '../../src/control/run-info.js';
import type { Plan } from '../../src/planner/plan-schema.js';
import { RunStore, runFiles } from '../../src/store/run-store.js';
import { type TaskInput, TaskSchema } from '../../src/task/task-schema.js';
import { promptModel } from './prompt-model.js';

/**
 * Writes a run directory the way `quire write` leaves it, through the real store: run.json,
 * plan.json, the given sections (by plan index) and document.md. Returns the directory.
 */
export async function createRunOnDisk({
  directory,
  task,
  plan,
  sections,
  document,
}: {
  directory: string;
  task: Partial<TaskInput>;
  plan?: Plan;
  /** Section texts by plan index; `undefined` entries are left unwritten. */
  sections?: Array<string | undefined>;
  document?: string;
}): Promise<string> {
  const store = await RunStore.open(directory);
  try {
    const info = createRunInfo({
      task: TaskSchema.parse({ prompt: 'Write about mills.', words: 600, lang: 'en', ...task }),
      config: ConfigSchema.parse({}),
      model: {
        model: promptModel(() => ({ text: '' })),
        spec: 'sim',
        modelId: 'sim',
        simulated: true,
      },
      now: Date.parse('2026-01-01T00:00:00Z'),
    });
    await store.writeInfo({ ...info, status: 'completed' });
    if (plan) await store.writePlan(plan);
    await writeSections({ store, plan, texts: sections ?? [] });
    if (document !== undefined) await store.writeText(runFiles.document, document);
  } finally {
    await store.close();
  }
  return directory;
}

/**
 * Commits `texts` as the run's sections, by plan index, each under its plan id (`sN` without a
 * plan); `undefined` entries are left unwritten.
 */
export async function writeSections({
  store,
  plan,
  texts,
}: {
  store: RunStore;
  plan?: Plan | undefined;
  texts: ReadonlyArray<string | undefined>;
}): Promise<void> {
  for (const [index, text] of texts.entries()) {
    if (text !== undefined) {
      await store.writeSection({ index, slug: plan?.sections[index]?.id ?? `s${index}`, text });
    }
  }
}
