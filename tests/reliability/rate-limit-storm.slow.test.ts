import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallPool } from '../../src/model/call-pool.js';
import { callText } from '../../src/model/call-text.js';
import { runCli } from '../helpers/run-cli.js';
import { simOverHttp } from '../helpers/sim-http.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { observeSim } from './helpers/observe-sim.js';

const tempDir = useTempDir();

/** A 429 storm: half the requests rate limited, and each 429 holds the server for its Retry-After. */
const storm = {
  seed: 4,
  ttft: '10ms',
  'rate-limit': 0.5,
  hold: 'on',
  'retry-after': '150ms',
} as const;
const streams = 8;
const callsPerStream = 4;

/** `streams` loops of `callsPerStream` calls each, sharing `pool` or each on its own. */
async function sendCalls(pool: CallPool | undefined): Promise<number> {
  const { server, model } = await simOverHttp(storm);
  const seen = observeSim(server);
  await Promise.all(
    Array.from({ length: streams }, async (_, stream) => {
      for (let call = 0; call < callsPerStream; call++) {
        await callText({
          model,
          pool,
          retry: { maxAttempts: 40, initialDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 5_000 },
          prompt: `Stream ${stream}, call ${call}: write about tides in 40 words.`,
          maxOutputTokens: 200,
        });
      }
    }),
  );
  return seen.requests;
}

describe('a 429 storm on the sim server', () => {
  it('costs fewer requests through one shared pool than through independent retry loops', async () => {
    const independent = await sendCalls(undefined);
    const pooled = await sendCalls(new CallPool({ size: streams }));
    console.log(
      `429 storm: ${pooled} requests pooled, ${independent} with ${streams} independent retry loops`,
    );
    expect(pooled).toBeLessThan(independent);
  }, 120_000);

  it('lets a --parallel 8 run complete', async () => {
    const { server, baseUrl } = await simOverHttp(storm);
    const seen = observeSim(server);
    const cwd = await tempDir();
    await writeFastConfig({ directory: cwd, write: { maxSectionWords: 300 } });
    const result = await runCli({
      args: [
        ...[
          'write',
          '--quality',
          'fast',
          'Write a guide to the lighthouses of Brittany',
          '--words',
          '2000',
        ],
        ...['--model', 'openai:sim', '--base-url', baseUrl, '--out', 'run', '--parallel', '8'],
      ],
      cwd,
      env: { OPENAI_API_KEY: 'sk-test' },
      timeoutMs: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const info = JSON.parse(await readFile(join(cwd, 'run', 'run.json'), 'utf8'));
    expect(info.status).toBe('completed');
    expect(seen.faults['rate-limit']).toBeGreaterThan(0);
  }, 150_000);
});
