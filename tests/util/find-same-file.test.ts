import { link, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSameFile } from '../../src/util/find-same-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('findSameFile', () => {
  it('finds an input however the output path reaches it: spelled otherwise, a symlink, a hard link', async () => {
    const dir = await tempDir();
    const input = { path: join(dir, 'doc.md'), what: 'the document' };
    await writeFile(input.path, 'x');
    await symlink(input.path, join(dir, 'via-symlink.md'));
    await link(input.path, join(dir, 'via-hard-link.md'));
    for (const output of ['doc.md', './sub/../doc.md', 'via-symlink.md', 'via-hard-link.md']) {
      const candidates = [{ path: join(dir, 'other.md'), what: 'x' }, input];
      expect(await findSameFile({ path: join(dir, output), candidates }), output).toBe(input);
    }
  });

  it('finds nothing for an output that does not exist yet or is another file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), 'x');
    await writeFile(join(dir, 'b.md'), 'x');
    const candidates = [{ path: join(dir, 'a.md') }];
    expect(await findSameFile({ path: join(dir, 'new.json'), candidates })).toBeUndefined();
    expect(await findSameFile({ path: join(dir, 'b.md'), candidates })).toBeUndefined();
  });
});
