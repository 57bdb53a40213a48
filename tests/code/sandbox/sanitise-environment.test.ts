import { describe, expect, it } from 'vitest';
import {
  isSecretLooking,
  sanitiseEnvironment,
} from '../../../src/code/sandbox/sanitise-environment.js';

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
