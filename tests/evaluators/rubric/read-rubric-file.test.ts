import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLimits } from '../../../src/config/limits.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { readRubricFile } from '../../../src/evaluators/rubric/read-rubric-file.js';
import { createWritingBenchItem } from '../../helpers/builders.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('readRubricFile', () => {
  const makeDirectory = useTempDir();

  it('reads a rubric by a path relative to the given folder', async () => {
    const directory = await makeDirectory();
    await mkdir(join(directory, 'rubrics'));
    await writeFile(
      join(directory, 'rubrics', 'item.json'),
      JSON.stringify(createWritingBenchItem(1)),
    );
    const rubric = await readRubricFile({ path: 'rubrics/item.json', cwd: directory });
    expect(rubric).toMatchObject({
      format: 'writingbench',
      request: 'Write a quarterly report for a bakery.',
      criteria: [expect.objectContaining({ name: 'Criterion 1' })],
    });
  });

  it('reads an absolute path as it is', async () => {
    const directory = await makeDirectory();
    const path = join(directory, 'r.json');
    await writeFile(path, JSON.stringify({ criteria: ['Stays formal.'] }));
    await expect(
      readRubricFile({ path, cwd: join(directory, 'elsewhere') }),
    ).resolves.toMatchObject({ format: 'quire' });
  });

  it('names the rubric file as it was given when it is missing, empty or not JSON', async () => {
    const directory = await makeDirectory();
    await expect(readRubricFile({ path: 'none.json', cwd: directory })).rejects.toThrow(
      /^Rubric file none\.json does not exist/,
    );
    await writeFile(join(directory, 'empty.json'), '');
    await expect(readRubricFile({ path: 'empty.json', cwd: directory })).rejects.toThrow(
      /^Rubric file empty\.json is empty/,
    );
    await writeFile(join(directory, 'broken.json'), '{"criteria": [');
    await expect(readRubricFile({ path: 'broken.json', cwd: directory })).rejects.toThrow(
      /^Rubric file broken\.json is not valid JSON/,
    );
  });

  it('refuses a rubric file larger than a task file may be, before reading it', async () => {
    const directory = await makeDirectory();
    // A sparse file: its size is what is checked, before a byte is read.
    await writeFile(join(directory, 'big.json'), '');
    await truncate(join(directory, 'big.json'), fileLimits.taskFile + 1);
    const error = await readRubricFile({ path: 'big.json', cwd: directory }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).message).toMatch(/^Rubric file big\.json /);
    expect((error as InputFileError).problem).toBe('tooLarge');
  });
});
