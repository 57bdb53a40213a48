import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonLines } from '../../src/batch/read-json-lines.js';
import { InputFileError } from '../../src/errors/input-file-error.js';

const schema = z.looseObject({ prompt: z.string().min(1), length: z.int().positive().optional() });
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'quire-json-lines-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});
let count = 0;
async function parse(text: string | Buffer, skipInvalid = false) {
  const path = join(folder, `in-${count++}.jsonl`);
  await writeFile(path, text);
  return readJsonLines({ path, file: 'in.jsonl', what: 'Instructions file', schema, skipInvalid });
}

async function thrown(run: () => Promise<unknown>): Promise<InputFileError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('readJsonLines', () => {
  it('returns each record with its 1-based line, skipping blank lines and CRLF endings', async () => {
    const result = await parse('{"prompt":"a"}\r\n\n  \n{"prompt":"b","length":5,"type":"x"}\n');
    expect(result.records).toEqual([
      { line: 1, value: { prompt: 'a' } },
      { line: 4, value: { prompt: 'b', length: 5, type: 'x' } },
    ]);
    expect(result.invalid).toEqual([]);
  });

  it('names the line of a broken JSON line', async () => {
    const error = await thrown(() => parse('{"prompt":"a"}\n{"prompt": oops}\n{"prompt":"c"}\n'));
    expect(error.line).toBe(2);
    expect(error.problem).toBe('invalidJson');
    expect(error.message).toMatch(/^Instructions file in\.jsonl, line 2: not valid JSON \(/);
    expect(error.message).toMatch(/fix that line\.$/);
  });

  it('says which key is missing or of the wrong type', async () => {
    expect((await thrown(() => parse('{"length":3}\n'))).message).toContain(
      'line 1: "prompt" is missing (expected a string)',
    );
    expect((await thrown(() => parse('{"prompt":"a","length":"long"}\n'))).message).toContain(
      'line 1: "length" must be a number, not a string',
    );
    expect((await thrown(() => parse('{"prompt":"a","length":2.5}\n'))).message).toContain(
      '"length"',
    );
    expect((await thrown(() => parse('["prompt"]\n'))).message).toContain(
      'line 1: expected a JSON object, one per line',
    );
  });

  it('refuses a missing, empty or non-UTF-8 file with what to do', async () => {
    const missing = await thrown(() =>
      readJsonLines({
        path: join(folder, 'none.jsonl'),
        file: 'none.jsonl',
        what: 'Data file',
        schema,
      }),
    );
    expect(missing.message).toBe('Data file none.jsonl does not exist: check the path.');
    expect((await thrown(() => parse('\n  \n'))).problem).toBe('empty');
    const latin1 = await thrown(() =>
      parse(
        Buffer.concat([
          Buffer.from('{"prompt":"a"}\n{"prompt":"'),
          Buffer.from([0xe9]),
          Buffer.from('"}\n'),
        ]),
      ),
    );
    expect(latin1.message).toContain('is not UTF-8 text (line 2 holds a byte that is not UTF-8)');
  });

  it('with skipInvalid, lists the bad lines and keeps the rest', async () => {
    const result = await parse('{"prompt":"a"}\nnot json\n{"length":1}\n{"prompt":"d"}\n', true);
    expect(result.records.map((record) => record.line)).toEqual([1, 4]);
    expect(result.invalid.map((line) => line.line)).toEqual([2, 3]);
    expect(result.invalid[1]?.problem).toBe('"prompt" is missing (expected a string)');
  });
});
