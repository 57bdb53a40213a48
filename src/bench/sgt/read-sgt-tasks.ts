import { resolve } from 'node:path';
import { stableItemId } from '../../batch/stable-item-id.js';
import { fileLimits } from '../../config/limits.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { convertSgtItem } from '../../evaluators/constraints/convert-sgt-item.js';
import { parseSgtDataset } from '../../evaluators/constraints/parse-sgt-dataset.js';
import { validateConstraintFile } from '../../evaluators/constraints/validate-constraint-file.js';
import { readTextFile } from '../../evaluators/read-text-file.js';
import { jsonErrorPosition } from '../../util/json-error-position.js';
import { slugify } from '../../util/slugify.js';
import type { SgtBenchTask } from './sgt-bench-task.js';
import { sgtCheckSets } from './sgt-check-sets.js';
import { type SgtTaskFile, SgtTaskFileSchema } from './sgt-task-file-schema.js';

/** Words per segment assumed when SGT's prompt states no minimum. */
const defaultSegmentWords = 150;

/**
 * Reads the tasks of `quire bench sgt --data`: SGT's dataset (a JSON array of items, converted
 * to constraints files) or a task file written by `--generate` (whose check sets must agree
 * with its constraints). Throws `InputFileError` for anything else, naming what is wrong.
 */
export async function readSgtTasks({
  path,
  cwd = process.cwd(),
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
}): Promise<{ source: SgtBenchTask['source']; tasks: SgtBenchTask[] }> {
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'SGT data file',
    maxBytes: fileLimits.dataFile,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition({ text, error });
    throw new InputFileError({
      message: `SGT data file ${path} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: fix it, or generate tasks with quire bench sgt --generate N.`,
      file: path,
      problem: 'invalidJson',
      line: where?.line,
      column: where?.column,
      cause: error,
    });
  }
  if (Array.isArray(value)) {
    const tasks = parseSgtDataset({ text, file: path }).map((item): SgtBenchTask => {
      const { prompt, constraints } = convertSgtItem(item);
      return {
        id: `${slugify({ text: item.type, fallback: 'sgt' })}-${stableItemId({ prompt, length: item.number }).slice(0, 10)}`,
        scenario: item.type,
        source: 'sgt',
        prompt,
        words: item.number * Math.ceil((constraints.minWords ?? defaultSegmentWords) * 1.25),
        constraints,
      };
    });
    return { source: 'sgt', tasks };
  }
  return { source: 'generated', tasks: sgtTasksFromFile({ value, file: path }) };
}

/**
 * The tasks of a generated task file's parsed JSON, validated: its schema, each task's
 * constraints, and its check sets against them. Throws `InputFileError`. Pure.
 */
export function sgtTasksFromFile({
  value,
  file,
}: {
  value: unknown;
  file: string;
}): SgtBenchTask[] {
  const isOurs =
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'quire-sgt-tasks';
  if (!isOurs) {
    throw new InputFileError({
      message: `SGT data file ${file} is neither SGT's dataset (a JSON array) nor a task file from quire bench sgt --generate (an object with "format": "quire-sgt-tasks").`,
      file,
      problem: 'invalidContent',
    });
  }
  const parsed = SgtTaskFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError({
      message: `Task file ${file} is invalid at ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; generate it again with quire bench sgt --generate N.`,
      file,
      problem: 'invalidContent',
    });
  }
  return parsed.data.tasks.map((task) => checkedTask({ task, file }));
}

function checkedTask({
  task,
  file,
}: {
  task: SgtTaskFile['tasks'][number];
  file: string;
}): SgtBenchTask {
  const validated = validateConstraintFile(task.constraints);
  if (!validated.ok) {
    throw new InputFileError({
      message: `Task ${task.id} in ${file} has unusable constraints: ${validated.problems.join('; ')}.`,
      file,
      problem: 'invalidContent',
    });
  }
  if (canonical(sgtCheckSets(validated.constraints)) !== canonical(task.checks)) {
    throw new InputFileError({
      message: `Task ${task.id} in ${file}: its check sets disagree with its constraints (edited by hand?); fix one of them or generate the file again.`,
      file,
      problem: 'invalidContent',
    });
  }
  return {
    id: task.id,
    scenario: task.scenario,
    source: 'generated',
    prompt: task.prompt,
    words: task.words,
    constraints: validated.constraints,
  };
}

/** Check sets in one canonical text: keys in numeric order, events sorted. */
function canonical(sets: Record<string, Record<string, string[]>>): string {
  return JSON.stringify(
    Object.keys(sets)
      .sort()
      .map((type) => [
        type,
        Object.entries(sets[type] ?? {})
          .sort(([left], [right]) => Number(left) - Number(right))
          .map(([segment, events]) => [segment, [...events].sort()]),
      ]),
  );
}
