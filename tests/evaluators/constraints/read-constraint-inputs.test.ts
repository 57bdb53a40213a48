import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { parseSgtDataset } from '../../../src/evaluators/constraints/parse-sgt-dataset.js';
import { readConstraintFile } from '../../../src/evaluators/constraints/read-constraint-file.js';
import { readSgtDataset } from '../../../src/evaluators/constraints/read-sgt-dataset.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const sgtItem = {
  prompt: 'Write a diary of the year, one entry a week.',
  checks_once: { '3': 'a kite flying contest' },
  checks_range: {},
  checks_periodic: {},
  type: 'Week',
  prefix: '#*# Week 1:',
  number: 4,
};

/** The error `work` rejects with, or a failure when it resolves. */
async function rejection(work: Promise<unknown>): Promise<InputFileError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

describe('reading a constraints file', () => {
  it('reads it relative to the folder given and names it as given', async () => {
    const folder = await tempDir();
    const constraints = {
      unit: 'Week',
      segments: 2,
      constraints: [{ type: 'once', segment: 1, event: 'tea' }],
    };
    await writeFile(join(folder, 'weeks.json'), JSON.stringify(constraints));
    const file = await readConstraintFile({ path: 'weeks.json', cwd: folder });
    expect(file).toEqual({ version: 1, ...constraints });

    const missing = await rejection(readConstraintFile({ path: 'none.json', cwd: folder }));
    expect(missing.message).toMatch(/^Constraints file none\.json /);
    expect(missing.file).toBe('none.json');
  });
});

describe('reading an SGT data file', () => {
  it('reads its items relative to the folder given and names it as given', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'Dataset_short.json'), JSON.stringify([sgtItem]));
    expect(await readSgtDataset({ path: 'Dataset_short.json', cwd: folder })).toEqual([sgtItem]);

    const missing = await rejection(readSgtDataset({ path: 'none.json', cwd: folder }));
    expect(missing.message).toMatch(/^SGT data file none\.json /);
  });

  it('says where an item leaves SGT format, and what the format is', () => {
    const text = JSON.stringify([sgtItem, { ...sgtItem, number: 0 }]);
    let error: unknown;
    try {
      parseSgtDataset({ text, file: 'data.json' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputFileError);
    const { message, problem, file } = error as InputFileError;
    expect({ problem, file }).toEqual({ problem: 'invalidContent', file: 'data.json' });
    expect(message).toMatch(
      /^SGT data file data\.json does not have SGT's format at 1\.number: .*>=1.*; expected an array of \{prompt, checks_once, checks_range, checks_periodic, type, prefix, number\}\.$/,
    );
  });

  it('says the whole file is wrong when it is not an array', () => {
    expect(() => parseSgtDataset({ text: '{"prompt": "x"}', file: 'data.json' })).toThrow(
      /at \(top level\): /,
    );
  });

  it('names a file that is not JSON as an SGT data file', () => {
    expect(() => parseSgtDataset({ text: '[{', file: 'data.json' })).toThrow(/SGT data file/);
  });
});
