import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHellobenchData } from '../../../src/bench/hellobench/read-hellobench-data.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import {
  hellobenchJsonl,
  hellobenchRow,
  writeHellobenchFolder,
} from '../helpers/hellobench-rows.js';

const tempDir = useTempDir();
const read = (
  root: string,
  subset: 'main' | 'length-constrained',
  lengths = ['2k', '16k'] as const,
) => readHellobenchData({ root, shownAs: 'hb', subset, lengths: [...lengths], wordsPerPage: 500 });

describe('readHellobenchData', () => {
  it('reads the lengths asked for, one item per task and length, with the stated target', async () => {
    const root = await writeHellobenchFolder({ root: await tempDir() });
    const { items, absentTypes } = await read(root, 'length-constrained');
    expect(absentTypes).toEqual([]);
    expect(items.map((item) => [item.id, item.group, item.required])).toEqual([
      ['heuristic_text_generation_000-2k', '2k', 2000],
      ['heuristic_text_generation_001-2k', '2k', 2000],
      ['heuristic_text_generation_002-2k', '2k', 2000],
      ['heuristic_text_generation_000-16k', '16k', 16000],
      ['heuristic_text_generation_001-16k', '16k', 16000],
      ['heuristic_text_generation_002-16k', '16k', 16000],
    ]);
    expect(items[1]).toMatchObject({
      taskId: 'heuristic_text_generation_001',
      subset: 'length-constrained',
      category: 'keyword_writing',
      file: join('hb', 'data/length_constrained_data/heuristic_text_generation_2k.jsonl'),
      line: 2,
    });
    expect(items[1]?.checklists).toHaveLength(5);
  });

  it('reads the main set’s task types that are present, in the paper’s order, and names the rest', async () => {
    const root = await writeHellobenchFolder({
      root: await tempDir(),
      mainTypes: ['chat', 'open_ended_qa'],
    });
    const { items, absentTypes } = await read(root, 'main');
    expect([...new Set(items.map((item) => item.group))]).toEqual(['open_ended_qa', 'chat']);
    expect(items[0]).toMatchObject({ id: 'open_ended_qa_000', required: null, subset: 'main' });
    expect(absentTypes).toEqual(['summarization', 'text_completion', 'heuristic_text_generation']);
  });

  it('also reads the data/ folder alone, and OpenCompass’s layout (main files at the top)', async () => {
    const root = await writeHellobenchFolder({ root: await tempDir(), mainTypes: ['chat'] });
    expect((await read(join(root, 'data'), 'length-constrained')).items).toHaveLength(6);
    const flat = await tempDir();
    await rename(
      join(root, 'data', 'length_constrained_data'),
      join(flat, 'length_constrained_data'),
    );
    await rename(join(root, 'data', 'main_data', 'chat.jsonl'), join(flat, 'chat.jsonl'));
    expect((await read(flat, 'length-constrained')).items).toHaveLength(6);
    expect((await read(flat, 'main')).items.map((item) => item.id)).toEqual([
      'chat_000',
      'chat_001',
      'chat_002',
    ]);
  });

  describe('refuses, naming the file (and line)', () => {
    const refusal = async (
      build: (root: string) => Promise<unknown>,
      subset: 'main' | 'length-constrained',
      message: RegExp,
    ) => {
      const root = await tempDir();
      await build(root);
      const error = await read(root, subset).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toMatch(message);
    };
    const lengthFile = (root: string, length: string) =>
      join(root, 'data', 'length_constrained_data', `heuristic_text_generation_${length}.jsonl`);

    it('a folder that is not there', async () => {
      const error = await read(join(await tempDir(), 'none'), 'main').catch((caught) => caught);
      expect(error).toBeInstanceOf(InputFileError);
      expect(error.message).toMatch(
        /HelloBench data folder hb does not exist: pass --data <folder>/,
      );
    });

    it('a length asked for without its file', () =>
      refusal(
        (root) => writeHellobenchFolder({ root, lengths: ['2k'] }),
        'length-constrained',
        /HelloBench data file hb\/data\/length_constrained_data\/heuristic_text_generation_16k\.jsonl does not exist/,
      ));

    it('a main set with no file at all', () =>
      refusal(
        (root) => writeHellobenchFolder({ root, mainTypes: [] }),
        'main',
        /HelloBench data folder hb holds no main-set file/,
      ));

    it('a length-constrained instruction that states no length', () =>
      refusal(
        async (root) => {
          await writeHellobenchFolder({ root });
          await writeFile(
            lengthFile(root, '16k'),
            hellobenchJsonl([hellobenchRow({ id: 'a', words: 16000 }), hellobenchRow({ id: 'b' })]),
          );
        },
        'length-constrained',
        /heuristic_text_generation_16k\.jsonl, line 2: the instruction states no length/,
      ));

    it('a task id twice in one file', () =>
      refusal(
        async (root) => {
          await writeHellobenchFolder({ root });
          const row = hellobenchRow({ id: 'same', words: 2000 });
          await writeFile(lengthFile(root, '2k'), hellobenchJsonl([row, row]));
        },
        'length-constrained',
        /line 2: task id "same" is already on line 1/,
      ));

    it.each([
      ['an id that is a path', { id: '../escape' }, /"id": must be letters, digits/],
      ['no checklist', { checklists: [] }, /"checklists"/],
      ['no instruction', { instruction: undefined }, /"instruction" is missing/],
    ])('%s', (_, change, message) =>
      refusal(
        async (root) => {
          await writeHellobenchFolder({ root });
          const row = { ...hellobenchRow({ id: 'fine', words: 2000 }), ...change };
          await writeFile(lengthFile(root, '2k'), hellobenchJsonl([row]));
        },
        'length-constrained',
        message,
      ),
    );

    it('a line that is not JSON', () =>
      refusal(
        async (root) => {
          await writeHellobenchFolder({ root });
          await mkdir(join(root, 'data', 'length_constrained_data'), { recursive: true });
          await writeFile(lengthFile(root, '2k'), '{"id": "a",\n');
        },
        'length-constrained',
        /heuristic_text_generation_2k\.jsonl, line 1: not valid JSON/,
      ));
  });
});
