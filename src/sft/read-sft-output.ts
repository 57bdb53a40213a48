import { DamagedFileError } from '../errors/damaged-file-error.js';
import { InputFileError } from '../errors/input-file-error.js';
import { readJournal } from '../store/journal.js';
import { sftRecordFormat } from './format-sft-record.js';
import type { SftFormat } from './sft-format.js';
import { type SftMetadata, SftMetadataSchema } from './sft-metadata.js';
import { type SftRejectedRecord, SftRejectedRecordSchema } from './sft-rejected-record.js';

/**
 * What an earlier `quire sft` left in the output and rejected files: the metadata of every
 * record and every rejection, keyed by id (a line cut by a crash is ignored). Refuses, before
 * anything is written, an output holding lines quire did not write or records of another format,
 * so a resumed run never mixes formats or appends to a foreign file.
 */
export async function readSftOutput({
  out,
  rejected,
  format,
  shownAs,
}: {
  out: string;
  rejected: string;
  format: SftFormat;
  /** The output as the user wrote it, for messages. */
  shownAs: string;
}): Promise<{
  written: Map<string, SftMetadata>;
  rejected: Map<string, Pick<SftRejectedRecord, 'reasons' | 'metadata'>>;
}> {
  const written = new Map<string, SftMetadata>();
  for (const [index, line] of (await readLines({ path: out, shownAs })).entries()) {
    const found = sftRecordFormat(line);
    const metadata = SftMetadataSchema.safeParse(line.metadata);
    if (found === undefined || !metadata.success) {
      throw foreign({
        path: out,
        shownAs,
        line: index + 1,
        problem: 'is not a record quire wrote',
      });
    }
    if (found !== format) {
      throw foreign({
        path: out,
        shownAs,
        line: index + 1,
        problem: `holds ${found} records, not ${format}; pass --format ${found} to continue it`,
      });
    }
    written.set(metadata.data.id, metadata.data);
  }
  const rejections = new Map<string, Pick<SftRejectedRecord, 'reasons' | 'metadata'>>();
  for (const [index, line] of (await readLines({ path: rejected, shownAs: rejected })).entries()) {
    const parsed = SftRejectedRecordSchema.safeParse(line);
    if (!parsed.success) {
      throw foreign({
        path: rejected,
        shownAs: rejected,
        line: index + 1,
        problem: 'is not a rejection quire wrote',
      });
    }
    const { reasons, metadata } = parsed.data;
    rejections.set(metadata.id, { reasons, metadata });
  }
  return { written, rejected: rejections };
}

async function readLines({ path, shownAs }: { path: string; shownAs: string }) {
  try {
    return await readJournal(path);
  } catch (error) {
    if (!(error instanceof DamagedFileError) || error.line === undefined) throw error;
    throw new InputFileError({
      message: `${shownAs}, line ${error.line}, is not JSON: it was not written by quire sft; choose another --out.`,
      file: shownAs,
      problem: 'invalidJson',
      line: error.line,
      cause: error,
    });
  }
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
