import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLongbenchData } from '../../../src/bench/longbench/read-longbench-data.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { longbenchJsonl, longbenchRows } from '../helpers/longbench-rows.js';

const tempDir = useTempDir();
const realData = '../shared/data/longbench-write/longbench_write.jsonl';

describe('readLongbenchData', () => {
  it('reads the rows with their line, language and bucket, keeping a repeated row once', async () => {
    const cwd = await tempDir();
    const rows = longbenchRows();
    await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl([...rows, rows[0]!]));
    const { items, duplicateLines } = await readLongbenchData({ path: 'data.jsonl', cwd });
    expect(items).toHaveLength(8);
    expect(duplicateLines).toEqual([9]);
    expect(items[1]).toMatchObject({ line: 2, lang: 'zh', bucket: '[0,500)', length: 300 });
    expect(items[7]).toMatchObject({ line: 8, lang: 'zh', bucket: '[4000,20000]' });
  });

  it('names the line of a row without a length', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'data.jsonl'),
      '{"prompt":"a","type":"t","length":100}\n{"prompt":"b","type":"t"}\n',
    );
    const error = await readLongbenchData({ path: 'data.jsonl', cwd }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.message).toMatch(/data\.jsonl, line 2: "length" is missing/);
  });

  it('says a missing file does not exist', async () => {
    const error = await readLongbenchData({ path: 'none.jsonl', cwd: await tempDir() }).catch(
      (caught) => caught,
    );
    expect(error.message).toBe(
      'LongBench-Write data file none.jsonl does not exist: check the path.',
    );
  });

  it.skipIf(!existsSync(realData))(
    'reads the real LongBench-Write file: 120 rows, 26/36/31/27 per bucket, both languages',
    async () => {
      const { items } = await readLongbenchData({ path: realData });
      expect(items).toHaveLength(120);
      const count = (key: 'bucket' | 'lang', value: string) =>
        items.filter((item) => item[key] === value).length;
      expect(
        ['[0,500)', '[500,2000)', '[2000,4000)', '[4000,20000]'].map((bucket) =>
          count('bucket', bucket),
        ),
      ).toEqual([26, 36, 31, 27]);
      // The file splits 60 / 60, but line 13, written in Chinese, asks for an English essay
      // ("英语作文"): quire groups answers by the language they must be written in.
      expect(count('lang', 'en')).toBe(61);
      expect(items[12]?.lang).toBe('en');
    },
  );
});
