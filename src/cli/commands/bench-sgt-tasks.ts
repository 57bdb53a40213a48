import { relative } from 'node:path';
import { generateSgtTasks } from '../../bench/sgt/generate-sgt-tasks.js';
import { readSgtTasks, sgtTasksFromFile } from '../../bench/sgt/read-sgt-tasks.js';
import type { SgtBenchTask } from '../../bench/sgt/sgt-bench-task.js';
import type { SgtSuite } from '../../bench/suite/sgt-suite-schema.js';
import { UsageError } from '../../errors/usage-error.js';

/**
 * The tasks of `quire bench sgt`: from --data, else the suite's data file or generator
 * settings. Throws `UsageError` when there is no source, `InputFileError` for a bad file.
 */
export async function loadSgtTasks({
  data,
  cwd,
  suite,
  resolveData,
}: {
  /** `--data` as the user gave it. */
  data: string | undefined;
  cwd: string;
  suite: SgtSuite | undefined;
  resolveData: ((data: string) => string) | undefined;
}): Promise<{ tasks: SgtBenchTask[]; data: string }> {
  let path = data;
  if (path === undefined && suite !== undefined) {
    if (typeof suite.data !== 'string') {
      const { count, seed } = suite.data.generate;
      const file = generateSgtTasks({ count, seed });
      const source = `generated (count ${count}, seed ${seed})`;
      return { tasks: sgtTasksFromFile({ value: file, file: source }), data: source };
    }
    const absolute = resolveData?.(suite.data) ?? suite.data;
    path = relative(cwd, absolute) || absolute;
  }
  if (path === undefined) {
    throw new UsageError(
      "quire bench sgt needs tasks: --data <file> (SGT's Dataset_short.json or a file from --generate), --generate N to make some, or --suite <file>.",
    );
  }
  const { tasks } = await readSgtTasks({ path, cwd });
  return { tasks, data: path };
}
