import { describe, expect, it } from 'vitest';
import { nodeFlags } from '../../../src/code/sandbox/node-flags.js';

describe('nodeFlags', () => {
  const paths = { readPaths: ['/sandbox'], writePaths: ['/sandbox/tmp'] };

  it('uses --experimental-permission where that is what the runtime has (Node 20), one flag per path', () => {
    const flags = nodeFlags({
      memoryLimitMb: 256,
      permissionModel: true,
      readPaths: ['/sandbox/project', '/sandbox/tmp'],
      writePaths: ['/sandbox/tmp'],
      allowedFlags: new Set(['--experimental-permission']),
    });
    expect(flags).toEqual([
      '--max-old-space-size=256',
      '--no-warnings',
      '--experimental-permission',
      '--allow-fs-read=/sandbox/project',
      '--allow-fs-read=/sandbox/tmp',
      '--allow-fs-write=/sandbox/tmp',
    ]);
  });

  it('prefers --permission where the runtime has it, and never grants child processes or workers', () => {
    const flags = nodeFlags({
      memoryLimitMb: 64,
      permissionModel: true,
      ...paths,
      allowedFlags: new Set(['--permission', '--experimental-permission']),
    });
    expect(flags).toContain('--permission');
    expect(flags.join(' ')).not.toMatch(/allow-child-process|allow-worker|allow-addons|allow-wasi/);
  });

  it('keeps the heap limit alone when the permission model is off or missing', () => {
    const expected = ['--max-old-space-size=64', '--no-warnings'];
    expect(nodeFlags({ memoryLimitMb: 64, permissionModel: false, ...paths })).toEqual(expected);
    expect(
      nodeFlags({ memoryLimitMb: 64, permissionModel: true, ...paths, allowedFlags: new Set() }),
    ).toEqual(expected);
  });

  it('finds the permission model in the Node running these tests', () => {
    expect(nodeFlags({ memoryLimitMb: 64, permissionModel: true, ...paths }).length).toBe(5);
  });
});
