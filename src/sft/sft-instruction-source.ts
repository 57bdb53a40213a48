import type { SftInstruction } from './sft-instruction.js';

/**
 * Instructions that can be read more than once, without holding them all: a file of any size is
 * read again each time (see `readSftInstructions`), a list from memory is just walked.
 */
export interface SftInstructionSource {
  /** The id of every instruction, once each, in input order. */
  ids: ReadonlySet<string>;
  /** The instructions in input order, each id once; every call starts from the beginning. */
  read(): AsyncIterable<SftInstruction>;
}

/** A source over instructions already in memory; a repeated id is kept once. Pure. */
export function sftInstructionSource(
  instructions: readonly SftInstruction[],
): SftInstructionSource {
  const ids = new Set(instructions.map((instruction) => instruction.id));
  return {
    ids,
    async *read() {
      const seen = new Set<string>();
      for (const instruction of instructions) {
        if (seen.has(instruction.id)) continue;
        seen.add(instruction.id);
        yield instruction;
      }
    },
  };
}
