import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  mergeParquetShapes,
  parquetSchemaOf,
  parquetShapeOf,
} from '../../../src/sft/output/parquet-shape.js';

/** One instruction as a test writes it into an input file. */
export interface InstructionRow {
  prompt: string;
  length?: number;
  /** An existing answer. */
  answer?: string;
}

/** The input files `quire sft` reads, by the name of their layout or file type. */
export type InstructionFileKind = 'messages' | 'alpaca' | 'sharegpt' | 'prompt' | 'csv' | 'parquet';

/** `count` instructions about different subjects, every third with a length and an answer. */
export function instructionRows(count = 20): InstructionRow[] {
  const subjects = ['tides', 'kites', 'glaciers', 'violins', 'bridges', 'orchards', 'comets'];
  return Array.from({ length: count }, (_, index) => ({
    prompt: `Write an essay about ${subjects[index % subjects.length]}, part ${index + 1}.`,
    ...(index % 3 === 0 ? { length: 150 + index * 10, answer: `An older answer ${index}.` } : {}),
  }));
}

/** The chat turns of `row`: a system turn, the instruction and, if any, the answer. */
function chatTurns(row: InstructionRow) {
  return [
    { role: 'system', content: 'You are a careful writer.' },
    { role: 'user', content: row.prompt },
    ...(row.answer === undefined ? [] : [{ role: 'assistant', content: row.answer }]),
  ];
}

/** One JSONL record of `kind` holding `row` (the length under `length`). */
export function instructionRecord(kind: InstructionFileKind, row: InstructionRow) {
  const length = row.length === undefined ? {} : { length: row.length };
  switch (kind) {
    case 'messages':
      return { messages: chatTurns(row), ...length };
    case 'sharegpt':
      return {
        conversations: [
          { from: 'human', value: row.prompt },
          ...(row.answer === undefined ? [] : [{ from: 'gpt', value: row.answer }]),
        ],
        ...length,
      };
    case 'alpaca':
      return { instruction: row.prompt, input: '', output: row.answer ?? '', ...length };
    default:
      return { prompt: row.prompt, ...(row.answer ? { response: row.answer } : {}), ...length };
  }
}

/**
 * Writes `rows` as an input file of `kind` in `dir` and returns its name: a JSONL of one of
 * the layouts, a CSV with `prompt`, `length` and `response` columns, or a Parquet file with
 * `messages` (a list of structs) and `length` columns in row groups of `rowGroupSize`.
 */
export async function writeInstructionFile({
  dir,
  kind,
  rows,
  rowGroupSize = 7,
}: {
  dir: string;
  kind: InstructionFileKind;
  rows: readonly InstructionRow[];
  rowGroupSize?: number;
}): Promise<string> {
  if (kind === 'csv') {
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const lines = rows.map(
      (row) => `${quote(row.prompt)},${row.length ?? ''},${quote(row.answer ?? '')}`,
    );
    await writeFile(join(dir, 'in.csv'), ['prompt,length,response', ...lines].join('\r\n'));
    return 'in.csv';
  }
  if (kind === 'parquet') {
    const records = rows.map((row) => ({
      messages: chatTurns(row),
      length: row.length ?? null,
    }));
    const shape = records.map(parquetShapeOf).reduce(mergeParquetShapes);
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'messages', data: records.map((record) => record.messages) },
        { name: 'length', data: records.map((record) => record.length) },
      ],
      schema: parquetSchemaOf(shape),
      rowGroupSize,
    });
    await writeFile(join(dir, 'in.parquet'), new Uint8Array(buffer));
    return 'in.parquet';
  }
  const text = rows.map((row) => `${JSON.stringify(instructionRecord(kind, row))}\n`).join('');
  await writeFile(join(dir, `${kind}.jsonl`), text);
  return `${kind}.jsonl`;
}
