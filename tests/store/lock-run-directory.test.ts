import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockHeldError } from '../../src/errors/lock-held-error.js';
import type { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import { lockFileName, lockRunDirectory } from '../../src/store/lock-run-directory.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('lockRunDirectory', () => {
  it('creates the directory, holds its lock file, and refuses a second writer', async () => {
    const directory = join(await tempDir(), 'a', 'run');
    const lock = await lockRunDirectory({ directory, create: true });
    expect(await readdir(directory)).toEqual([lockFileName]);
    await expect(lockRunDirectory({ directory, shownAs: 'a/run' })).rejects.toBeInstanceOf(
      LockHeldError,
    );
    await lock.release();
    expect(await readdir(directory)).toEqual([]);
  });

  it('discards what the session made: the folders it created, or only its own files', async () => {
    const parent = await tempDir();
    const created = await lockRunDirectory({ directory: join(parent, 'a', 'run'), create: true });
    await writeFile(join(parent, 'a', 'run', 'run.json'), '{}');
    await created.discard();
    expect(await readdir(parent)).toEqual([]);

    const existing = join(parent, 'given');
    await mkdir(existing);
    await writeFile(join(existing, 'keep.txt'), 'mine');
    const lock = await lockRunDirectory({ directory: existing, create: true });
    await writeFile(join(existing, 'run.json'), '{}');
    await lock.discard();
    expect(await readdir(existing)).toEqual(['keep.txt']);
  });

  it('names what is wrong with a path that cannot be a directory', async () => {
    const parent = await tempDir();
    await writeFile(join(parent, 'file'), 'x');
    const problem = (path: string) =>
      lockRunDirectory({ directory: join(parent, path), shownAs: path, create: true }).catch(
        (error: RunDirectoryError) => `${error.problem}: ${error.message}`,
      );
    expect(await problem('file')).toBe(
      'badPath: Cannot use file as a run directory: it is a file, not a directory; choose another path.',
    );
    expect(await problem('file/run')).toMatch(
      /^badPath: .*its path has a file where a folder is needed \(ENOTDIR\)/,
    );
    expect(await problem('r'.repeat(300))).toMatch(/^badPath: .*too long .*\(ENAMETOOLONG\)/);
  });
});
