import { mkdir, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeRunEvent } from '../../../src/code/run/code-run-event.js';
import { openCodeRunStore } from '../../../src/code/run/open-code-run-store.js';
import { runCode } from '../../../src/code/run/run-code.js';
import type { ModelObject } from '../../../src/model/call-settings.js';
import { resolveModel } from '../../../src/model/resolve-model.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { noRetry } from '../helpers/builders.js';
import { randomToolModel } from '../helpers/random-tool-model.js';

const spec = [
  '# Shop',
  '- [ ] 1.1. Users can add items to a cart.',
  '- [ ] 1.2. Users can remove items.',
  '- [ ] 2.1. Users can pay for the cart.',
].join('\n');
const settings = { maxSteps: 2, maxTurns: 6, testTimeoutMs: 5_000, memoryLimitMb: 64 };

/** Every path under `dir`, with its size, to show nothing changed outside the workspace. */
async function snapshot(dir: string, skip: string): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (path === skip) continue;
      if (entry.isDirectory()) await walk(path);
      else result[relative(dir, path)] = (await stat(path).catch(() => ({ size: -1 }))).size;
    }
  };
  await walk(dir);
  return result;
}

describe('runCode with random but schema-valid models', () => {
  const tempDir = useTempDir();

  async function runRandom(model: ModelObject) {
    const base = await tempDir();
    const runDir = join(base, 'run');
    const outside = join(base, 'outside');
    const store = await openCodeRunStore({ runDir });
    await mkdir(outside);
    await mkdir(store.workspaceDir, { recursive: true });
    await symlink(outside, join(store.workspaceDir, 'outside-link'));
    const before = await snapshot(base, store.workspaceDir);
    const events: CodeRunEvent[] = [];
    const result = await runCode({
      spec,
      call: { model, retry: noRetry },
      model: { spec: 'random', modelId: 'random', simulated: true },
      store,
      settings,
      onEvent: (event) => events.push(event),
    });
    await store.close();
    const after = await snapshot(base, store.workspaceDir);
    return { result, events, before, after, runDir, outside };
  }

  function expectContained({
    result,
    events,
    before,
    after,
    outside,
  }: Awaited<ReturnType<typeof runRandom>>) {
    // Terminates within its caps.
    const stepEnds = events.filter(
      (event): event is Extract<CodeRunEvent, { type: 'step-end' }> => event.type === 'step-end',
    );
    expect(stepEnds.filter((event) => event.status !== 'skipped').length).toBeLessThanOrEqual(
      settings.maxSteps,
    );
    for (const event of stepEnds) expect(event.turns).toBeLessThanOrEqual(settings.maxTurns);
    // Never writes outside the workspace: beside it, only the run's own files changed.
    const runFiles = ['run/journal.jsonl', 'run/plan.json', 'run/report.json', 'run/run.json'];
    const changed = Object.keys(after).filter((path) => before[path] !== after[path]);
    expect(changed.filter((path) => !runFiles.includes(path))).toEqual([]);
    expect(Object.keys(before).filter((path) => !(path in after))).toEqual([]);
    expect(
      Object.keys(after).filter((path) => path.startsWith(relative(join(outside, '..'), outside))),
    ).toEqual([]);
    // Reports unmet requirements instead of claiming success.
    expect(result.status).toBe('incomplete');
    expect(result.report.requirements.unmet).toBeGreaterThan(0);
    expect(result.report.requirements.items.filter((item) => item.status === 'unmet').length).toBe(
      result.report.requirements.unmet,
    );
  }

  it.each([1, 2, 3])('stays contained and honest on the built-in sim (seed %i)', async (seed) => {
    const run = await runRandom(resolveModel({ spec: `sim:seed=${seed}` }).model);
    expectContained(run);
    const report = JSON.parse(await readFile(join(run.runDir, 'report.json'), 'utf8'));
    expect(report.status).toBe('incomplete');
  });

  it.each([11, 12, 13, 14])(
    'refuses every escape an adversarial random model tries (seed %i)',
    async (seed) => {
      const plan = {
        instructions: [1, 2, 3].map((index) => ({
          title: `Part ${index}`,
          details: 'Build it.',
          requirements: index === 1 ? ['1.1. Users can add items to a cart.'] : [],
          files: ['src/index.js', '../escaped.js'],
          testFiles: ['test/index.test.js'],
        })),
      };
      const run = await runRandom(randomToolModel({ seed, plan }));
      expectContained(run);
      // The third step was never run: the step cap was reached, and the report says so.
      expect(run.result.plan.instructions.at(-1)).toMatchObject({
        status: 'skipped',
        failure: { reason: 'maxSteps' },
      });
      // It did try things, and the tools refused some of them.
      const toolCalls = run.events.filter((event) => event.type === 'tool-call');
      expect(toolCalls.length).toBeGreaterThan(0);
      expect(toolCalls.some((event) => event.type === 'tool-call' && !event.ok)).toBe(true);
    },
  );
});
