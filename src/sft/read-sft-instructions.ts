import { resolve } from 'node:path';
import type { InvalidLine } from '../batch/read-json-lines.js';
import { InputFileError, type InputFileProblem } from '../errors/input-file-error.js';
import { openSftRowSource } from './input/open-sft-row-source.js';
import { readSftRow } from './input/read-sft-row.js';
import type { SftInputFormat } from './input/sft-input-format.js';
import type { SftInputLayout } from './input/sft-input-layout.js';
import {
  describeSftInputLayouts,
  detectSftInputLayout,
  sftInputLayout,
  sftInputLayouts,
} from './input/sft-input-layouts.js';
import type { SftRowSource } from './input/sft-row-source.js';
import type { SftInstruction } from './sft-instruction.js';
import { sftInstructionId } from './sft-instruction-id.js';
import type { SftInstructionSource } from './sft-instruction-source.js';

/** An instructions file, checked whole, ready to be read as instructions. */
export interface SftInstructionsFile extends SftInstructionSource {
  /** How its records are laid out: given, or detected from its first usable row. */
  inputFormat: SftInputFormat;
  /** Lines (rows) whose instruction repeats an earlier one, and is generated once. */
  duplicateLines: number[];
  /** Lines left out with `skipInvalid`, and why. */
  invalid: InvalidLine[];
}

const what = 'Instructions file';

/** A row that cannot be used: where, why, and the error that stops a run on it. */
interface Refusal {
  line: number;
  problem: string;
  error: InputFileError;
}

/**
 * Reads an instructions file: JSONL (line by line), CSV (record by record) or Parquet (row group
 * by row group), so a file of any size is read without being held in memory. The layout of its
 * records (`messages`, `sharegpt`, `alpaca`, `prompt`) is `inputFormat`, else detected from the
 * first usable row; `promptField` names the field that holds the instruction in an unusual
 * layout, `lengthField` the one that holds a target length. The whole file is checked first: a
 * row that cannot be read throws an `InputFileError` naming it (unless `skipInvalid`: it is then
 * listed in `invalid`), so nothing runs on a file with a bad row at its end. Instructions that
 * are the same after normalising whitespace (with the same length field) are kept once.
 * `read()` then streams the instructions, reading the file again.
 */
export async function readSftInstructions({
  path,
  cwd = process.cwd(),
  inputFormat,
  promptField,
  lengthField = 'length',
  skipInvalid = false,
}: {
  /** As the user wrote it. */
  path: string;
  cwd?: string;
  inputFormat?: SftInputFormat;
  promptField?: string;
  lengthField?: string;
  skipInvalid?: boolean;
}): Promise<SftInstructionsFile> {
  const source = await openSftRowSource({ path: resolve(cwd, path), shownAs: path, what });
  checkColumns({ source, shownAs: path, inputFormat, promptField });
  const fields = [
    ...(promptField === undefined ? sftInputLayouts.map((layout) => layout.field) : [promptField]),
    ...sftInputLayouts.flatMap((layout) => layout.otherFields),
    lengthField,
  ];
  let layout = inputFormat === undefined ? undefined : sftInputLayout(inputFormat);
  let detectedAt: number | undefined;
  const unit = source.unit;
  const refuse = ({
    line,
    problem,
    kind = 'invalidContent',
    hint,
  }: {
    line: number;
    problem: string;
    kind?: InputFileProblem;
    hint?: string;
  }): Refusal => ({
    line,
    problem,
    error: new InputFileError({
      message: `${what} ${path}, ${unit} ${line}: ${problem}; ${hint ?? shapeHint({ layout, detectedAt, promptField, unit })}, or pass --skip-invalid to leave such ${unit}s out.`,
      file: path,
      problem: kind,
      line,
    }),
  });

  /** Each row's instruction, or why the row is refused. */
  async function* instructions(): AsyncGenerator<SftInstruction | Refusal> {
    for await (const event of source.rows(fields)) {
      const { line } = event;
      if ('problem' in event) {
        yield refuse({ line, problem: event.problem, kind: event.kind });
        continue;
      }
      if (layout === undefined) {
        layout = detectSftInputLayout({ row: event.row, promptField });
        if (layout === undefined) {
          yield refuse({
            line,
            problem: `matches none of the formats tried: ${describeSftInputLayouts(promptField)}`,
            hint: 'name the layout with --input-format and the instruction field with --prompt-field',
          });
          continue;
        }
        detectedAt = line;
      }
      const content = readSftRow({ row: event.row, layout, promptField, lengthField });
      if ('problem' in content) {
        yield refuse({ line, problem: content.problem });
        continue;
      }
      yield { id: sftInstructionId(content), line, ...content };
    }
  }

  const ids = new Set<string>();
  const duplicateLines: number[] = [];
  const invalid: InvalidLine[] = [];
  for await (const instruction of instructions()) {
    if ('error' in instruction) {
      if (!skipInvalid) throw instruction.error;
      invalid.push({ line: instruction.line, problem: instruction.problem });
    } else if (ids.has(instruction.id)) {
      duplicateLines.push(instruction.line);
    } else {
      ids.add(instruction.id);
    }
  }
  if (ids.size === 0 || layout === undefined) {
    throw new InputFileError({
      message: `${what} ${path} has no usable instruction${invalid.length > 0 ? ` (${invalid.length} invalid ${unit}(s) skipped)` : ''}: each ${unit} must be one of ${describeSftInputLayouts(promptField)}.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  const skipped = new Set([...duplicateLines, ...invalid.map((each) => each.line)]);
  return {
    inputFormat: layout.format,
    ids,
    duplicateLines,
    invalid,
    async *read() {
      for await (const instruction of instructions()) {
        if ('error' in instruction) {
          if (skipped.has(instruction.line)) continue;
          // Checked whole a moment ago: only a file changed since can fail now.
          throw instruction.error;
        }
        if (!skipped.has(instruction.line)) yield instruction;
      }
    },
  };
}

/** What the rows of the file must look like, for the message of a row that does not. */
function shapeHint({
  layout,
  detectedAt,
  promptField,
  unit,
}: {
  layout: SftInputLayout | undefined;
  detectedAt: number | undefined;
  promptField: string | undefined;
  unit: string;
}): string {
  if (layout === undefined) return `each ${unit} must be one JSON object; fix it`;
  const example = layout.example(promptField ?? layout.field);
  const origin = detectedAt === undefined ? 'as --input-format says' : `like ${unit} ${detectedAt}`;
  return `each ${unit} must be a ${layout.format} record ${example}, ${origin}; fix it`;
}

/** Refuses a CSV or Parquet file without the column that holds the instructions. */
function checkColumns({
  source,
  shownAs,
  inputFormat,
  promptField,
}: {
  source: SftRowSource;
  shownAs: string;
  inputFormat?: SftInputFormat;
  promptField?: string;
}): void {
  const { columns } = source;
  if (columns === undefined) return;
  const wanted =
    promptField !== undefined
      ? [promptField]
      : inputFormat !== undefined
        ? [sftInputLayout(inputFormat).field]
        : sftInputLayouts.map((layout) => layout.field);
  if (wanted.some((column) => columns.includes(column))) return;
  const names = wanted.map((column) => `"${column}"`).join(wanted.length > 1 ? ' or ' : '');
  throw new InputFileError({
    message: `${what} ${shownAs} has no column ${names} (its columns: ${columns.join(', ') || 'none'}): name the column that holds the instructions with --prompt-field <column>.`,
    file: shownAs,
    problem: 'invalidContent',
  });
}
