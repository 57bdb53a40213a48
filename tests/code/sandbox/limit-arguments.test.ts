import { describe, expect, it } from 'vitest';
import {
  addressReserveMb,
  limitArguments,
  openFilesLimit,
  runtimeAllowanceMb,
} from '../../../src/code/sandbox/limit-arguments.js';

const mebibytes = (count: number) => count * 1024 * 1024;

describe('limitArguments', () => {
  it('limits writable memory, address space (loosely), file size and open files, with no core dumps', () => {
    expect(limitArguments({ memoryLimitMb: 100, diskQuotaMb: 10, taskLimit: 70 })).toEqual([
      `--data=${mebibytes(100 + runtimeAllowanceMb)}`,
      `--as=${mebibytes(100 + runtimeAllowanceMb + addressReserveMb)}`,
      `--fsize=${mebibytes(10)}`,
      `--nofile=${openFilesLimit}`,
      '--core=0',
      '--nproc=70',
    ]);
  });

  it('leaves the process limit alone when told to (it would not bind root)', () => {
    const args = limitArguments({ memoryLimitMb: 100, diskQuotaMb: 10, taskLimit: undefined });
    expect(args.some((arg) => arg.startsWith('--nproc'))).toBe(false);
  });
});
