import { readLengthField } from './read-length-field.js';
import type { SftInputLayout, SftInputRecord, SftInputRow } from './sft-input-layout.js';

/** What a row gives `quire sft`: the instruction, its length field and the answer it had. */
export type SftRowContent = SftInputRecord & { length?: number };

/** Reads one row with its layout: the instruction and answer, then the length field. Pure. */
export function readSftRow({
  row,
  layout,
  promptField,
  lengthField,
}: {
  row: SftInputRow;
  layout: SftInputLayout;
  promptField?: string;
  lengthField: string;
}): SftRowContent | { problem: string } {
  const record = layout.read(row, promptField ?? layout.field);
  if ('problem' in record) return record;
  const length = readLengthField({ value: row[lengthField], field: lengthField });
  if ('problem' in length) return length;
  return { ...record, ...length };
}
