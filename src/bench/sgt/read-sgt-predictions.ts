import { basename, extname, resolve } from 'node:path';
import { stableItemId } from '../../batch/stable-item-id.js';
import { uniqueItemIds } from '../../batch/unique-item-ids.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { convertSgtItem, sgtSeparator } from '../../evaluators/constraints/convert-sgt-item.js';
import { type StoredVerdicts, verdictKey } from '../../evaluators/constraints/decide-checks.js';
import { readTextFile } from '../../evaluators/read-text-file.js';
import { parseJsonText } from '../../util/parse-json-text.js';
import { slugify } from '../../util/slugify.js';
import type { SgtBenchTask } from './sgt-bench-task.js';
import { type SgtPrediction, SgtPredictionFileSchema } from './sgt-prediction-schema.js';

/**
 * Reads an SGT predictions file (answers a model already wrote, as SGT's `inference.py` saves
 * them) into tasks that carry their answer, and the verdicts of SGT's judge when the file has
 * them. The answer is the blocks joined with `#*#` again, as SGT split them. `model` is the
 * file's name without extension, as SGT names a run in its results table. Throws
 * `InputFileError` for a file that is not such a list.
 */
export async function readSgtPredictions({
  path,
  cwd = process.cwd(),
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
}): Promise<{ model: string; tasks: SgtBenchTask[] }> {
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what: 'SGT predictions file',
  });
  const value = parseJsonText({ text, file: path, what: 'SGT predictions file' });
  const parsed = SgtPredictionFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError({
      message: `SGT predictions file ${path} does not have SGT's format at ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; expected a non-empty array of SGT items with their answers ("output_blocks", "output" or "response").`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const tasks = parsed.data.map(toTask);
  const ids = uniqueItemIds(tasks.map((task) => task.id));
  return {
    model: basename(path, extname(path)),
    tasks: tasks.map((task, index) => ({ ...task, id: ids[index] ?? task.id })),
  };
}

function toTask(item: SgtPrediction): SgtBenchTask {
  const prompt = item.input ?? item.prompt ?? '';
  const { constraints } = convertSgtItem({ ...item, prompt, prefix: '' });
  const response = item.output_blocks?.join(sgtSeparator) ?? item.output ?? item.response ?? '';
  return {
    id: `${slugify({ text: item.type, fallback: 'sgt' })}-${stableItemId({ prompt, length: item.number }).slice(0, 10)}`,
    scenario: item.type,
    source: 'sgt',
    prompt,
    words: 0,
    constraints,
    response,
    verdicts: storedVerdicts(item),
  };
}

/** The judge's verdicts in the file, or undefined when it has none. */
function storedVerdicts(item: SgtPrediction): StoredVerdicts | undefined {
  const sets = {
    once: item.results_once,
    range: item.results_range,
    periodic: item.results_periodic,
  };
  if (Object.values(sets).every((set) => set === undefined)) return undefined;
  const verdicts = new Map<string, 'yes' | 'no'>();
  for (const [type, set] of Object.entries(sets) as Array<
    [keyof typeof sets, Record<string, string> | undefined]
  >) {
    for (const [segment, answer] of Object.entries(set ?? {})) {
      // SGT's eval.py: an answer is yes when it contains "yes" (lower-cased).
      verdicts.set(
        verdictKey({ type, segment: Number(segment) }),
        answer.toLowerCase().includes('yes') ? 'yes' : 'no',
      );
    }
  }
  return verdicts;
}
