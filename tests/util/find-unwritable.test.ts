import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnwritable } from '../../src/util/find-unwritable.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('findUnwritable', () => {
  it('accepts a new file, in folders still to be made, under a writable folder', async () => {
    const dir = await tempDir();
    expect(await findUnwritable(join(dir, 'a', 'b', 'report.json'))).toBeUndefined();
  });

  it('names the read-only folder that would refuse the file', async () => {
    const dir = await tempDir();
    const locked = join(dir, 'locked');
    await mkdir(locked);
    const undo = await makeReadOnly(locked);
    try {
      expect(await findUnwritable(join(locked, 'sub', 'report.json'))).toEqual({
        blocker: locked,
        code: expect.stringMatching(/^(EACCES|EPERM)$/),
      });
    } finally {
      await undo();
    }
  });

  it('refuses a folder, and a path under a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file.txt'), 'x');
    expect(await findUnwritable(dir)).toEqual({ blocker: dir, code: 'EISDIR' });
    expect(await findUnwritable(join(dir, 'file.txt', 'report.json'))).toEqual({
      blocker: join(dir, 'file.txt'),
      code: 'ENOTDIR',
    });
  });
});
