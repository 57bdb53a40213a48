import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../helpers/run-cli.js';

describe('quire sim serve --api-key', () => {
  it('answers 401 without the key and 200 with it', async () => {
    const child = spawn(
      process.execPath,
      [cliPath, 'sim', 'serve', '--port', '0', '--api-key', 'sk-local'],
      { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`quire sim serve exited with ${code}`)));
      });
      expect((await fetch(`${url}/models`)).status).toBe(401);
      const allowed = await fetch(`${url}/models`, {
        headers: { authorization: 'Bearer sk-local' },
      });
      expect(allowed.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('refuses an empty key with one line and exit 2', async () => {
    const result = await runCli({ args: ['sim', 'serve', '--port', '0', '--api-key', ''] });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'quire: sim option --api-key is empty: give the key clients must send, or leave it out.',
    ]);
  });

  it('documents the flag in its help', async () => {
    const result = await runCli({ args: ['sim', 'serve', '--help'] });
    expect(result.stdout).toMatch(/--api-key <key>\s+require this bearer token/);
  });
});
