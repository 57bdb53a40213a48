import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../src/errors/damaged-file-error.js';
import { StoreError } from '../../src/errors/store-error.js';
import { damagedFile } from '../../src/store/damaged-file.js';
import { lockOutputFile } from '../../src/store/lock-output-file.js';
import { verifyRunFiles } from '../../src/store/verify-run-files.js';
import { storeWriteError } from '../../src/store/write-output-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** An error as Node's file system throws it, with its system code. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('storeWriteError', () => {
  it.each([
    ['ENOSPC', 'free some disk space'],
    ['EACCES', 'make the run directory writable'],
    ['EPERM', 'make the run directory writable'],
    ['EROFS', 'make the run directory writable'],
    ['EIO', 'check the disk and the run directory'],
  ])('says what to do about %s', (code, hint) => {
    const cause = systemError(code);
    const error = storeWriteError({ path: '/runs/a/plan.json', error: cause });
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(
      `Cannot write /runs/a/plan.json (${code}): ${hint}, then resume the run.`,
    );
    expect(error).toMatchObject({ path: '/runs/a/plan.json', systemCode: code, cause });
  });

  it('names an error without a system code by its text', () => {
    const error = storeWriteError({ path: 'x', error: 'disk gone' });
    expect(error.message).toBe(
      'Cannot write x (disk gone): check the disk and the run directory, then resume the run.',
    );
    expect(error.systemCode).toBeUndefined();
  });
});

describe('damagedFile', () => {
  it('tells how to fix a link, a damaged line and a damaged file', () => {
    expect(
      damagedFile({ path: 'p', problem: 'symlink', detail: 'is a symbolic link' }).message,
    ).toBe('p is a symbolic link: replace it with the file itself.');
    const line = damagedFile({
      path: 'j.jsonl',
      problem: 'notJson',
      detail: 'is not JSON',
      line: 4,
    });
    expect(line).toBeInstanceOf(DamagedFileError);
    expect(line).toMatchObject({ path: 'j.jsonl', problem: 'notJson', line: 4 });
    expect(line.message).toBe(
      'j.jsonl, line 4, is not JSON: quire writes one JSON object per line, so something else changed it; restore the file, or delete that line to go on.',
    );
    expect(
      damagedFile({ path: 'f', problem: 'notText', detail: 'is not UTF-8 text' }).message,
    ).toBe('f is not UTF-8 text: restore it from a backup, or move it aside and start again.');
  });
});

describe('lockOutputFile', () => {
  it('creates the folder and locks the file with a .lock beside it', async () => {
    const path = join(await tempDir(), 'out', 'data.jsonl');
    const held = await lockOutputFile({ path, shownAs: 'out/data.jsonl' });
    expect(await readdir(join(path, '..'))).toEqual(['data.jsonl.lock']);
    await held.release();
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('refuses a second writer, naming the file as the user wrote it', async () => {
    const path = join(await tempDir(), 'data.jsonl');
    const held = await lockOutputFile({ path, shownAs: 'my-data.jsonl' });
    const error = await lockOutputFile({ path, shownAs: 'my-data.jsonl' }).catch((e) => e);
    await held.release();
    expect(error.message).toContain('my-data.jsonl');
  });

  it('fails with a StoreError when the folder cannot be made', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'x');
    const error = await lockOutputFile({ path: join(dir, 'file', 'data.jsonl') }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain(`Cannot write ${join(dir, 'file', 'data.jsonl')}`);
  });
});

describe('verifyRunFiles', () => {
  it('passes a sound run and refuses one with a damaged journal line', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sections'));
    await writeFile(join(dir, 'journal.jsonl'), '{"type":"run-start"}\n');
    await expect(verifyRunFiles(dir)).resolves.toBeUndefined();
    await writeFile(join(dir, 'journal.jsonl'), 'garbage\n{"type":"run-start"}\n');
    await expect(verifyRunFiles(dir)).rejects.toBeInstanceOf(DamagedFileError);
  });
});
