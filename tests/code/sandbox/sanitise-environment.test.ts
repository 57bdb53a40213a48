import { describe, expect, it } from 'vitest';
import {
  passedVariables,
  sanitiseEnvironment,
} from '../../../src/code/sandbox/sanitise-environment.js';

/** Parts of a variable name that say it holds a credential. */
const secretLooking =
  /KEY|TOKEN|SECRET|PASSW(OR)?D|CREDENTIAL|AUTH|SESSION|COOKIE|PRIVATE|CERT|SIGNATURE|DSN|CONNECTION/i;

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
    'openai_api_key',
  ])('never passes %s, whatever its case', (name) => {
    const env = sanitiseEnvironment({ env: { [name]: 'value', PATH: '/usr/bin' }, home: '/w' });
    expect(Object.keys(env)).not.toContain(name);
    expect(env.PATH).toBe('/usr/bin');
  });

  // The allow-list is the only way in: no name on it may look like a credential.
  it.each(passedVariables)('passes %s, which names no credential', (name) => {
    expect(name).not.toMatch(secretLooking);
    expect(sanitiseEnvironment({ env: { [name]: 'x' }, home: '/w' })[name]).toBe('x');
  });
});
