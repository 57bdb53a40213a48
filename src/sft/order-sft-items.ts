import type { Config } from '../config/config-schema.js';
import { UsageError } from '../errors/usage-error.js';
import { createTask } from '../task/create-task.js';
import type { Task } from '../task/task-schema.js';
import type { SftInstruction } from './sft-instruction.js';

/** An instruction to run, with its task (target length resolved). */
export interface SftItem {
  id: string;
  instruction: SftInstruction;
  task: Task;
}

/**
 * The instructions still to run, as tasks, longest target first (then in file order): with a
 * bounded number in flight, starting the long ones first leaves short ones for the end, so the
 * model's slots stay busy until the last answer instead of waiting on one long straggler. The
 * target is the instruction's `length`, else the one its prompt states, else the configured
 * default. Pure.
 */
export function orderSftItems({
  instructions,
  config,
}: {
  instructions: readonly SftInstruction[];
  config: Pick<Config, 'write'>;
}): SftItem[] {
  return instructions
    .map((instruction) => ({
      id: instruction.id,
      instruction,
      task: taskOf({ instruction, config }),
    }))
    .sort(
      (left, right) =>
        right.task.words - left.task.words || left.instruction.line - right.instruction.line,
    );
}

/** The instruction as a task; a task quire refuses is reported with the instruction's line. */
function taskOf({
  instruction,
  config,
}: {
  instruction: SftInstruction;
  config: Pick<Config, 'write'>;
}): Task {
  try {
    return createTask({
      input: {
        prompt: instruction.prompt,
        ...(instruction.length === undefined ? {} : { words: instruction.length }),
      },
      wordsPerPage: config.write.wordsPerPage,
      defaultWords: config.write.defaultWords,
    }).task;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`The instruction on line ${instruction.line}: ${error.message}`);
  }
}
