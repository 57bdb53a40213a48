import { describe, expect, it } from 'vitest';
import { sandboxHints } from '../../../src/code/checks/sandbox-hints.js';

const limits = { memoryLimitMb: 128, diskQuotaMb: 16 };

describe('sandboxHints', () => {
  it.each([
    ['RangeError: Array buffer allocation failed', /memory limit \(128 MB/],
    [
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      /memory limit/,
    ],
    [
      "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc",
      /memory limit \(128 MB/,
    ],
    ['Error: ENOSPC: no space left on device, write', /disk quota: 16 MB/],
    ["code: 'EFBIG'", /disk quota/],
    ["EROFS: read-only file system, open '/sandbox/project/data.json'", /os\.tmpdir\(\)/],
    ["code: 'ERR_ACCESS_DENIED'", /no child processes or workers/],
    ['connect ECONNREFUSED 127.0.0.1:80', /no network/],
    ["EACCES: permission denied, open '/sandbox/project/a.js'", /readable by everyone/],
  ])('explains %s', (output, hint) => {
    const hints = sandboxHints({ output, ...limits });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(hint);
  });

  it('says nothing about an ordinary failure', () => {
    expect(sandboxHints({ output: 'AssertionError: 1 !== 2', ...limits })).toEqual([]);
  });
});
