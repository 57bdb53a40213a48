import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonLines } from '../../src/bench/parse-json-lines.js';
import { InputFileError } from '../../src/errors/input-file-error.js';

const schema = z.looseObject({ prompt: z.string().min(1), length: z.int().positive().optional() });
const parse = (text: string, skipInvalid = false) =>
  parseJsonLines({ text, file: 'in.jsonl', what: 'Instructions file', schema, skipInvalid });

function thrown(run: () => unknown): InputFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('parseJsonLines', () => {
  it('returns each record with its 1-based line, skipping blank lines and CRLF endings', () => {
    const result = parse('{"prompt":"a"}\r\n\n  \n{"prompt":"b","length":5,"type":"x"}\n');
    expect(result.records).toEqual([
      { line: 1, value: { prompt: 'a' } },
      { line: 4, value: { prompt: 'b', length: 5, type: 'x' } },
    ]);
    expect(result.invalid).toEqual([]);
  });

  it('names the line of a broken JSON line', () => {
    const error = thrown(() => parse('{"prompt":"a"}\n{"prompt": oops}\n{"prompt":"c"}\n'));
    expect(error.line).toBe(2);
    expect(error.problem).toBe('invalidJson');
    expect(error.message).toMatch(/^Instructions file in\.jsonl, line 2: not valid JSON \(/);
    expect(error.message).toMatch(/fix that line\.$/);
  });

  it('says which key is missing or of the wrong type', () => {
    expect(thrown(() => parse('{"length":3}\n')).message).toContain(
      'line 1: "prompt" is missing (expected a string)',
    );
    expect(thrown(() => parse('{"prompt":"a","length":"long"}\n')).message).toContain(
      'line 1: "length" must be a number, not a string',
    );
    expect(thrown(() => parse('{"prompt":"a","length":2.5}\n')).message).toContain('"length"');
    expect(thrown(() => parse('["prompt"]\n')).message).toContain(
      'line 1: expected a JSON object, one per line',
    );
  });

  it('with skipInvalid, lists the bad lines and keeps the rest', () => {
    const result = parse('{"prompt":"a"}\nnot json\n{"length":1}\n{"prompt":"d"}\n', true);
    expect(result.records.map((record) => record.line)).toEqual([1, 4]);
    expect(result.invalid.map((line) => line.line)).toEqual([2, 3]);
    expect(result.invalid[1]?.problem).toBe('"prompt" is missing (expected a string)');
  });
});
