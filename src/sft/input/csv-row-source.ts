import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { InputFileError } from '../../errors/input-file-error.js';
import type { SftRowEvent, SftRowSource } from './sft-row-source.js';

/**
 * A CSV file as rows keyed by the names in its header line, streamed record by record. Quoted
 * fields may span lines; a row is numbered by the line it ends on. A record with fewer fields
 * than the header lacks the others (its row then says what is missing); broken quoting, which
 * leaves nothing after it readable, throws an `InputFileError` naming the line.
 */
export async function csvRowSource({
  path,
  shownAs,
}: {
  path: string;
  shownAs: string;
}): Promise<SftRowSource> {
  const read = () => {
    let header: string[] | undefined;
    const parser = createReadStream(path).pipe(
      parse({
        bom: true,
        columns: (names: string[]) => {
          header = names.map((name) => name.trim());
          return header;
        },
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }),
    );
    return { header: () => header, records: parser[Symbol.asyncIterator]() };
  };
  // The header is known once the parser has read the first record (or the end of a file that
  // has no record), so read that far.
  const first = read();
  const firstRecord = await nextRecord({ records: first.records, shownAs });
  await first.records.return?.();
  const columns = first.header() ?? [];
  return {
    unit: 'line',
    columns,
    async *rows() {
      if (firstRecord.done) return;
      const { records } = read();
      try {
        for (;;) {
          const next = await nextRecord({ records, shownAs });
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await records.return?.();
      }
    },
  };
}

async function nextRecord({
  records,
  shownAs,
}: {
  records: AsyncIterator<{ record: Record<string, string>; info: { lines: number } }>;
  shownAs: string;
}): Promise<IteratorResult<SftRowEvent, undefined>> {
  try {
    const next = await records.next();
    if (next.done) return { done: true, value: undefined };
    return { done: false, value: { line: next.value.info.lines, row: next.value.record } };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new InputFileError({
      message: `CSV file ${shownAs}${line ? `, line ${line}` : ''}: ${error.message.replace(/^Invalid /, 'invalid ')}; fix the quoting there (a quote inside a quoted field is written "").`,
      file: shownAs,
      problem: 'invalidContent',
      line,
      cause: error,
    });
  }
}
