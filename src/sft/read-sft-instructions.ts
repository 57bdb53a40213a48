import { resolve } from 'node:path';
import { type InvalidLine, parseJsonLines } from '../bench/parse-json-lines.js';
import { stableItemId } from '../bench/stable-item-id.js';
import { fileLimits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import { readTextFile } from '../evaluators/read-text-file.js';
import { type SftInstruction, SftInstructionSchema } from './sft-instruction.js';

/**
 * Reads an instructions JSONL (`{"prompt": …, "length"?: …}` per line; other keys are ignored).
 * A broken line, or one without a usable `prompt`, throws an `InputFileError` naming its line
 * number, unless `skipInvalid` is set: then it is listed in `invalid` and the rest go on. An
 * instruction repeated word for word is kept once; `duplicateLines` lists the repeats. Throws
 * when no instruction is left.
 */
export async function readSftInstructions({
  path,
  cwd = process.cwd(),
  skipInvalid = false,
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
  skipInvalid?: boolean;
}): Promise<{ instructions: SftInstruction[]; invalid: InvalidLine[]; duplicateLines: number[] }> {
  const what = 'Instructions file';
  const text = await readTextFile({
    path: resolve(cwd, path),
    shownAs: path,
    what,
    maxBytes: fileLimits.dataFile,
  });
  const { records, invalid } = parseJsonLines({
    text,
    file: path,
    what,
    schema: SftInstructionSchema,
    skipInvalid,
    hint: 'each line must be {"prompt": "…", "length"?: N}; fix it, or pass --skip-invalid to leave such lines out',
  });
  const seen = new Set<string>();
  const instructions: SftInstruction[] = [];
  const duplicateLines: number[] = [];
  for (const { line, value } of records) {
    const id = stableItemId({ prompt: value.prompt, length: value.length });
    if (seen.has(id)) {
      duplicateLines.push(line);
      continue;
    }
    seen.add(id);
    instructions.push({
      id,
      line,
      prompt: value.prompt,
      ...(value.length === undefined ? {} : { length: value.length }),
    });
  }
  if (instructions.length === 0) {
    throw new InputFileError({
      message: `${what} ${path} has no usable instruction${invalid.length > 0 ? ` (${invalid.length} invalid line(s) skipped)` : ''}: each line must be {"prompt": "…", "length"?: N}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  return { instructions, invalid, duplicateLines };
}
