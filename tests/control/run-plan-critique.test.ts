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
import { createFakeClock } from '../helpers/fake-clock.js';
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

describe('runPlanCritique over several rounds', () => {
  const finding = (rule: string) => ({
    rule,
    sections: ['s001'],
    message: `the plan has a ${rule}`,
    severity: 'error',
  });
  /** A plan reply whose titles start with `prefix`. */
  const revisedPlan = (prefix: string) => {
    const parsed = JSON.parse(draftPlanJson({ count: 3, words: 1_000 })) as {
      sections: Array<{ title: string }>;
    };
    for (const section of parsed.sections) section.title = `${prefix} ${section.title}`;
    return JSON.stringify(parsed);
  };
  /**
   * A planner and critic: the draft has two defects, a revised plan one, and every revision is
   * named after how many revisions came before it.
   */
  const plannerAndCritic = () => {
    let revisions = 0;
    return promptModel(({ prompt }) => {
      if (prompt.includes('# What the editor found')) {
        revisions++;
        return { text: revisedPlan(`Revised ${revisions}`) };
      }
      const found = prompt.includes('Revised')
        ? [finding('vague-brief')]
        : [finding('vague-brief'), finding('overlap')];
      return { text: JSON.stringify({ checked: ['s001'], findings: found }) };
    });
  };

  async function critique({
    directory,
    rounds,
    model,
  }: {
    directory: string;
    rounds: number;
    model: ReturnType<typeof promptModel>;
  }) {
    const draft = (
      await planDocument({
        task: createTask(),
        call: { model: promptModel(() => ({ text: draftPlanJson({ count: 3, words: 1_000 }) })) },
        attempts: 1,
        ...limits,
      })
    ).plan;
    const store = await RunStore.open(directory);
    const events: Array<Record<string, unknown>> = [];
    try {
      const plan = await runPlanCritique({
        task: createTask(),
        draft,
        store,
        rounds,
        // An unusable reply is retried once, at once.
        call: {
          model,
          clock: createFakeClock(),
          retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 },
        },
        ...limits,
        emit: async (event) => {
          events.push(event);
        },
      });
      return { plan, draft, events, rounds: await readCritiqueRounds({ directory }) };
    } finally {
      await store.close();
    }
  }

  it('opens the next round with the findings the last recheck left, and stops when a revision is not kept', async () => {
    const model = plannerAndCritic();
    const directory = await tempDir();
    const { plan, events, rounds } = await critique({ directory, rounds: 3, model });
    expect(plan.sections[0]?.title).toBe('Revised 1 Chapter A');
    // Round 1: critique, revision, recheck; round 2 starts from the recheck's findings.
    expect(model.doStreamCalls).toHaveLength(5);
    expect(
      rounds.map(({ round, calls, kept, reason }) => ({ round, calls, kept, reason })),
    ).toEqual([
      { round: 1, calls: 3, kept: true, reason: 'the revision has fewer findings (2 → 1)' },
      {
        round: 2,
        calls: 2,
        kept: false,
        reason: 'the revision has no fewer findings (1 → 1); the plan before it is kept',
      },
    ]);
    expect(rounds[1]!.findings).toEqual(rounds[0]!.findingsAfter);
    expect(events).toEqual([
      { type: 'critique-start', round: 1, sections: 3 },
      {
        type: 'critique-end',
        round: 1,
        findings: 2,
        kept: true,
        reason: 'the revision has fewer findings (2 → 1)',
        calls: 3,
        usage: expect.objectContaining({ inputTokens: 30, outputTokens: 15 }),
      },
      { type: 'critique-start', round: 2, sections: 3 },
      expect.objectContaining({
        type: 'critique-end',
        round: 2,
        findings: 1,
        kept: false,
        calls: 2,
      }),
    ]);
    // A resumed run finds the critique ended: the kept revision stands, the one not kept does not.
    const resumed = plannerAndCritic();
    const again = await critique({ directory, rounds: 3, model: resumed });
    expect(resumed.doStreamCalls).toHaveLength(0);
    expect(again.plan).toEqual(plan);
  });

  it('resumes a critique from its kept revision and that revision’s findings, without asking again', async () => {
    const directory = await tempDir();
    await critique({ directory, rounds: 1, model: plannerAndCritic() });
    const model = plannerAndCritic();
    const { plan, rounds } = await critique({ directory, rounds: 2, model });
    // Round 2 needs no critique: the recheck of round 1 stands in for it.
    expect(model.doStreamCalls).toHaveLength(2);
    expect(rounds[1]).toMatchObject({ round: 2, calls: 2, kept: false });
    expect(rounds[1]!.findings).toEqual(rounds[0]!.findingsAfter);
    expect(plan.sections[0]?.title).toBe('Revised 1 Chapter A');
  });

  it('records why a revision that cannot be used was not kept', async () => {
    const model = promptModel(({ prompt }) => ({
      text: prompt.includes('# What the editor found')
        ? 'no plan here'
        : JSON.stringify({ checked: ['s001'], findings: [finding('vague-brief')] }),
    }));
    const { plan, draft, rounds } = await critique({
      directory: await tempDir(),
      rounds: 2,
      model,
    });
    expect(plan).toEqual(draft);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ kept: false, calls: 2 });
    expect(rounds[0]!.reason).toMatch(/^the revision could not be read \(/);
    expect(rounds[0]!.revised).toBeUndefined();
  });
});
