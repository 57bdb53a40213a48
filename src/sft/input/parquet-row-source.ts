import {
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputFileError } from '../../errors/input-file-error.js';
import type { SftRowSource } from './sft-row-source.js';

/**
 * A Parquet file as rows, read one row group at a time and only the columns asked for, so the
 * memory it takes is one row group's columns whatever the file's size. Every codec of
 * `hyparquet-compressors` is read (snappy, gzip, zstd, brotli, lz4). A file that is not Parquet
 * throws an `InputFileError`.
 */
export async function parquetRowSource({
  path,
  shownAs,
}: {
  path: string;
  shownAs: string;
}): Promise<SftRowSource> {
  const file = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new InputFileError({
      message: `${shownAs} is not a Parquet file (${(error as Error).message}): pass a .parquet file, or rename a JSONL or CSV file to .jsonl or .csv.`,
      file: shownAs,
      problem: 'invalidContent',
      cause: error,
    });
  }
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  return {
    unit: 'row',
    columns,
    async *rows(fields) {
      const wanted = columns.filter((column) => fields.includes(column));
      let rowStart = 0;
      for (const group of metadata.row_groups) {
        const rowEnd = rowStart + Number(group.num_rows);
        const rows = await parquetReadObjects({
          file,
          metadata,
          columns: wanted,
          rowStart,
          rowEnd,
          compressors,
        });
        for (const [index, row] of rows.entries()) yield { line: rowStart + index + 1, row };
        rowStart = rowEnd;
      }
    },
  };
}
