import { sftRecordFormat } from '../../sft/format-sft-record.js';
import { readSftOutput } from '../../sft/read-sft-output.js';
import type { SftMetadata } from '../../sft/sft-metadata.js';
import { sftPaths } from '../../sft/sft-paths.js';
import type { SftRejectedRecord } from '../../sft/sft-rejected-record.js';
import { readJournal } from '../../store/journal.js';

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
  const first = (await readJournal(paths.records))[0];
  const format = (first && sftRecordFormat(first)) ?? 'messages';
  const output = await readSftOutput({ paths, format, shownAs: path });
  return {
    out: path,
    written: [...output.written.values()],
    rejected: [...output.rejected.values()],
  };
}
