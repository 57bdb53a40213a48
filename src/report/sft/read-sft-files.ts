import { sftRecordFormat } from '../../sft/format-sft-record.js';
import { readJsonJournal } from '../../sft/read-json-journal.js';
import { readSftOutput } from '../../sft/read-sft-output.js';
import type { SftMetadata } from '../../sft/sft-metadata.js';
import { sftPaths } from '../../sft/sft-paths.js';
import type { SftRejectedRecord } from '../../sft/sft-rejected-record.js';

/** What a `quire sft` output holds that its report shows. */
export interface SftFiles {
  out: string;
  written: SftMetadata[];
  rejected: Array<Pick<SftRejectedRecord, 'reasons' | 'metadata'>>;
}

/**
 * Reads an SFT output and its rejected side file with `quire sft`'s own reader (which refuses
 * lines it did not write), in the record format of the output's first line.
 */
export async function readSftFiles({ path }: { path: string }): Promise<SftFiles> {
  const paths = sftPaths(path);
  const format = (await firstRecordFormat({ path: paths.records, shownAs: path })) ?? 'messages';
  const output = await readSftOutput({ paths, format, shownAs: path });
  return {
    out: path,
    written: [...output.written.values()],
    rejected: [...output.rejected.values()],
  };
}

/** The record format of the first line, read alone: an output of any size is not read twice whole. */
async function firstRecordFormat({ path, shownAs }: { path: string; shownAs: string }) {
  for await (const { value } of readJsonJournal({ path, shownAs })) {
    return typeof value === 'object' && value !== null
      ? sftRecordFormat(value as Record<string, unknown>)
      : undefined;
  }
  return undefined;
}
