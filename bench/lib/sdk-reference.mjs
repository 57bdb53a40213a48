import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const client = fileURLToPath(new URL('./sdk-stream-client.mjs', import.meta.url));

/**
 * Starts the bare AI SDK streaming client (sdk-stream-client.mjs) against `url`; `stop()` ends
 * it and resolves with what it measured.
 */
export function startSdkReference({ url, wordsPerCall }) {
  const child = spawn(process.execPath, [client, url, String(wordsPerCall)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  return {
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0)
        throw new Error(`the SDK reference client exited with ${code}: ${stderr.trim()}`);
      return JSON.parse(stdout);
    },
  };
}
