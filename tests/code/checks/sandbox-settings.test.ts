import { describe, expect, it } from 'vitest';
import { nodeSandboxFlags } from '../../../src/code/checks/node-sandbox-flags.js';
import {
  isSecretLooking,
  sanitiseEnvironment,
} from '../../../src/code/checks/sanitise-environment.js';

describe('sanitiseEnvironment', () => {
  it('keeps what programs need, points HOME and temp into the workspace, drops everything else', () => {
    const env = sanitiseEnvironment({
      env: {
        PATH: '/usr/bin',
        LANG: 'en_US.UTF-8',
        TZ: 'UTC',
        OPENAI_API_KEY: 'sk-x',
        OPENAI_BASE_URL: 'http://localhost',
        AWS_SECRET_ACCESS_KEY: 'a',
        NODE_OPTIONS: '--require x',
        HOME: '/home/user',
        SSH_AUTH_SOCK: '/tmp/agent',
        npm_config_userconfig: '/home/user/.npmrc',
      },
      home: '/runs/r1/workspace',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      LANG: 'en_US.UTF-8',
      TZ: 'UTC',
      HOME: '/runs/r1/workspace',
      USERPROFILE: '/runs/r1/workspace',
      TMPDIR: '/runs/r1/workspace',
      TMP: '/runs/r1/workspace',
      TEMP: '/runs/r1/workspace',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    });
  });

  it.each([
    'OPENAI_API_KEY',
    'GITHUB_TOKEN',
    'DB_PASSWORD',
    'CLIENT_SECRET',
    'SESSION_COOKIE',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'SENTRY_DSN',
  ])('treats %s as secret', (name) => expect(isSecretLooking(name)).toBe(true));

  it.each(['PATH', 'LANG', 'TZ', 'HOME'])('does not treat %s as secret', (name) =>
    expect(isSecretLooking(name)).toBe(false),
  );
});

describe('nodeSandboxFlags', () => {
  it('uses --experimental-permission where that is what the runtime has (Node 20)', () => {
    const result = nodeSandboxFlags({
      root: '/w',
      memoryLimitMb: 256,
      allowedFlags: new Set(['--experimental-permission']),
    });
    expect(result).toEqual({
      confinement: 'permission',
      flags: [
        '--max-old-space-size=256',
        '--experimental-permission',
        '--allow-fs-read=/w',
        '--allow-fs-write=/w',
      ],
    });
  });

  it('prefers --permission where the runtime has it, and never grants child processes or workers', () => {
    const result = nodeSandboxFlags({
      root: '/w',
      memoryLimitMb: 64,
      allowedFlags: new Set(['--permission', '--experimental-permission']),
    });
    expect(result.flags).toContain('--permission');
    expect(result.flags.join(' ')).not.toMatch(/allow-child-process|allow-worker/);
  });

  it('falls back to the memory limit alone, and says so, without a permission model', () => {
    expect(nodeSandboxFlags({ root: '/w', memoryLimitMb: 64, allowedFlags: new Set() })).toEqual({
      confinement: 'none',
      flags: ['--max-old-space-size=64'],
    });
  });

  it('finds the permission model in the Node running these tests', () => {
    expect(nodeSandboxFlags({ root: '/w', memoryLimitMb: 64 }).confinement).toBe('permission');
  });
});
