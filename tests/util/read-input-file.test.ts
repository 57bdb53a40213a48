import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readInputFile } from '../../src/util/read-input-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** The error `readInputFile` throws for `path`, with the given options. */
async function refusal(
  input: Partial<Parameters<typeof readInputFile>[0]> & { path: string },
): Promise<InputFileError> {
  const error = await readInputFile({ what: 'The task file', maxBytes: 1024, ...input }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

describe('readInputFile', () => {
  it('reads a regular file, and one the user reaches through a link', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'task.json'), '{}');
    await symlink(join(cwd, 'task.json'), join(cwd, 'linked.json'));
    for (const name of ['task.json', 'linked.json']) {
      const bytes = await readInputFile({
        path: join(cwd, name),
        what: 'The task file',
        maxBytes: 2,
      });
      expect(bytes.toString()).toBe('{}');
    }
  });

  it('refuses a link when links are not to be followed (a file inside a run)', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'secret.txt'), 'secret');
    await symlink(join(cwd, 'secret.txt'), join(cwd, 'document.md'));
    const error = await refusal({
      path: join(cwd, 'document.md'),
      shownAs: 'run/document.md',
      what: 'The document',
      followLinks: false,
    });
    expect(error.message).toMatch(/^The document run\/document\.md is a symbolic link/);
    expect(error.message).toMatch(/pass the file itself\.$/);
    expect(error.message).not.toContain('secret');
  });

  it.each([
    ['missing', /^The task file task\.json does not exist: check the --task path\.$/, 'missing'],
    [
      'folder',
      /^The task file task\.json is a directory, not a file: pass a file\.$/,
      'notRegular',
    ],
    ['fifo', /quire reads only regular files\.$/, 'notRegular'],
    ['large', /is larger than 1 KB.*: split or shorten it\.$/, 'tooLarge'],
  ] as const)('refuses a %s path with one sentence of advice', async (kind, message, problem) => {
    const cwd = await tempDir();
    const path = join(cwd, 'task.json');
    if (kind === 'folder') await mkdir(path);
    if (kind === 'fifo') execFileSync('mkfifo', [path]);
    if (kind === 'large') await writeFile(path, 'x'.repeat(2048));
    const error = await refusal({ path, shownAs: 'task.json', flag: '--task' });
    expect(error.message).toMatch(message);
    expect(error.problem).toBe(problem);
    expect(error.file).toBe('task.json');
  });
});
