import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readSftInstructions } from '../../src/sft/read-sft-instructions.js';
import type { SftInstruction } from '../../src/sft/sft-instruction.js';
import { sftInstructionId } from '../../src/sft/sft-instruction-id.js';
import { useTempDir } from '../helpers/temp-dir.js';
import {
  type InstructionFileKind,
  instructionRows,
  writeInstructionFile,
} from './helpers/instruction-files.js';

const tempDir = useTempDir();

type Options = Omit<Parameters<typeof readSftInstructions>[0], 'path' | 'cwd'>;

/** Writes `text` to `name` in a fresh folder and reads it. */
async function read(text: string, options: Options = {}, name = 'in.jsonl') {
  const cwd = await tempDir();
  await writeFile(join(cwd, name), text);
  return readSftInstructions({ path: name, cwd, ...options });
}

async function all(file: { read(): AsyncIterable<SftInstruction> }): Promise<SftInstruction[]> {
  const instructions: SftInstruction[] = [];
  for await (const instruction of file.read()) instructions.push(instruction);
  return instructions;
}

const lines = (...records: unknown[]) =>
  records.map((each) => `${JSON.stringify(each)}\n`).join('');

describe('readSftInstructions', () => {
  it('reads the same 20 instructions from every layout and file type', async () => {
    const rows = instructionRows(20);
    const expected = rows.map((row) => ({
      prompt: row.prompt,
      ...(row.length === undefined ? {} : { length: row.length }),
      ...(row.answer === undefined ? {} : { reference: row.answer }),
      id: sftInstructionId(row),
    }));
    const kinds: Array<[InstructionFileKind, string]> = [
      ['messages', 'messages'],
      ['alpaca', 'alpaca'],
      ['sharegpt', 'sharegpt'],
      ['prompt', 'prompt'],
      ['csv', 'prompt'],
      ['parquet', 'messages'],
    ];
    for (const [kind, format] of kinds) {
      const cwd = await tempDir();
      const path = await writeInstructionFile({ dir: cwd, kind, rows });
      const file = await readSftInstructions({ path, cwd });
      expect(file.inputFormat, kind).toBe(format);
      expect(file.ids.size, kind).toBe(20);
      const instructions = await all(file);
      expect(
        instructions.map(({ line: _line, ...rest }) => rest),
        kind,
      ).toEqual(expected);
      // Lines of a JSONL, lines after the header of a CSV, 1-based rows of a Parquet file.
      expect(instructions[3]?.line, kind).toBe(kind === 'csv' ? 5 : 4);
    }
  });

  it('takes the first user turn, the answer after it, and alpaca input joined to the instruction', async () => {
    const messages = await read(
      lines({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Write about tides' }] },
          { role: 'assistant', content: 'Tides rise.' },
          { role: 'user', content: 'And now kites' },
        ],
      }),
    );
    expect(await all(messages)).toMatchObject([
      { prompt: 'Write about tides', reference: 'Tides rise.' },
    ]);
    const alpaca = await read(
      lines({ instruction: 'Summarise this', input: 'The text.', output: '' }),
    );
    expect(await all(alpaca)).toEqual([
      expect.objectContaining({ prompt: 'Summarise this\nThe text.' }),
    ]);
    expect((await all(alpaca))[0]).not.toHaveProperty('reference');
  });

  it('--input-format overrides the detection; --prompt-field and --length-field name other fields', async () => {
    const both = lines({
      prompt: 'Plain prompt',
      messages: [{ role: 'user', content: 'Chat prompt' }],
    });
    expect((await all(await read(both)))[0]?.prompt).toBe('Chat prompt');
    expect((await all(await read(both, { inputFormat: 'prompt' })))[0]?.prompt).toBe(
      'Plain prompt',
    );
    const question = await read(lines({ question: 'Why tides?', target: 900 }), {
      promptField: 'question',
      lengthField: 'target',
    });
    expect(question.inputFormat).toBe('prompt');
    expect(await all(question)).toMatchObject([{ prompt: 'Why tides?', length: 900 }]);
    const dialog = await read(lines({ dialog: [{ role: 'user', content: 'Hello' }] }), {
      promptField: 'dialog',
    });
    expect(dialog.inputFormat).toBe('messages');
  });

  it('reads a CSV by its header, with quoted fields across lines and lengths as digits', async () => {
    const file = await read(
      'id,question,words\n1,"Write about ""tides""\nat length",1200\n2,Write about kites,\n',
      { promptField: 'question', lengthField: 'words' },
      'in.csv',
    );
    expect(await all(file)).toEqual([
      expect.objectContaining({ line: 3, prompt: 'Write about "tides"\nat length', length: 1200 }),
      expect.objectContaining({ line: 4, prompt: 'Write about kites' }),
    ]);
  });

  it('keeps an instruction repeated with other spacing once; another length is another instruction', async () => {
    const file = await read(
      lines(
        { prompt: 'Write about  tides', length: 500 },
        { prompt: ' Write about\ntides ', length: 500 },
        { prompt: 'Write about tides', length: 900 },
      ),
    );
    expect(file.duplicateLines).toEqual([2]);
    expect((await all(file)).map((each) => each.line)).toEqual([1, 3]);
  });

  describe('refuses, naming the line and what it must be', () => {
    const refusal = async (text: string, options: Options = {}, name?: string) => {
      const error = await read(text, options, name).catch((caught) => caught);
      expect(error).toBeInstanceOf(InputFileError);
      return error as InputFileError;
    };

    it('a broken line', async () => {
      const error = await refusal(`${lines({ prompt: 'a' })}{"prompt": "b"\n`);
      expect(error.line).toBe(2);
      expect(error.message).toMatch(
        /^Instructions file in\.jsonl, line 2: not valid JSON \(.*\); each line must be a prompt record \{"prompt": "…", "length"\?: N\}, like line 1; fix it, or pass --skip-invalid to leave such lines out\.$/,
      );
    });

    it('a line that matches no format, listing the formats tried', async () => {
      const error = await refusal(lines({ text: 'hello' }));
      expect(error.message).toBe(
        'Instructions file in.jsonl, line 1: matches none of the formats tried: messages {"messages": [{"role": "user", "content": "…"}, …]}, sharegpt {"conversations": [{"from": "human", "value": "…"}, …]}, alpaca {"instruction": "…", "input"?: "…", "output"?: "…"}, prompt {"prompt": "…", "length"?: N}; name the layout with --input-format and the instruction field with --prompt-field, or pass --skip-invalid to leave such lines out.',
      );
    });

    it('a row of another layout, a conversation without a user turn, an empty prompt, a bad length', async () => {
      expect(
        (await refusal(lines({ prompt: 'a' }, { instruction: 'b', output: '' }))).message,
      ).toContain(
        'line 2: "prompt" is missing (expected a string); each line must be a prompt record',
      );
      expect(
        (await refusal(lines({ messages: [{ role: 'assistant', content: 'hi' }] }))).message,
      ).toContain('line 1: "messages" has no turn with "role": "user"');
      expect((await refusal(lines({ prompt: '   ' }))).message).toContain(
        'line 1: "prompt": must not be empty',
      );
      expect((await refusal(lines({ prompt: 'a', length: 'long' }))).message).toContain(
        'line 1: "length" must be a positive whole number of words, not "long"',
      );
      expect((await refusal(lines({ prompt: 'a', length: 0 }))).message).toContain('not 0');
    });

    it('a CSV without the named column', async () => {
      const error = await refusal(
        'title,body\nTides,Text\n',
        { promptField: 'question' },
        'in.csv',
      );
      expect(error.message).toBe(
        'Instructions file in.csv has no column "question" (its columns: title, body): name the column that holds the instructions with --prompt-field <column>.',
      );
      expect((await refusal('title,body\nTides,Text\n', {}, 'in.csv')).message).toContain(
        'has no column "messages" or "conversations" or "instruction" or "prompt"',
      );
    });

    it('a CSV with broken quoting', async () => {
      const error = await refusal('prompt\n"Write about "tides" today"\n', {}, 'in.csv');
      expect(error.message).toMatch(/^CSV file in\.csv, line 2: .*; fix the quoting there/);
    });

    it('a .parquet file that is not Parquet', async () => {
      const error = await refusal('{"prompt": "a"}\n', {}, 'in.parquet');
      expect(error.message).toBe(
        'in.parquet is not a Parquet file (parquet file invalid (footer != PAR1)): pass a .parquet file, or rename a JSONL or CSV file to .jsonl or .csv.',
      );
    });

    it('a file that is not UTF-8, or not text', async () => {
      const cwd = await tempDir();
      await writeFile(
        join(cwd, 'in.jsonl'),
        Buffer.from('{"prompt": "a"}\n{"prompt": "caf\xe9"}\n', 'latin1'),
      );
      const latin1 = await readSftInstructions({ path: 'in.jsonl', cwd }).catch((caught) => caught);
      expect(latin1.message).toBe(
        'Instructions file in.jsonl is not UTF-8 text (line 2 holds a byte that is not UTF-8): convert it to UTF-8, or pass a text file.',
      );
      expect((await refusal('{"prompt": "a"}\n\u0000\n')).message).toContain(
        'is not UTF-8 text (line 2 holds a NUL byte at column 1 (binary data))',
      );
    });

    it('a file left with nothing to run', async () => {
      const error = await refusal('{oops\n', { skipInvalid: true });
      expect(error.message).toMatch(
        /^Instructions file in\.jsonl has no usable instruction \(1 invalid line\(s\) skipped\): each line must be one of messages /,
      );
    });
  });

  it('with skipInvalid, lists the bad lines and reads the rest', async () => {
    const file = await read(
      `${lines({ prompt: 'a' })}{oops\n${lines({ text: 'b' }, { prompt: 'c' })}`,
      {
        skipInvalid: true,
      },
    );
    expect(file.invalid).toEqual([
      { line: 2, problem: expect.stringMatching(/^not valid JSON/) },
      { line: 3, problem: '"prompt" is missing (expected a string)' },
    ]);
    expect((await all(file)).map((each) => each.line)).toEqual([1, 4]);
  });
});
