import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchManifestSchema, openBenchFolder } from '../../src/bench/open-bench-folder.js';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import { UsageError } from '../../src/errors/usage-error.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const manifest = {
  benchmark: 'longbench-write' as const,
  mode: 'direct' as const,
  model: 'sim',
  judge: null,
  data: 'data.jsonl',
};

describe('openBenchFolder', () => {
  it('creates the folder with its manifest, then reopens it for the same benchmark', async () => {
    const directory = join(await tempDir(), 'out');
    expect(await openBenchFolder({ directory, shownAs: 'out', manifest })).toEqual({
      resumed: false,
    });
    const written = BenchManifestSchema.parse(
      JSON.parse(await readFile(join(directory, 'bench.json'), 'utf8')),
    );
    expect(written).toMatchObject(manifest);
    expect(await openBenchFolder({ directory, shownAs: 'out', manifest })).toEqual({
      resumed: true,
    });
  });

  it('refuses to mix results of another mode, model or judge', async () => {
    const directory = join(await tempDir(), 'out');
    await openBenchFolder({ directory, shownAs: 'out', manifest });
    const error = await openBenchFolder({
      directory,
      shownAs: 'out',
      manifest: { ...manifest, mode: 'quire', judge: 'openai:judge' },
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      '--out out holds results of mode direct, judge none, not mode quire, judge openai:judge: choose another --out so the results are not mixed.',
    );
  });

  it('refuses a folder that holds something else', async () => {
    const directory = join(await tempDir(), 'out');
    await mkdir(directory);
    await writeFile(join(directory, 'notes.txt'), 'mine');
    const error = await openBenchFolder({ directory, shownAs: 'out', manifest }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error.message).toMatch(/--out out exists and is not a quire benchmark folder/);
  });
});
