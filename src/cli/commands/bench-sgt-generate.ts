import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateSgtTasks } from '../../bench/sgt/generate-sgt-tasks.js';
import { expandConstraints } from '../../evaluators/constraints/expand-constraints.js';
import { writeOutputFile } from '../../store/write-output-file.js';
import type { CliIo } from '../cli-io.js';

/**
 * `quire bench sgt --generate N --seed S`: writes quire's own SGT-style tasks to
 * `<folder>/sgt-tasks-n<N>-seed<S>.json` and says where, and how to run them. The same N and
 * seed always write the same tasks.
 */
export async function generateSgtTaskFile({
  count,
  seed,
  folder,
  io,
  json,
}: {
  count: number;
  seed: number;
  /** Where the file goes, as the user gave it (relative to the working directory). */
  folder: string;
  io: CliIo;
  json: boolean;
}): Promise<string> {
  const file = generateSgtTasks({ count, seed });
  const directory = resolve(io.cwd, folder);
  const path = join(directory, `sgt-tasks-n${count}-seed${seed}.json`);
  await mkdir(directory, { recursive: true });
  await writeOutputFile({ path, data: `${JSON.stringify(file, null, 2)}\n` });
  const checks = file.tasks.reduce(
    (sum, task) => sum + expandConstraints(task.constraints).length,
    0,
  );
  const scenarios = [...new Set(file.tasks.map((task) => task.scenario))].join(', ');
  const segments = file.tasks.map((task) => task.constraints.segments);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ type: 'generated', path, tasks: file.tasks.length, checks, seed })}\n`,
    );
  } else {
    io.stdout.write(
      [
        `Wrote ${file.tasks.length} SGT-style task(s) (${scenarios}; ${Math.min(...segments)}–${Math.max(...segments)} segments, ${checks} checks) to ${path}`,
        `Run them with: quire bench sgt --data ${path} --model <spec> [--mode quire|direct]`,
        '',
      ].join('\n'),
    );
  }
  return path;
}
