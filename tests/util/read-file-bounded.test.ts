import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, readFileBounded } from '../../src/util/read-file-bounded.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('readFileBounded', () => {
  it('reads a regular file within the limit', async () => {
    const path = join(await tempDir(), 'a.txt');
    await writeFile(path, 'tides');
    const read = await readFileBounded({ path, maxBytes: 5 });
    expect(read.ok && read.bytes.toString()).toBe('tides');
  });

  it('refuses a file over the limit before reading it, even a sparse one of gigabytes', async () => {
    const path = join(await tempDir(), 'huge.md');
    await writeFile(path, '');
    await truncate(path, 4 * 1024 * 1024 * 1024);
    expect(await readFileBounded({ path, maxBytes: 1024 })).toMatchObject({
      ok: false,
      problem: 'tooLarge',
      detail: 'is larger than 1 KB, the most quire reads for such a file',
    });
  });

  it('refuses a file that grows past the limit while read, such as one in /proc that reports no size', async () => {
    expect(await readFileBounded({ path: '/proc/self/status', maxBytes: 16 })).toMatchObject({
      ok: false,
      problem: 'tooLarge',
    });
  });

  it('refuses a character device and a FIFO without blocking on them', async () => {
    expect(await readFileBounded({ path: '/dev/zero', maxBytes: 1024 })).toMatchObject({
      ok: false,
      problem: 'notRegular',
      detail: 'is a character device, not a regular file',
    });
    const fifo = join(await tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await readFileBounded({ path: fifo, maxBytes: 1024 })).toMatchObject({
      ok: false,
      problem: 'notRegular',
      detail: 'is a FIFO, not a regular file',
    });
  });

  it('follows a link only when asked to', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'real.md'), 'x');
    await symlink(join(dir, 'real.md'), join(dir, 'link.md'));
    expect((await readFileBounded({ path: join(dir, 'link.md'), maxBytes: 10 })).ok).toBe(true);
    expect(
      await readFileBounded({ path: join(dir, 'link.md'), maxBytes: 10, followLinks: false }),
    ).toMatchObject({ ok: false, problem: 'symlink' });
  });

  it('names a missing file, a folder, a file on the path and a name too long', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'file'), 'x');
    const problem = async (path: string) => {
      const read = await readFileBounded({ path, maxBytes: 10 });
      return read.ok ? 'ok' : `${read.problem}: ${read.detail}`;
    };
    expect(await problem(join(dir, 'none'))).toBe('missing: does not exist');
    expect(await problem(join(dir, 'folder'))).toBe('directory: is a directory, not a file');
    expect(await problem(join(dir, 'file', 'x'))).toMatch(/^badPath: .*\(ENOTDIR\)$/);
    expect(await problem(join(dir, 'a'.repeat(300)))).toMatch(/^badPath: .*\(ENAMETOOLONG\)$/);
  });
});

describe('formatBytes', () => {
  it('rounds to the unit people read', () => {
    expect([formatBytes(900), formatBytes(16 * 1024), formatBytes(64 * 1024 * 1024)]).toEqual([
      '900 bytes',
      '16 KB',
      '64 MB',
    ]);
  });
});
