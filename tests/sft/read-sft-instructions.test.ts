import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableItemId } from '../../src/bench/stable-item-id.js';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readSftInstructions } from '../../src/sft/read-sft-instructions.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function read(text: string, skipInvalid = false) {
  const cwd = await tempDir();
  await writeFile(join(cwd, 'in.jsonl'), text);
  return readSftInstructions({ path: 'in.jsonl', cwd, skipInvalid });
}

describe('readSftInstructions', () => {
  it('reads prompts with optional lengths, ids and lines; other keys are ignored', async () => {
    const { instructions } = await read(
      '{"prompt":"Write about tides","length":1200,"type":"x"}\n\n{"prompt":"写一篇文章"}\n',
    );
    expect(instructions).toEqual([
      {
        id: stableItemId({ prompt: 'Write about tides', length: 1200 }),
        line: 1,
        prompt: 'Write about tides',
        length: 1200,
      },
      { id: stableItemId({ prompt: '写一篇文章' }), line: 3, prompt: '写一篇文章' },
    ]);
  });

  it('names the line of a broken line and of one without a prompt', async () => {
    const broken = await read('{"prompt":"a"}\n{"prompt":"b"\n').catch((caught) => caught);
    expect(broken).toBeInstanceOf(InputFileError);
    expect(broken.line).toBe(2);
    expect(broken.message).toMatch(
      /^Instructions file in\.jsonl, line 2: not valid JSON \(.*\); each line must be \{"prompt": "…", "length"\?: N\}; fix it, or pass --skip-invalid to leave such lines out\.$/,
    );
    const missing = await read('{"prompt":"a"}\n{"text":"b"}\n').catch((caught) => caught);
    expect(missing.message).toContain('line 2: "prompt" is missing (expected a string)');
    const empty = await read('{"prompt":"   "}\n').catch((caught) => caught);
    expect(empty.message).toContain('line 1: "prompt": must not be empty');
    const badLength = await read('{"prompt":"a","length":0}\n').catch((caught) => caught);
    expect(badLength.message).toContain('line 1: "length"');
  });

  it('with skipInvalid, lists the bad lines and keeps the rest', async () => {
    const { instructions, invalid } = await read('{"prompt":"a"}\n{oops\n{"prompt":"c"}\n', true);
    expect(instructions.map((each) => each.line)).toEqual([1, 3]);
    expect(invalid.map((each) => each.line)).toEqual([2]);
  });

  it('keeps a repeated instruction once', async () => {
    const { instructions, duplicateLines } = await read(
      '{"prompt":"a","length":5}\n{"prompt":"a","length":5}\n{"prompt":"a"}\n',
    );
    expect(instructions.map((each) => each.line)).toEqual([1, 3]);
    expect(duplicateLines).toEqual([2]);
  });

  it('refuses a file left with nothing to run', async () => {
    const error = await read('{oops\n', true).catch((caught) => caught);
    expect(error.message).toBe(
      'Instructions file in.jsonl has no usable instruction (1 invalid line(s) skipped): each line must be {"prompt": "…", "length"?: N}.',
    );
  });
});
