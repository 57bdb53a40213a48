import type { Config } from '../config/config-schema.js';
import { createTask } from '../task/create-task.js';
import type { Task } from '../task/task-schema.js';
import type { SftInstruction } from './sft-instruction.js';

/**
 * Where an instruction's target length came from: its length `field`, the `instruction`'s own
 * words ("a 5,000-word…", "不少于3000字"), the `flag` `--words`, or the configured `default`.
 */
export type SftTargetSource = 'field' | 'instruction' | 'flag' | 'default';

/**
 * An instruction as a task: the target is its length field, else the length its text states (as
 * `quire write` reads it), else `words`, else `write.defaultWords`. Pure.
 */
export function resolveSftTarget({
  instruction,
  config,
  words,
}: {
  instruction: SftInstruction;
  config: Pick<Config, 'write'>;
  /** `--words`: the target of instructions that state none. */
  words?: number;
}): { task: Task; targetSource: SftTargetSource } {
  const { task, targetSource } = createTask({
    input: {
      prompt: instruction.prompt,
      ...(instruction.length === undefined ? {} : { words: instruction.length }),
    },
    wordsPerPage: config.write.wordsPerPage,
    defaultWords: words ?? config.write.defaultWords,
  });
  const source: SftTargetSource =
    targetSource === 'given'
      ? 'field'
      : targetSource === 'request'
        ? 'instruction'
        : words === undefined
          ? 'default'
          : 'flag';
  return { task, targetSource: source };
}
