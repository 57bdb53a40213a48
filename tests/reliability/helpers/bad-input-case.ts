import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeReadOnly } from '../../helpers/read-only-dir.js';
import { snapshotTree } from './snapshot-tree.js';

/** One way to call quire wrongly, and what it must say. */
export interface BadInput {
  /** The command line after `quire`. */
  args: string[];
  /** What must be in the one error line. */
  message: RegExp;
  /** Files to create in the working directory first (text or raw bytes); a trailing `/` makes a folder. */
  files?: Record<string, string | Buffer>;
  /** FIFOs to create. */
  fifos?: string[];
  /** Sparse files of the given size in bytes: huge, yet free to make. */
  sparse?: Record<string, number>;
  /** Symbolic links to create: name → target. */
  links?: Record<string, string>;
  /** Folders made read-only before the run (and writable again after). */
  readOnly?: string[];
  env?: Record<string, string>;
}

/** What a command left: exit code and output. */
export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Creates the case's files in `cwd`, runs it with `run`, and checks the contract of bad input:
 * exit 2, one line on stderr starting `quire: ` and matching the message, nothing on stdout,
 * and nothing in the working directory created, changed or removed.
 */
export async function expectRefusal({
  cwd,
  badInput,
  run,
}: {
  cwd: string;
  badInput: BadInput;
  run: (input: {
    args: string[];
    cwd: string;
    env?: Record<string, string>;
  }) => Promise<CommandOutcome>;
}): Promise<CommandOutcome> {
  await createFiles(cwd, badInput);
  const undo = await Promise.all(
    (badInput.readOnly ?? []).map((folder) => makeReadOnly(join(cwd, folder))),
  );
  try {
    const before = await snapshotTree(cwd);
    const result = await run({ args: badInput.args, cwd, env: badInput.env });
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^quire: /);
    expect(lines[0]).toMatch(badInput.message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(await snapshotTree(cwd)).toEqual(before);
    return result;
  } finally {
    await Promise.all(undo.map((each) => each()));
  }
}

async function createFiles(cwd: string, badInput: BadInput): Promise<void> {
  const parent = async (name: string) => {
    const path = join(cwd, name);
    await mkdir(join(path, '..'), { recursive: true });
    return path;
  };
  for (const [name, content] of Object.entries(badInput.files ?? {})) {
    if (name.endsWith('/')) await mkdir(join(cwd, name), { recursive: true });
    else await writeFile(await parent(name), content);
  }
  for (const name of badInput.fifos ?? []) execFileSync('mkfifo', [await parent(name)]);
  for (const [name, bytes] of Object.entries(badInput.sparse ?? {})) {
    const path = await parent(name);
    await writeFile(path, '');
    await truncate(path, bytes);
  }
  for (const [name, target] of Object.entries(badInput.links ?? {})) {
    await symlink(target, await parent(name));
  }
}
