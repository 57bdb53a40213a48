import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import {
  createRunDirectory,
  refuseNonEmptyDirectory,
} from '../../src/store/create-run-directory.js';
import { lockFileName } from '../../src/store/lock-run-directory.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
/** 2026-03-04 05:06:07.890 UTC. */
const now = Date.UTC(2026, 2, 4, 5, 6, 7, 890);

describe('createRunDirectory', () => {
  it('names the folder by the UTC second and the request, creating the output folder', async () => {
    const outDir = join(await tempDir(), 'runs', 'nested');
    const path = await createRunDirectory({ outDir, request: 'Tidal Pools, a Field Guide!', now });
    expect(path).toBe(join(outDir, '20260304-050607-tidal-pools-a-field-guide'));
    expect(await readdir(outDir)).toEqual([basename(path)]);
  });

  it('adds -2, -3 when runs of the same request start in the same second', async () => {
    const outDir = await tempDir();
    const paths = [];
    for (let run = 0; run < 3; run++)
      paths.push(await createRunDirectory({ outDir, request: 'x', now }));
    expect(paths.map((path) => basename(path))).toEqual([
      '20260304-050607-x',
      '20260304-050607-x-2',
      '20260304-050607-x-3',
    ]);
  });

  it('gives concurrent runs a folder each', async () => {
    const outDir = await tempDir();
    const paths = await Promise.all(
      Array.from({ length: 4 }, () => createRunDirectory({ outDir, request: 'same', now })),
    );
    expect(new Set(paths).size).toBe(4);
  });

  it('names a run whose request has no letters "run", and cuts a long slug', async () => {
    const outDir = await tempDir();
    expect(basename(await createRunDirectory({ outDir, request: '!!! ???', now }))).toBe(
      '20260304-050607-run',
    );
    const long = basename(await createRunDirectory({ outDir, request: 'word '.repeat(40), now }));
    expect(long.length).toBeLessThanOrEqual('20260304-050607-'.length + 32);
  });

  it('says what to do when the output folder cannot be written', async () => {
    const outDir = await tempDir();
    const undo = await makeReadOnly(outDir);
    const error = await createRunDirectory({ outDir, request: 'x', now }).catch((e) => e);
    await undo();
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error).toMatchObject({ problem: 'notWritable', directory: outDir });
    expect(error.message).toMatch(/\((EACCES|EPERM)\): set a writable "outDir" or pass --out\.$/);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('reports an output folder that is a file', async () => {
    const outDir = join(await tempDir(), 'file');
    await writeFile(outDir, 'not a folder');
    const error = await createRunDirectory({ outDir, request: 'x', now }).catch((e) => e);
    expect(error).toMatchObject({ problem: 'notWritable' });
    expect(error.message).toContain(`in ${outDir} (EEXIST)`);
  });
});

describe('refuseNonEmptyDirectory', () => {
  it('accepts a folder that does not exist, an empty one, or one holding only its lock', async () => {
    const dir = await tempDir();
    await refuseNonEmptyDirectory({ directory: join(dir, 'new'), shownAs: 'new' });
    await refuseNonEmptyDirectory({ directory: dir, shownAs: 'dir' });
    await writeFile(join(dir, lockFileName), '{}');
    await writeFile(join(dir, `${lockFileName}.tmp`), '{}');
    await expect(refuseNonEmptyDirectory({ directory: dir, shownAs: 'dir' })).resolves.toBe(
      undefined,
    );
  });

  it.each([
    ['holds a file of its own', async (dir: string) => writeFile(join(dir, 'notes.txt'), 'x')],
    ['is a file', async (dir: string) => writeFile(join(dir, 'out'), 'x')],
  ])('refuses an --out that %s', async (_case, make) => {
    const dir = await tempDir();
    await make(dir);
    const directory = (await readdir(dir)).includes('out') ? join(dir, 'out') : dir;
    const error = await refuseNonEmptyDirectory({ directory, shownAs: 'my-out' }).catch((e) => e);
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error).toMatchObject({ problem: 'notEmpty', directory });
    expect(error.message).toBe(
      '--out my-out exists and is not a quire run: choose a new or empty directory.',
    );
  });
});
