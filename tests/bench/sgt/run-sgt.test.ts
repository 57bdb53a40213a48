import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSgtTasks } from '../../../src/bench/sgt/generate-sgt-tasks.js';
import { sgtTasksFromFile } from '../../../src/bench/sgt/read-sgt-tasks.js';
import { runSgt } from '../../../src/bench/sgt/run-sgt.js';
import type { SgtBenchTask } from '../../../src/bench/sgt/sgt-bench-task.js';
import { convertSgtItem } from '../../../src/evaluators/constraints/convert-sgt-item.js';
import { expandConstraints } from '../../../src/evaluators/constraints/expand-constraints.js';
import { PlanSchema } from '../../../src/planner/plan-schema.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { benchConfig, simModel } from '../helpers/bench-models.js';

const tempDir = useTempDir();
const generated = sgtTasksFromFile({ value: generateSgtTasks({ count: 2, seed: 5 }), file: 'x' });

/** A small task in SGT's own shape (entries separated by #*#), made up for the test. */
function sgtShapedTask(): SgtBenchTask {
  const { prompt, constraints } = convertSgtItem({
    prompt: 'Write a short logbook of a ferry, one entry per day, at least 60 words each.',
    checks_once: { '2': 'a lost umbrella' },
    checks_range: { '3': 'fog on the crossing', '4': 'fog on the crossing' },
    checks_periodic: { '1': 'a safety drill', '4': 'a safety drill' },
    type: 'Day',
    prefix: '#*# Day 1:',
    number: 5,
  });
  return { id: 'day-test', scenario: 'Day', source: 'sgt', prompt, words: 400, constraints };
}

describe('runSgt', () => {
  it('quire mode: one section per segment, each given the constraints due there; CR 100', async () => {
    const outDir = await tempDir();
    const result = await runSgt({
      tasks: generated,
      mode: 'quire',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    expect(result.failures).toEqual([]);
    for (const [index, line] of result.results.entries()) {
      const task = generated[index]!;
      expect(line.cr, task.id).toBe(1);
      expect(line.segments).toEqual({
        required: task.constraints.segments,
        found: task.constraints.segments,
      });
      const plan = PlanSchema.parse(
        JSON.parse(await readFile(join(outDir, 'runs', task.id, 'plan.json'), 'utf8')),
      );
      const headed = plan.sections.filter((section) => !section.continuation);
      expect(headed.map((section) => section.title)).toEqual(
        Array.from(
          { length: task.constraints.segments },
          (_, at) => `${task.constraints.unit} ${at + 1}`,
        ),
      );
      for (const check of expandConstraints(task.constraints)) {
        const section = headed.find((each) => each.segment === check.segment);
        expect(
          section?.constraints.map((due) => due.text),
          `${task.id} segment ${check.segment}`,
        ).toContain(check.event);
      }
    }
    expect(result.summary.overall.cr).toBe(1);
  }, 120_000);

  it('quire mode on an SGT-shaped task: segments are found by their headings, not #*#', async () => {
    const outDir = await tempDir();
    const result = await runSgt({
      tasks: [sgtShapedTask()],
      mode: 'quire',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    expect(result.results[0]?.cr).toBe(1);
    const document = await readFile(join(outDir, 'runs', 'day-test', 'document.md'), 'utf8');
    expect(document).toContain('## Day 5');
    expect(document).not.toContain('#*#');
  });

  it('direct mode: one call, the answer saved to responses/<id>.md and segmented as asked', async () => {
    const outDir = await tempDir();
    const task = generated[0]!;
    const result = await runSgt({
      tasks: [task],
      mode: 'direct',
      model: simModel(),
      config: benchConfig,
      outDir,
    });
    const line = result.results[0]!;
    expect(line.usage.calls).toBe(1);
    expect(line.responseFile).toBe(join(outDir, 'responses', `${task.id}.md`));
    const response = await readFile(line.responseFile ?? '', 'utf8');
    expect(line.words).toBeGreaterThan(0);
    expect(response.length).toBeGreaterThan(0);
    // sim ignores the heading format, so the segments asked for are not there.
    expect(line.cr).toBeLessThan(0.2);
    expect(line.checks.total).toBe(expandConstraints(task.constraints).length);
  });
});
