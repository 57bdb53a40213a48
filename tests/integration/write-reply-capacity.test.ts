import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { writeDocument } from '../../src/write-document.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers: SimServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const request = 'Write a guide to the lighthouses of Brittany';

/** One in-process `quire write` on the sim with a per-reply ceiling; the run and its gate. */
async function writeWithCeiling({ ceiling, words }: { ceiling: number; words: number }) {
  const directory = join(await tempDir(), 'run');
  const result = await writeDocument({
    request,
    words,
    model: `sim:ceiling=${ceiling},seed=3`,
    directory,
    config: { write: { quality: 'fast' } },
  });
  return { result, gate: checkLengthGate({ produced: result.report.words, required: words }) };
}

async function readInfo(directory: string): Promise<RunInfo> {
  return JSON.parse(await readFile(join(directory, 'run.json'), 'utf8')) as RunInfo;
}

describe('quire write with a model that stops at N words per reply (sim ceiling)', () => {
  it.each([120, 250, 400])(
    'lands a 10,000-word request within 0.9×–1.2× at %i words per reply, and records what it learned',
    async (ceiling) => {
      const { result, gate } = await writeWithCeiling({ ceiling, words: 10_000 });
      expect(gate.status, `${result.report.words} words`).toBe('within');
      expect(result.info.status).toBe('completed');
      expect(result.stoppedEarly).toBe(false);
      const info = await readInfo(result.directory);
      expect(info.capacity?.recent.at(-1)).toBe(ceiling);
      // Parts fit one reply each: never more words asked of a part than the model writes.
      expect(Math.max(...result.plan.sections.map((section) => section.words))).toBeLessThanOrEqual(
        ceiling,
      );
      // Bounded calls: about one per part, plus the few repairs.
      expect(info.usage.calls).toBeLessThan((10_000 / ceiling) * 1.3 + 10);
    },
    180_000,
  );

  it('stops a model that writes 3 words per reply after a few calls, exit 1, with one line naming it', async () => {
    const cwd = await tempDir();
    const run = await runCli({
      args: [
        'write',
        '--quality',
        'fast',
        request,
        '--words',
        '10000',
        '--model',
        'sim:ceiling=3',
        '--out',
        'run',
      ],
      cwd,
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(/^quire: Incomplete: the model writes about 3 words per reply/);
    expect(last).toContain(`quire resume ${join(cwd, 'run')}`);
    // No summary of a run stopped early (and no HTML report in the suite's environment).
    expect(run.stdout).toBe('');
    const info = await readInfo(join(cwd, 'run'));
    expect(info.status).toBe('incomplete-length');
    expect(info.stopReason).toMatch(
      /about 3 words per reply .* under write\.minWordsPerReply \(50\)/,
    );
    // A few drafting calls after the plan (however many attempts the plan itself took).
    const planEnd = (await readFile(join(cwd, 'run', 'journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; attempts?: number })
      .find((event) => event.type === 'plan-end');
    expect(info.usage.calls - (planEnd?.attempts ?? 0)).toBeLessThanOrEqual(4);
    expect(info.capacity).toMatchObject({ model: 'sim:ceiling=3', recent: [3, 3] });
  }, 60_000);

  it('over HTTP (quire sim serve), lands 10,000 words at 250 words per reply with exit 0', async () => {
    const server = await startSimServer({ port: 0, options: { ceiling: 250, seed: 5 } });
    servers.push(server);
    const cwd = await tempDir();
    const run = await runCli({
      args: [
        ...['write', '--quality', 'fast', request, '--words', '10000', '--out', 'run'],
        ...['--model', 'openai:sim', '--base-url', server.url],
      ],
      cwd,
      env: { OPENAI_API_KEY: 'sk-test' },
      timeoutMs: 170_000,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Wrote /);
    expect(run.stderr).toMatch(/the model writes about 250 words per reply/);
    const info = await readInfo(join(cwd, 'run'));
    const report = JSON.parse(await readFile(join(cwd, 'run', 'report.json'), 'utf8'));
    expect(checkLengthGate({ produced: report.words, required: 10_000 }).status).toBe('within');
    expect(info.capacity?.recent.at(-1)).toBe(250);
  }, 180_000);

  it('lands a model that writes about 300 words whatever it is asked (sim fixed)', async () => {
    const directory = join(await tempDir(), 'run');
    const result = await writeDocument({
      request,
      words: 6_000,
      model: 'sim:fixed=300,seed=7',
      directory,
      config: { write: { quality: 'fast' } },
    });
    expect(checkLengthGate({ produced: result.report.words, required: 6_000 }).status).toBe(
      'within',
    );
    expect(result.info.status).toBe('completed');
  }, 120_000);

  it('follows a ceiling that shrinks as the prompt grows (sim shrink), and stops honestly when it fades', async () => {
    const bounded = await writeDocument({
      request,
      words: 6_000,
      model: 'sim:ceiling=600,shrink=0.5,seed=7',
      directory: join(await tempDir(), 'bounded'),
      config: { write: { quality: 'fast' } },
    });
    expect(bounded.info.status).toBe('completed');
    expect(bounded.info.capacity?.recent.at(-1)).toBeLessThan(400);

    // With all previous text in every prompt the replies fade until the run stops, saying why.
    const full = await writeDocument({
      request,
      words: 6_000,
      model: 'sim:ceiling=600,shrink=0.5,seed=7',
      directory: join(await tempDir(), 'full'),
      config: { write: { quality: 'fast', contextPolicy: 'full' } },
    });
    expect(full.info.status).toBe('incomplete-length');
    expect(full.stoppedEarly).toBe(true);
    expect(full.info.stopReason).toMatch(/^the model writes about \d+ words per reply/);
  }, 120_000);
});
