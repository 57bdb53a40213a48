import type { Config } from '../config/config-schema.js';
import { UsageError } from '../errors/usage-error.js';
import type { Task } from '../task/task-schema.js';
import { resolveSftTarget, type SftTargetSource } from './resolve-sft-target.js';
import type { SftInstruction } from './sft-instruction.js';

/** An instruction to run, with its task (target length resolved) and where the target came from. */
export interface SftItem {
  id: string;
  instruction: SftInstruction;
  task: Task;
  targetSource: SftTargetSource;
}

/**
 * The instructions as tasks, longest target first (then in input order): with a bounded number
 * in flight, starting the long ones first leaves short ones for the end, so the model's slots
 * stay busy until the last answer instead of waiting on one long straggler. Only `lookahead`
 * instructions are held at a time, so a file of any size streams through: the order is exact
 * for up to that many and, beyond, the longest of the next `lookahead` goes first.
 */
export async function* orderSftItems({
  instructions,
  config,
  words,
  lookahead = 1000,
}: {
  instructions: AsyncIterable<SftInstruction>;
  config: Pick<Config, 'write'>;
  /** `--words`: the target of instructions that state none. */
  words?: number;
  lookahead?: number;
}): AsyncGenerator<SftItem> {
  const held: SftItem[] = [];
  const takeLongest = (): SftItem => {
    let best = 0;
    for (let index = 1; index < held.length; index++) {
      if (comesFirst(held[index] as SftItem, held[best] as SftItem)) best = index;
    }
    return held.splice(best, 1)[0] as SftItem;
  };
  for await (const instruction of instructions) {
    held.push({
      id: instruction.id,
      instruction,
      ...targetOf({ instruction, config, words }),
    });
    if (held.length >= lookahead) yield takeLongest();
  }
  while (held.length > 0) yield takeLongest();
}

function comesFirst(left: SftItem, right: SftItem): boolean {
  return (
    left.task.words > right.task.words ||
    (left.task.words === right.task.words && left.instruction.line < right.instruction.line)
  );
}

/** The instruction's task; a task quire refuses is reported with the instruction's line. */
function targetOf(
  options: Parameters<typeof resolveSftTarget>[0],
): ReturnType<typeof resolveSftTarget> {
  try {
    return resolveSftTarget(options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`The instruction on line ${options.instruction.line}: ${error.message}`);
  }
}
