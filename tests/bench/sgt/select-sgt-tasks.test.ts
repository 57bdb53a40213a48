import { describe, expect, it } from 'vitest';
import { generateSgtTasks } from '../../../src/bench/sgt/generate-sgt-tasks.js';
import { sgtTasksFromFile } from '../../../src/bench/sgt/read-sgt-tasks.js';
import { selectSgtTasks, sgtScenarios } from '../../../src/bench/sgt/select-sgt-tasks.js';

const tasks = sgtTasksFromFile({ value: generateSgtTasks({ count: 8, seed: 2 }), file: 'x' });

describe('selectSgtTasks', () => {
  it('keeps all without a scenario or limit', () => {
    expect(selectSgtTasks({ tasks })).toEqual(tasks);
  });

  it('filters by scenario without regard to case', () => {
    const floors = selectSgtTasks({ tasks, scenario: 'FLOORS' });
    expect(floors.map((task) => task.id)).toEqual(['floors-s2-3', 'floors-s2-7']);
    expect(selectSgtTasks({ tasks, scenario: 'nope' })).toEqual([]);
  });

  it('deals a limit over the scenarios, returning tasks in file order', () => {
    expect(selectSgtTasks({ tasks, limit: 3 }).map((task) => task.id)).toEqual([
      'diary-s2-1',
      'menu-s2-2',
      'floors-s2-3',
    ]);
    const six = selectSgtTasks({ tasks, limit: 6 }).map((task) => task.scenario);
    expect(six).toEqual(['diary', 'menu', 'floors', 'city-grid', 'diary', 'menu']);
  });

  it('lists the scenarios in order of first appearance', () => {
    expect(sgtScenarios(tasks)).toEqual(['diary', 'menu', 'floors', 'city-grid']);
  });
});
