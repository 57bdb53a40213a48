import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countsTasksPerUserNamespace,
  countUserTasks,
} from '../../../src/code/sandbox/count-user-tasks.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('countUserTasks', () => {
  const tempDir = useTempDir();

  it("sums the threads of the user's processes by real uid, ignoring others and non-process entries", async () => {
    const proc = await tempDir();
    const process = async (pid: string, uids: string, threads: number) => {
      await mkdir(join(proc, pid));
      await writeFile(
        join(proc, pid, 'status'),
        `Name:\tnode\nUid:\t${uids}\nGid:\t0\t0\t0\t0\nThreads:\t${threads}\n`,
      );
    };
    await process('10', '1000\t1000\t1000\t1000', 7);
    await process('11', '1000\t1000\t1000\t1000', 1);
    await process('12', '0\t1000\t1000\t1000', 3); // effective 1000, real root: not counted
    await process('13', '2000\t2000\t2000\t2000', 4);
    await mkdir(join(proc, 'self'));
    expect(await countUserTasks({ uid: 1000, procRoot: proc })).toBe(8);
    expect(await countUserTasks({ uid: 3000, procRoot: proc })).toBe(0);
    expect(await countUserTasks({ uid: 1000, procRoot: join(proc, 'missing') })).toBe(0);
  });

  it('counts this very process on Linux', async () => {
    if (process.platform !== 'linux') return;
    expect(await countUserTasks({ uid: process.getuid!() })).toBeGreaterThan(0);
  });
});

describe('countsTasksPerUserNamespace', () => {
  it.each([
    ['6.18.44-fc', true],
    ['5.14.0-284.el9.x86_64', true],
    ['5.15.0-91-generic', true],
    ['5.13.19', false],
    ['5.10.0-26-amd64', false],
    ['4.18.0-513.el8.x86_64', false],
  ])('Linux %s: %s', (release, expected) => {
    expect(countsTasksPerUserNamespace(release)).toBe(expected);
  });
});
