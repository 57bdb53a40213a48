import { describe, expect, it } from 'vitest';
import { bubblewrapArguments } from '../../../src/code/sandbox/bubblewrap-arguments.js';

const base = {
  tools: { bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv' },
  systemMounts: [
    { path: '/usr' },
    { path: '/lib', linkTarget: 'usr/lib' },
    { path: '/etc/ld.so.cache' },
  ],
  extraFiles: ['/opt/node/bin/node'],
  root: '/runs/a*b,c/workspace',
  diskQuotaMb: 8,
  limits: ['--data=1', '--nproc=64'],
  nodePath: '/opt/node/bin/node',
  nodeArgs: ['--check', '--', './--require=x.cjs'],
};

/** The values following each occurrence of `flag`. */
const valuesOf = (args: string[], flag: string, count = 1) =>
  args.flatMap((arg, index) => (arg === flag ? [args.slice(index + 1, index + 1 + count)] : []));

describe('bubblewrapArguments', () => {
  it('as a normal user: a user namespace with no nested ones, and no privilege drop', () => {
    const args = bubblewrapArguments({ ...base, uid: undefined });
    expect(args.slice(0, 3)).toEqual(['--unshare-all', '--unshare-user', '--disable-userns']);
    expect(args).not.toContain('/usr/bin/setpriv');
    expect(args).toContain('--die-with-parent');
    expect(args).toContain('--new-session');
  });

  it('as root: every namespace but the user one, then setpriv to the given user with no capabilities, then the limits', () => {
    const args = bubblewrapArguments({ ...base, uid: 61_999 });
    expect(args).not.toContain('--unshare-user');
    for (const namespace of ['ipc', 'pid', 'net', 'uts']) {
      expect(args).toContain(`--unshare-${namespace}`);
    }
    const command = args.slice(args.indexOf('--') + 1);
    expect(command).toEqual([
      '/usr/bin/setpriv',
      '--reuid=61999',
      '--regid=61999',
      '--clear-groups',
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--',
      '/usr/bin/prlimit',
      '--data=1',
      '--nproc=64',
      '--',
      '/opt/node/bin/node',
      '--check',
      '--',
      './--require=x.cjs',
    ]);
  });

  it('shows the project read-only at a fixed path inside a tmpfs of the quota, whatever its real path holds', () => {
    const args = bubblewrapArguments({ ...base, uid: undefined });
    expect(valuesOf(args, '--ro-bind', 2)).toContainEqual([
      '/runs/a*b,c/workspace',
      '/sandbox/project',
    ]);
    expect(valuesOf(args, '--size', 3)).toEqual([[String(8 * 1024 * 1024), '--tmpfs', '/sandbox']]);
    expect(valuesOf(args, '--dir')).toContainEqual(['/sandbox/tmp']);
    expect(valuesOf(args, '--chdir')).toEqual([['/sandbox/project']]);
    expect(valuesOf(args, '--remount-ro')).toEqual([['/dev']]);
    expect(args.filter((arg) => arg.includes('/runs/'))).toHaveLength(1);
  });

  it('binds system folders read-only, recreates links, and makes the parents of bound files searchable', () => {
    const args = bubblewrapArguments({ ...base, uid: undefined });
    expect(valuesOf(args, '--ro-bind', 2)).toEqual(
      expect.arrayContaining([
        ['/usr', '/usr'],
        ['/etc/ld.so.cache', '/etc/ld.so.cache'],
        ['/opt/node/bin/node', '/opt/node/bin/node'],
      ]),
    );
    expect(valuesOf(args, '--symlink', 2)).toEqual([['usr/lib', '/lib']]);
    expect(valuesOf(args, '--dir')).toEqual(
      expect.arrayContaining([['/etc'], ['/opt/node/bin'], ['/sandbox/tmp']]),
    );
    expect(args.indexOf('/etc')).toBeLessThan(args.indexOf('/etc/ld.so.cache'));
    expect(args).not.toContain('/home');
    expect(args).not.toContain('/run');
  });
});
