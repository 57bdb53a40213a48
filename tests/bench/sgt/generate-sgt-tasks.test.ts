import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSgtTasks } from '../../../src/bench/sgt/generate-sgt-tasks.js';
import { sgtCheckSets } from '../../../src/bench/sgt/sgt-check-sets.js';
import { SgtTaskFileSchema } from '../../../src/bench/sgt/sgt-task-file-schema.js';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error.js';
import { expandConstraints } from '../../../src/evaluators/constraints/expand-constraints.js';
import { validateConstraintFile } from '../../../src/evaluators/constraints/validate-constraint-file.js';

const file = generateSgtTasks({ count: 12, seed: 7 });

describe('generateSgtTasks', () => {
  it('writes a valid task file, cycling through the four scenarios', () => {
    expect(SgtTaskFileSchema.parse(file)).toEqual(file);
    expect(file.tasks.map((task) => task.scenario).slice(0, 8)).toEqual([
      'diary',
      'menu',
      'floors',
      'city-grid',
      'diary',
      'menu',
      'floors',
      'city-grid',
    ]);
    expect(file.tasks.map((task) => task.id).slice(0, 2)).toEqual(['diary-s7-1', 'menu-s7-2']);
  });

  it('is deterministic, and task n does not depend on how many are generated', () => {
    expect(generateSgtTasks({ count: 12, seed: 7 })).toEqual(file);
    expect(generateSgtTasks({ count: 3, seed: 7 }).tasks).toEqual(file.tasks.slice(0, 3));
    expect(generateSgtTasks({ count: 3, seed: 8 }).tasks).not.toEqual(file.tasks.slice(0, 3));
  });

  it('gives every task valid once, range and periodic constraints inside its segments', () => {
    for (const task of file.tasks) {
      const validated = validateConstraintFile(task.constraints);
      expect(validated.ok, task.id).toBe(true);
      const types = new Set(task.constraints.constraints.map((constraint) => constraint.type));
      expect(types, task.id).toEqual(new Set(['once', 'range', 'periodic']));
      for (const check of expandConstraints(task.constraints)) {
        expect(check.segment, task.id).toBeGreaterThanOrEqual(1);
        expect(check.segment, task.id).toBeLessThanOrEqual(task.constraints.segments);
      }
      const events = task.constraints.constraints.map((constraint) => constraint.event);
      expect(new Set(events).size, `${task.id}: each event is used once`).toBe(events.length);
      expect(task.words).toBe(
        task.constraints.segments * Math.ceil((task.constraints.minWords ?? 0) * 1.25),
      );
    }
  });

  it('lists each constraint in the prompt, and the check sets are the constraints expanded', () => {
    for (const task of file.tasks) {
      expect(task.checks).toEqual(sgtCheckSets(task.constraints));
      for (const constraint of task.constraints.constraints) {
        expect(task.prompt, task.id).toContain(constraint.event);
      }
      const unit = task.constraints.unit;
      expect(task.prompt).toContain(`"## ${unit} N"`);
      expect(task.prompt).toContain(`${unit} 1 to ${unit} ${task.constraints.segments}`);
    }
  });

  it('numbers the city grid row by row: a column is a range stepping by the width', () => {
    const grid = file.tasks.find((task) => task.scenario === 'city-grid')!;
    const width = Math.sqrt(grid.constraints.segments);
    expect(Number.isInteger(width)).toBe(true);
    const column = grid.constraints.constraints.find(
      (constraint) => constraint.type === 'range' && constraint.every !== undefined,
    );
    expect(column).toMatchObject({ every: width });
    if (column?.type !== 'range') throw new Error('no column range');
    expect(column.end - column.start).toBe((width - 1) * width);
    expect(grid.prompt).toContain(`Block ${width + 1} starts the second row`);
  });

  it('refuses a count or seed that is not a whole number', () => {
    expect(() => generateSgtTasks({ count: 0, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => generateSgtTasks({ count: 2, seed: -1 })).toThrow(InvalidOptionError);
  });

  const sgtData = '../shared/data/sgt/Dataset_short.json';
  it.skipIf(!existsSync(sgtData))('uses none of the wording of SGT’s own checks', () => {
    const items = JSON.parse(readFileSync(sgtData, 'utf8')) as Array<
      Record<string, Record<string, string>>
    >;
    const theirs = new Set(
      items.flatMap((item) =>
        ['checks_once', 'checks_range', 'checks_periodic'].flatMap((key) =>
          Object.values(item[key] ?? {}).map((text) => text.toLowerCase()),
        ),
      ),
    );
    const ours = generateSgtTasks({ count: 40, seed: 3 }).tasks.flatMap((task) =>
      task.constraints.constraints.map((constraint) => constraint.event.toLowerCase()),
    );
    expect(ours.filter((event) => theirs.has(event))).toEqual([]);
  });
});
