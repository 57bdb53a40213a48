import { z } from 'zod';
import { readJsonJournal } from '../read-json-journal.js';
import { SftMetadataSchema } from '../sft-metadata.js';
import type { SftPaths } from '../sft-paths.js';
import {
  type JsonSchemaNode,
  mergeParquetShapes,
  type ParquetShape,
  parquetShapeOf,
  parquetShapeOfJsonSchema,
} from './parquet-shape.js';
import { splitSftIds } from './split-sft-ids.js';
import { writeSftFile } from './write-sft-file.js';

/** A file made from the records, and how many it holds. */
export interface SftExportedFile {
  path: string;
  records: number;
}

/**
 * Makes the files the user asked for from the records journal, at the end of a session: the
 * Parquet output, and with `trainShare` (`--split`) the train and validation files of a seeded
 * split. Nothing to do for a JSONL output without a split, or before any record exists. The
 * journal is streamed, once to learn the ids (and the Parquet shape), then once per file, so
 * memory holds the ids and one row group, not the records.
 */
export async function exportSftRecords({
  paths,
  trainShare,
  seed = 1,
}: {
  paths: SftPaths;
  trainShare?: number;
  seed?: number;
}): Promise<SftExportedFile[]> {
  if (paths.type === 'jsonl' && trainShare === undefined) return [];
  const records = () => readJsonJournal({ path: paths.records, shownAs: paths.records });
  const ids: string[] = [];
  let shape: ParquetShape = { kind: 'null' };
  for await (const { value } of records()) {
    ids.push(idOf(value));
    if (paths.type === 'parquet') shape = mergeParquetShapes(shape, parquetShapeOf(value));
  }
  if (ids.length === 0) return [];
  // Metadata columns take their declared types: a rep-4 of exactly 0 in every record is still
  // a double, so files made from other records (the other side of a split) agree.
  shape = mergeParquetShapes(shape, {
    kind: 'struct',
    fields: new Map([
      ['metadata', parquetShapeOfJsonSchema(z.toJSONSchema(SftMetadataSchema) as JsonSchemaNode)],
    ]),
  });
  const train = trainShare === undefined ? undefined : splitSftIds({ ids, trainShare, seed });
  const targets =
    train === undefined
      ? [{ path: paths.out, keep: () => true }]
      : [
          { path: paths.train, keep: (id: string) => train.has(id) },
          { path: paths.validation, keep: (id: string) => !train.has(id) },
        ];
  const files: SftExportedFile[] = [];
  for (const { path, keep } of targets) {
    let count = 0;
    await writeSftFile({
      path,
      type: paths.type,
      shape,
      records: (async function* () {
        for await (const { value } of records()) {
          if (!keep(idOf(value))) continue;
          count++;
          yield value as Record<string, unknown>;
        }
      })(),
    });
    files.push({ path, records: count });
  }
  return files;
}

/** The id of a record read back (checked by `readSftOutput` before the session began). */
function idOf(record: unknown): string {
  return String((record as { metadata?: { id?: unknown } }).metadata?.id);
}
