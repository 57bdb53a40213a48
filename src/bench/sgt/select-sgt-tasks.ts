import type { SgtBenchTask } from './sgt-bench-task.js';

/**
 * The tasks to run: those of `scenario` (matched without regard to case) when given, then at
 * most `limit`, dealt round-robin over the scenarios in the order they first appear so a small
 * sample covers each of them; inside a scenario, in file order. Returned in file order.
 * Deterministic. Pure.
 */
export function selectSgtTasks({
  tasks,
  scenario,
  limit,
}: {
  tasks: readonly SgtBenchTask[];
  scenario?: string;
  limit?: number;
}): SgtBenchTask[] {
  const wanted = scenario?.trim().toLowerCase();
  const matching =
    wanted === undefined
      ? [...tasks]
      : tasks.filter((task) => task.scenario.toLowerCase() === wanted);
  if (limit === undefined || limit >= matching.length) return matching;
  const groups = new Map<string, SgtBenchTask[]>();
  for (const task of matching)
    groups.set(task.scenario, [...(groups.get(task.scenario) ?? []), task]);
  const queues = [...groups.values()];
  const picked: SgtBenchTask[] = [];
  for (let round = 0; picked.length < limit; round++) {
    for (const queue of queues) {
      const task = queue[round];
      if (task !== undefined && picked.length < limit) picked.push(task);
    }
  }
  const position = new Map(matching.map((task, index) => [task, index]));
  return picked.sort((left, right) => (position.get(left) ?? 0) - (position.get(right) ?? 0));
}

/** The distinct scenarios of a task list, in order of first appearance. Pure. */
export function sgtScenarios(tasks: readonly SgtBenchTask[]): string[] {
  return [...new Set(tasks.map((task) => task.scenario))];
}
