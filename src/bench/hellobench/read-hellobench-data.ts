import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readJsonLines } from '../../batch/read-json-lines.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { type HellobenchItem, HellobenchRowSchema, toHellobenchItem } from './hellobench-item.js';
import {
  type HellobenchLength,
  type HellobenchSubset,
  hellobenchTaskTypes,
} from './hellobench-subset.js';

/** The tasks read, and the main set's task types whose file is absent. */
export interface HellobenchData {
  items: HellobenchItem[];
  /** Task types of the main set with no file in the folder (e.g. `summarization`). */
  absentTypes: string[];
}

/**
 * Reads HelloBench from its folder: the repository's layout (`data/main_data/<type>.jsonl`,
 * `data/length_constrained_data/heuristic_text_generation_<length>.jsonl`) or that of its
 * `data/` folder alone, or OpenCompass's (`<type>.jsonl` beside `length_constrained_data/`).
 * The length-constrained set needs every length asked for, and a stated length in every
 * instruction (its target); the main set takes the task types whose file is there. Throws
 * `InputFileError` naming the file and line of anything unusable, and for a task id repeated
 * within a file.
 */
export async function readHellobenchData({
  root,
  shownAs,
  subset,
  lengths,
  wordsPerPage,
}: {
  /** The folder, absolute. */
  root: string;
  /** The folder as the user wrote it, for messages. */
  shownAs: string;
  subset: HellobenchSubset;
  /** The lengths to read, for the length-constrained set. */
  lengths: readonly HellobenchLength[];
  wordsPerPage: number;
}): Promise<HellobenchData> {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputFileError({
      message: `HelloBench data folder ${shownAs} does not exist: pass --data <folder> (a copy of the HelloBench repository, or its data/ folder).`,
      file: shownAs,
      problem: 'missing',
    });
  }
  const base = existsSync(join(root, 'data')) ? join(root, 'data') : root;
  const groups = subset === 'length-constrained' ? lengthFiles({ base, lengths }) : mainFiles(base);
  const present = groups.filter(({ path }) => subset === 'length-constrained' || existsSync(path));
  if (present.length === 0) {
    throw new InputFileError({
      message: `HelloBench data folder ${shownAs} holds no main-set file (${hellobenchTaskTypes.map((type) => `main_data/${type}.jsonl`).join(', ')}): pass --data <folder> with HelloBench's data.`,
      file: shownAs,
      problem: 'missing',
    });
  }
  const items: HellobenchItem[] = [];
  for (const { group, path } of present) {
    const file = join(shownAs, relative(root, path));
    items.push(...(await readFile({ path, file, group, subset, wordsPerPage })));
  }
  const absentTypes = groups.filter((group) => !present.includes(group)).map(({ group }) => group);
  return { items, absentTypes };
}

function lengthFiles({
  base,
  lengths,
}: {
  base: string;
  lengths: readonly HellobenchLength[];
}): Array<{ group: string; path: string }> {
  return lengths.map((length) => ({
    group: length,
    path: join(base, 'length_constrained_data', `heuristic_text_generation_${length}.jsonl`),
  }));
}

function mainFiles(base: string): Array<{ group: string; path: string }> {
  const folder = existsSync(join(base, 'main_data')) ? join(base, 'main_data') : base;
  return hellobenchTaskTypes.map((type) => ({ group: type, path: join(folder, `${type}.jsonl`) }));
}

async function readFile({
  path,
  file,
  group,
  subset,
  wordsPerPage,
}: {
  path: string;
  file: string;
  group: string;
  subset: HellobenchSubset;
  wordsPerPage: number;
}): Promise<HellobenchItem[]> {
  const what = 'HelloBench data file';
  const { records } = await readJsonLines({
    path,
    file,
    what,
    schema: HellobenchRowSchema,
    hint: 'each line must be a HelloBench task {"id", "category", "instruction", "checklists": […]}',
  });
  const firstLine = new Map<string, number>();
  return records.map(({ line, value }) => {
    const earlier = firstLine.get(value.id);
    if (earlier !== undefined) {
      throw new InputFileError({
        message: `${what} ${file}, line ${line}: task id "${value.id}" is already on line ${earlier}; each task must appear once.`,
        file,
        problem: 'invalidContent',
        line,
      });
    }
    firstLine.set(value.id, line);
    const item = toHellobenchItem({ row: value, subset, group, file, line, wordsPerPage });
    if (subset === 'length-constrained' && item.required === null) {
      throw new InputFileError({
        message: `${what} ${file}, line ${line}: the instruction states no length (such as "no shorter than 2000 words"), which the length-constrained set scores against; fix that line.`,
        file,
        problem: 'invalidContent',
        line,
      });
    }
    return item;
  });
}
