import { InputFileError } from '../errors/input-file-error.js';
import { checkSftOut } from './check-sft-out.js';
import { sftRecordFormat } from './format-sft-record.js';
import { readJsonJournal } from './read-json-journal.js';
import type { SftOutputFormat } from './sft-format.js';
import { type SftMetadata, SftMetadataSchema } from './sft-metadata.js';
import { type SftPaths, sftPaths } from './sft-paths.js';
import { type SftRejectedRecord, SftRejectedRecordSchema } from './sft-rejected-record.js';

/**
 * What an earlier `quire sft` left in the records and rejected files, read line by line: the
 * metadata of every record and every rejection, keyed by id (a line cut by a crash is ignored).
 * Refuses, before anything is written, a file holding lines quire did not write or records of
 * another format, so a resumed run never mixes formats or appends to a foreign file; and a
 * Parquet output without the journal it is made from, which a new run would overwrite.
 */
export async function readSftOutput({
  paths,
  format,
  shownAs,
}: {
  paths: SftPaths;
  format: SftOutputFormat;
  /** The output as the user wrote it, for messages. */
  shownAs: string;
}): Promise<{
  written: Map<string, SftMetadata>;
  rejected: Map<string, Pick<SftRejectedRecord, 'reasons' | 'metadata'>>;
}> {
  await checkSftOut({ paths, shownAs });
  const shown = sftPaths(shownAs);
  const records = shown.records;
  const written = new Map<string, SftMetadata>();
  for await (const { line, value } of readJsonJournal({ path: paths.records, shownAs: records })) {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
      string,
      unknown
    >;
    const found = sftRecordFormat(record);
    const metadata = SftMetadataSchema.safeParse(record.metadata);
    if (found === undefined || !metadata.success) {
      throw foreign({
        path: paths.records,
        shownAs: records,
        line,
        problem: 'is not a record quire wrote',
      });
    }
    if (found !== format) {
      throw foreign({
        path: paths.records,
        shownAs: records,
        line,
        problem: `holds ${found} records, not ${format}; pass --format ${found} to continue it`,
      });
    }
    written.set(metadata.data.id, metadata.data);
  }
  const rejections = new Map<string, Pick<SftRejectedRecord, 'reasons' | 'metadata'>>();
  for await (const { line, value } of readJsonJournal({
    path: paths.rejected,
    shownAs: paths.rejected,
  })) {
    const parsed = SftRejectedRecordSchema.safeParse(value);
    if (!parsed.success) {
      throw foreign({
        path: paths.rejected,
        shownAs: shown.rejected,
        line,
        problem: 'is not a rejection quire wrote',
      });
    }
    const { reasons, metadata } = parsed.data;
    rejections.set(metadata.id, { reasons, metadata });
  }
  return { written, rejected: rejections };
}

function foreign({
  path,
  shownAs,
  line,
  problem,
}: {
  path: string;
  shownAs: string;
  line: number;
  problem: string;
}): InputFileError {
  return new InputFileError({
    message: `${shownAs}, line ${line}, ${problem}: choose another --out (quire only appends to its own output).`,
    file: path,
    problem: 'invalidContent',
    line,
  });
}
