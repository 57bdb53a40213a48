import { expect } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { cliEnvironment } from '../../helpers/cli-environment.js';

/**
 * Runs the CLI in this process, as `quire <argv>` in `cwd`, with no API keys and no colours:
 * for the many quick cases (bad input) where spawning a process per case would cost more than
 * the case itself. Scenarios that need a real process (signals, kills) spawn the built CLI.
 */
export async function runMain({
  argv,
  cwd,
  env = {},
}: {
  argv: string[];
  cwd: string;
  /** Variables added to the clean environment. */
  env?: Record<string, string>;
}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    io: {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { PATH: process.env.PATH, ...cliEnvironment, ...env },
      cwd,
    },
    abortSignal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** Runs a bad command line in-process and returns what it left: exit code, stderr, the files. */
export async function runBadInput({ argv, cwd }: { argv: string[]; cwd: string }) {
  const { readdir } = await import('node:fs/promises');
  const before = await readdir(cwd, { recursive: true });
  const result = await runMain({ argv, cwd });
  return { ...result, before, after: await readdir(cwd, { recursive: true }) };
}

/** Exit 2, one line on stderr matching `message`, nothing written. */
export async function expectInputError({
  args,
  cwd,
  message,
}: {
  args: string[];
  cwd: string;
  message: RegExp;
}): Promise<void> {
  const result = await runBadInput({ argv: args, cwd });
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.code).toBe(2);
  expect(result.after).toEqual(result.before);
}
