import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanCritique } from '../../src/control/run-plan-critique.js';
import { outlinePlan } from '../../src/planner/critique/outline-plan.js';
import { briefWords, wordOverlap } from '../../src/planner/critique/rule-critique.js';
import { planDocument } from '../../src/planner/plan-document.js';
import type { Plan } from '../../src/planner/plan-schema.js';
import { createSimModel } from '../../src/sim/create-sim-model.js';
import { type PlanDefectKind, planDefectKinds } from '../../src/sim/plan-defect-kind.js';
import type { PlantedPlanDefect } from '../../src/sim/plant-plan-defects.js';
import { critiquePaths, readCritiqueRounds } from '../../src/store/critique-files.js';
import { RunStore } from '../../src/store/run-store.js';
import { createTask } from '../helpers/builders.js';
import { draftPlanJson, promptModel } from '../helpers/prompt-model.js';
import { simOverHttp } from '../helpers/sim-http.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const request =
  'Write a 20,000-word history of the harbour pilots of Lisbon: their guild, their boats, the river bar, the great storms and the coming of steam';
const limits = { maxSectionWords: 1_200, minSectionWords: 150 };
const task = createTask({ prompt: request, words: 20_000 });

/** The critic's rule that names each planted kind. */
const ruleOf: Record<PlanDefectKind, string> = {
  overlap: 'critique/overlap',
  'missing-term': 'critique/missing-part',
  'unbalanced-budget': 'critique/unbalanced-budget',
  'vague-brief': 'critique/vague-brief',
  'generic-frame': 'critique/generic-frame',
  listicle: 'critique/listicle',
};

/** Plans on the sim with `kinds` planted, then critiques the plan for `rounds` rounds. */
async function critiqueOnSim({
  kinds,
  seed,
  rounds = 1,
  http = false,
}: {
  kinds: readonly PlanDefectKind[];
  seed: number;
  rounds?: number;
  /** Reach the sim through `quire sim serve` and the OpenAI client instead of in-process. */
  http?: boolean;
}) {
  const directory = await tempDir();
  const defectLog = join(directory, 'defects.jsonl');
  const options = { seed, planDefects: kinds, defectLog };
  const model = http ? (await simOverHttp(options)).model : createSimModel(options);
  const made = await planDocument({ task, call: { model }, attempts: 2, ...limits });
  const store = await RunStore.open(join(directory, 'run'));
  const events: string[] = [];
  const plan = await runPlanCritique({
    task,
    draft: made.plan,
    store,
    rounds,
    call: { model },
    ...limits,
    emit: async (event) => {
      events.push(event.type);
    },
  });
  await store.close();
  const log = kinds.length > 0 ? await readFile(defectLog, 'utf8') : '';
  const planted = log
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PlantedPlanDefect);
  return {
    directory: store.directory,
    draft: made.plan,
    plan,
    planted,
    events,
    rounds: await readCritiqueRounds({ directory: store.directory }),
  };
}

/** Whether the planted defect still stands in `plan`, judged from the ground truth alone. */
function stillThere(defect: PlantedPlanDefect, plan: Plan): boolean {
  const outline = outlinePlan(plan);
  const titled = (title: string) => outline.find((section) => section.title === title);
  switch (defect.kind) {
    case 'overlap': {
      const [first, second] = defect.sections.map(titled);
      return (
        !!first && !!second && wordOverlap(briefWords(first.brief), briefWords(second.brief)) > 0.5
      );
    }
    case 'missing-term':
      return !outline.some((section) =>
        `${section.title} ${section.brief}`.toLowerCase().includes(defect.text),
      );
    case 'unbalanced-budget': {
      const budgets = outline.map((section) => section.words).sort((left, right) => left - right);
      const median = budgets[Math.floor(budgets.length / 2)]!;
      return (titled(defect.sections[0]!)?.words ?? 0) > median * 2.5;
    }
    case 'vague-brief':
      return outline.some((section) => section.brief === defect.text);
    case 'generic-frame':
      return outline.some((section) => /^(?:introduction|conclusion)$/i.test(section.title));
    case 'listicle':
      return defect.sections.some((title) => titled(title) !== undefined);
  }
}

