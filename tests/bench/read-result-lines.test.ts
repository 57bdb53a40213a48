import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readResultLines } from '../../src/bench/read-result-lines.js';
import { StoreError } from '../../src/errors/store-error.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const schema = z.object({ id: z.string(), score: z.number() }).strict();

describe('readResultLines', () => {
  it('keys complete lines by id and ignores a last line a kill cut short', async () => {
    const path = join(await tempDir(), 'results.jsonl');
    await writeFile(path, '{"id":"a","score":1}\n{"id":"b","score":2}\n{"id":"c","sco');
    const results = await readResultLines({ path, schema });
    expect([...results.keys()]).toEqual(['a', 'b']);
    expect(results.get('b')).toEqual({ id: 'b', score: 2 });
  });

  it('reads a missing file as no results', async () => {
    expect(
      (await readResultLines({ path: join(await tempDir(), 'none.jsonl'), schema })).size,
    ).toBe(0);
  });

  it('refuses a line quire did not write, naming it', async () => {
    const path = join(await tempDir(), 'results.jsonl');
    await writeFile(path, '{"id":"a","score":1}\n{"id":"b"}\n');
    const error = await readResultLines({ path, schema }).catch((caught) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain('results.jsonl, line 2, is not a result quire wrote');
  });
});
