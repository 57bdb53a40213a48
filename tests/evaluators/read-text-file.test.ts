import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readTextFile } from '../../src/evaluators/read-text-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

describe('readTextFile', () => {
  const makeDirectory = useTempDir();
  const write = async (content: string | Uint8Array) => {
    const path = join(await makeDirectory(), 'input.md');
    await writeFile(path, content);
    return path;
  };
  const refusal = async (path: string) => {
    try {
      await readTextFile({ path, shownAs: 'input.md', what: 'Document' });
    } catch (error) {
      if (error instanceof InputFileError) return error;
      throw error;
    }
    throw new Error('expected the file to be refused');
  };

  it('reads UTF-8 text and drops a byte-order mark', async () => {
    expect(await readTextFile({ path: await write('\uFEFFnaïve 模型\n') })).toBe('naïve 模型\n');
  });

  it.each([
    ['Latin-1', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'byte 0xe9 at offset 3, line 1'],
    [
      'a lone continuation byte',
      Uint8Array.from([0x0a, 0x0a, 0x80]),
      'byte 0x80 at offset 2, line 3',
    ],
    ['an overlong encoding', Uint8Array.from([0xc0, 0xaf]), 'byte 0xc0 at offset 0'],
    ['an encoded surrogate', Uint8Array.from([0x61, 0xed, 0xa0, 0x80]), 'byte 0xed at offset 1'],
    ['a truncated sequence', Uint8Array.from([0x61, 0xe6, 0xa8]), 'byte 0xe6 at offset 1'],
    [
      'binary with NUL bytes',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      'byte 0x00 at offset 4',
    ],
  ])('refuses %s as not UTF-8 text', async (_name, bytes, where) => {
    const error = await refusal(await write(bytes));
    expect(error.problem).toBe('notText');
    expect(error.message).toContain(where);
    expect(error.message).toMatch(/^Document input\.md is not UTF-8 text/);
  });

  it('refuses an empty or blank file', async () => {
    expect(await refusal(await write(''))).toMatchObject({ problem: 'empty' });
    expect(await refusal(await write(' \n\t\n'))).toMatchObject({ problem: 'empty' });
  });

  it('refuses a missing file and a directory', async () => {
    const directory = await makeDirectory();
    expect(await refusal(join(directory, 'absent.md'))).toMatchObject({ problem: 'missing' });
    await mkdir(join(directory, 'folder.md'));
    expect((await refusal(join(directory, 'folder.md'))).message).toContain('is a directory');
  });

  it('says what to do about an empty or blank file when told, and names a file "File" by default', async () => {
    const hint = { hint: 'pass --words N' };
    const empty = await write('');
    await expect(
      readTextFile({ path: empty, shownAs: 'a.md', what: 'Document', blank: hint }),
    ).rejects.toThrow('Document a.md is empty: pass --words N.');
    const blank = await write('  \n');
    await expect(readTextFile({ path: blank, shownAs: 'b.md', blank: hint })).rejects.toThrow(
      'File b.md has only blank space in it: pass --words N.',
    );
    await expect(readTextFile({ path: blank, shownAs: 'b.md' })).rejects.toThrow(
      /^File b\.md has only blank space in it\.$/,
    );
  });

  it('accepts an empty or blank file when told to', async () => {
    expect(await readTextFile({ path: await write(''), blank: 'accept' })).toBe('');
    expect(await readTextFile({ path: await write(' \n'), blank: 'accept' })).toBe(' \n');
  });

  it('points at the line of the first byte that is not text', async () => {
    const error = await refusal(await write(Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0xff])));
    expect(error).toMatchObject({ problem: 'notText', line: 3, file: 'input.md' });
    expect(error.message).toBe(
      'Document input.md is not UTF-8 text (byte 0xff at offset 4, line 3): convert it to UTF-8 or pass a text file.',
    );
  });

  it('follows a symbolic link unless told not to', async () => {
    const target = await write('Linked text.');
    const link = join(await makeDirectory(), 'link.md');
    await symlink(target, link);
    expect(await readTextFile({ path: link })).toBe('Linked text.');
    await expect(readTextFile({ path: link, followLinks: false })).rejects.toBeInstanceOf(
      InputFileError,
    );
  });
});
