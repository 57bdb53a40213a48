import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import { storeWriteError } from '../../store/write-output-file.js';
import { temporarySuffix } from '../../util/write-file-atomic.js';
import { version } from '../../version.js';
import { type ParquetShape, parquetSchemaOf } from './parquet-shape.js';

/**
 * Rows per Parquet row group: long answers make big rows (a 10,000-word answer is about 60 kB),
 * so a few hundred keep a group, which readers hold whole, to tens of megabytes.
 */
const rowGroupSize = 500;

/**
 * Writes records to a JSONL or Parquet file as they stream in, through a temporary file renamed
 * over the target at the end, so a reader never sees half a file. Parquet records are laid out
 * by `shape` (see `parquetShapeOf`) and written a row group at a time.
 */
export async function writeSftFile({
  path,
  type,
  records,
  shape,
}: {
  path: string;
  type: 'jsonl' | 'parquet';
  records: AsyncIterable<Record<string, unknown>>;
  /** Required for Parquet: the merged shape of every record. */
  shape?: ParquetShape;
}): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}${temporarySuffix}`;
  try {
    if (type === 'jsonl') {
      const stream = createWriteStream(temporary);
      for await (const record of records) {
        // Waits for the disk when the stream's buffer is full; rejects if the stream fails.
        if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
      }
      stream.end();
      await finished(stream);
    } else {
      if (shape?.kind !== 'struct')
        throw new Error('A Parquet file needs the shape of its records');
      await parquetWriteRows({
        writer: fileWriter(temporary),
        rows: records,
        columns: [...shape.fields.keys()].map((name) => ({ name })),
        schema: parquetSchemaOf(shape),
        rowGroupSize,
        createdBy: `quire version ${version}`,
      });
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw storeWriteError({ path, error });
  }
}
