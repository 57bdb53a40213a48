import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import {
  type CommonOptions,
  loadCommandConfig,
  singlePassDefaults,
} from '../../src/cli/command-config.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

function quietIo(cwd: string): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd };
}

/** The quality level a command resolves in `cwd`, with its own defaults or the schema's. */
async function qualityOf({
  cwd,
  options = {},
  defaults,
}: {
  cwd: string;
  options?: CommonOptions;
  defaults?: Record<string, unknown>;
}) {
  const config = await loadCommandConfig({ options, io: quietIo(cwd), defaults });
  return config.write.quality;
}

describe('the quality level each command starts from', () => {
  it('is standard for quire write, the good-document setting', async () => {
    expect(await qualityOf({ cwd: await tempDir() })).toBe('standard');
  });

  it('is fast for quire sft and quire bench, under the config file and the flag', async () => {
    const cwd = await tempDir();
    expect(await qualityOf({ cwd, defaults: singlePassDefaults })).toBe('fast');
    expect(
      await qualityOf({ cwd, defaults: singlePassDefaults, options: { quality: 'best' } }),
    ).toBe('best');
    await writeFile(join(cwd, 'quire.config.json'), '{"write": {"quality": "standard"}}');
    expect(await qualityOf({ cwd, defaults: singlePassDefaults })).toBe('standard');
  });
});