describe('runPlanCritique on the simulated model', () => {
  it.each(planDefectKinds)(
    'finds a planted %s and keeps a revision that no longer has it',
    async (kind) => {
      const { draft, plan, planted, rounds } = await critiqueOnSim({ kinds: [kind], seed: 7 });
      expect(planted.map((defect) => defect.kind)).toEqual([kind]);
      expect(stillThere(planted[0]!, draft)).toBe(true);
      const [round] = rounds;
      expect(round!.findings.map((finding) => finding.ruleId)).toContain(ruleOf[kind]);
      expect(round!.kept, round!.reason).toBe(true);
      expect(round!.findingsAfter).toEqual([]);
      expect(stillThere(planted[0]!, plan)).toBe(false);
    },
    60_000,
  );

  it.each([
    { seed: 3, http: false },
    { seed: 11, http: false },
    { seed: 19, http: true },
  ])(
    'finds and fixes every kind planted at once (seed $seed, over HTTP: $http)',
    async ({ seed, http }) => {
      const { draft, plan, planted, rounds, directory } = await critiqueOnSim({
        kinds: planDefectKinds,
        seed,
        rounds: 2,
        http,
      });
      expect(new Set(planted.map((defect) => defect.kind))).toEqual(new Set(planDefectKinds));
      const rules = new Set(rounds[0]!.findings.map((finding) => finding.ruleId));
      for (const kind of planDefectKinds) expect(rules, kind).toContain(ruleOf[kind]);
      for (const defect of planted) expect(stillThere(defect, plan), defect.kind).toBe(false);
      expect(plan).not.toEqual(draft);
      // The revision left nothing to find, so no second round was needed.
      expect(rounds).toHaveLength(1);
      const diff = await readFile(join(directory, critiquePaths.diff(1)), 'utf8');
      expect(diff).toContain('- removed "Introduction"');
      expect(diff).toMatch(/~ renamed "[^"]+" → "/);
      expect(diff).toMatch(/~ budget of "[^"]+": \d+ → \d+ words/);
    },
    60_000,
  );

  it('finds nothing in a plan with no defect planted and leaves it as it is', async () => {
    const { draft, plan, rounds, events, directory } = await critiqueOnSim({
      kinds: [],
      seed: 7,
      rounds: 2,
    });
    expect(rounds).toEqual([
      {
        round: 1,
        findings: [],
        calls: 1,
        kept: false,
        reason: 'the critique found nothing to revise',
      },
    ]);
    expect(plan).toEqual(draft);
    expect(events).toEqual(['critique-start', 'critique-end']);
    await expect(readFile(join(directory, critiquePaths.diff(1)), 'utf8')).rejects.toThrow();
  }, 60_000);
});

describe('runPlanCritique', () => {
  it('keeps the plan it had when the revision has no fewer findings, and says why', async () => {
    const finding = {
      rule: 'vague-brief',
      sections: ['s001'],
      message: 'too thin',
      severity: 'error',
    };
    const model = promptModel(({ prompt }) => ({
      text: prompt.includes('# What the editor found')
        ? draftPlanJson({ count: 3, words: 1_000 })
        : JSON.stringify({ checked: ['s001'], findings: [finding] }),
    }));
    const draft = (
      await planDocument({
        task: createTask(),
        call: { model: promptModel(() => ({ text: draftPlanJson({ count: 3, words: 1_000 }) })) },
        attempts: 1,
        ...limits,
      })
    ).plan;
    const store = await RunStore.open(join(await tempDir(), 'run'));
    const plan = await runPlanCritique({
      task: createTask(),
      draft,
      store,
      rounds: 3,
      call: { model },
      ...limits,
      emit: async () => {},
    });
    await store.close();
    expect(plan).toEqual(draft);
    const rounds = await readCritiqueRounds({ directory: store.directory });
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ kept: false, calls: 3 });
    expect(rounds[0]!.reason).toMatch(/no fewer findings \(1 → 1\)/);
  });

  it('replays the rounds a resumed run finished instead of calling the model again', async () => {
    const first = await critiqueOnSim({ kinds: ['vague-brief'], seed: 5, rounds: 1 });
    const store = await RunStore.open(first.directory);
    const model = promptModel(() => new Error('no call expected'));
    const plan = await runPlanCritique({
      task,
      draft: first.draft,
      store,
      rounds: 1,
      call: { model },
      ...limits,
      emit: async () => {},
    });
    await store.close();
    expect(plan).toEqual(first.plan);
    expect(model.doStreamCalls).toHaveLength(0);
  });
});
