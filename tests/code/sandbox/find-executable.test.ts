import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../../src/code/sandbox/find-executable.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('findExecutable', () => {
  const tempDir = useTempDir();

  it('finds an executable on the search path, skipping files that cannot run and relative folders', async () => {
    const base = await tempDir();
    await mkdir(join(base, 'a'));
    await mkdir(join(base, 'b'));
    await writeFile(join(base, 'a', 'quire-tool'), 'not executable');
    await writeFile(join(base, 'b', 'quire-tool'), '#!/bin/sh\n');
    await chmod(join(base, 'b', 'quire-tool'), 0o755);
    const searchPath = ['relative', join(base, 'a'), join(base, 'b')].join(':');
    expect(await findExecutable({ name: 'quire-tool', searchPath })).toBe(
      join(base, 'b', 'quire-tool'),
    );
    expect(
      await findExecutable({ name: 'quire-no-such-tool', searchPath: join(base, 'a') }),
    ).toBeUndefined();
  });
});
