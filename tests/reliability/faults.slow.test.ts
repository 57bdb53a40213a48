import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import type { RunInfo } from '../../src/store/run-info-schema.js';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { writeFastConfig } from './helpers/fast-config.js';
import { observeSim, type SimObservation, totalFaults } from './helpers/observe-sim.js';
import { countEvents, readJournal } from './helpers/read-journal.js';
import { scale } from './helpers/reliability-scale.js';

const tempDir = useTempDir();
const servers: SimServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const request = 'Write a field guide to the salt marshes of the Wadden Sea';
// Small sections make many calls, so faults land on the planner and on many writing steps: 25
// sections at either scale (400 words each at the full scale), the quick one writing less text.
// The ledger is kept by rule here: a ledger reply still malformed after its retries falls back
// to the rule, which would change the document these runs compare against a clean one.
const writeSettings = { maxSectionWords: scale.faultWords / 25, ledger: 'rule' };
const seed = 1;
const everyFault = 'rate-limit+server-error+hang+cut+bad-json+empty';

interface Outcome {
  code: number | null;
  stderr: string;
  directory: string;
  info: RunInfo;
  document: string;
  seconds: number;
  observation: SimObservation;
}

/** Runs `quire write` against a fresh sim server with `options`, the way a user would. */
async function writeAgainst(options: Record<string, unknown>, apiKey?: string): Promise<Outcome> {
  const server = await startSimServer({ port: 0, options: { seed, ...options }, apiKey });
  servers.push(server);
  const observation = observeSim(server);
  const cwd = await tempDir();
  await writeFastConfig({ directory: cwd, write: writeSettings });
  const started = performance.now();
  const result = await runCli({
    args: [
      ...['write', '--quality', 'fast', request, '--words', String(scale.faultWords)],
      ...['--model', 'openai:sim', '--base-url', server.url],
    ],
    cwd,
    env: { OPENAI_API_KEY: 'sk-test' },
    timeoutMs: 120_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const directory = await onlyRun(cwd);
  const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8')) as RunInfo;
  const document = await readFile(join(directory, 'document.md'), 'utf8').catch(() => '');
  await server.close();
  return {
    code: result.code,
    stderr: result.stderr,
    directory,
    info,
    document,
    seconds,
    observation,
  };
}

/** The one run directory quire created under `<cwd>/outputs`. */
async function onlyRun(cwd: string): Promise<string> {
  const names = await readdir(join(cwd, 'outputs'));
  expect(names).toHaveLength(1);
  return join(cwd, 'outputs', names[0]!);
}

let clean: Outcome;
beforeAll(async () => {
  clean = await writeAgainst({});
  expect(clean.code, clean.stderr).toBe(0);
}, 180_000);

describe(`a ${scale.faultWords}-word write run on a server that fails calls`, () => {
  // One at a time: a loaded machine running the cases together stalls streams past the short
  // idle timeout, which would add retries no fault caused.
  it.each([
    ['20% of calls fail, spread over all six fault kinds', { errors: 0.2, faults: everyFault }],
    ['50% of calls fail, spread over all six fault kinds', { errors: 0.5, faults: everyFault }],
    // Only the planner asks for JSON, so malformed JSON needs its own, heavier dose to be sure
    // to land.
    ['90% of JSON replies are malformed', { badJson: 0.9 }],
  ])(
    'completes when %s, with the same document, and counts every retry in run.json',
    async (label, options) => {
      const faulty = await writeAgainst({ ...options, retryAfter: '20ms' });
      expect(faulty.code, faulty.stderr).toBe(0);
      expect(faulty.info.status).toBe('completed');
      // The sim's replies depend on the prompt only, so retries must not change the text.
      expect(faulty.document).toBe(clean.document);

      const { observation, info } = faulty;
      const usage = info.usage;
      const faults = totalFaults(observation);
      const overhead = {
        requests: observation.requests,
        // Each attempt draws its own fault; bad-json drawn on a text call does no harm.
        realisedFaultShare: ratio(faults, observation.requests),
        faultsByKind: observation.faults,
        extraCalls: usage.failedAttempts,
        extraInputTokens: usage.inputTokens - clean.info.usage.inputTokens,
        extraOutputTokens: usage.outputTokens - clean.info.usage.outputTokens,
        unreportedCutTokens: observation.unreportedCutTokens,
        inputOverhead: ratio(usage.inputTokens, clean.info.usage.inputTokens),
        callOverhead: ratio(usage.calls + usage.failedAttempts, clean.info.usage.calls),
        wallSeconds: { faulty: round(faulty.seconds), clean: round(clean.seconds) },
      };
      console.log(`retry overhead when ${label}: ${JSON.stringify(overhead)}`);

      expect(faults).toBeGreaterThan(0);
      const injectable = 'faults' in options ? options.faults.split('+') : ['bad-json'];
      expect(injectable).toEqual(expect.arrayContaining(Object.keys(observation.faults)));
      // Every attempt the server saw is in run.json: the usable calls, and one failed attempt
      // per injected fault, no more, no fewer.
      expect(usage.calls).toBe(clean.info.usage.calls);
      expect(usage.failedAttempts).toBe(faults);
      expect(usage.calls + usage.failedAttempts).toBe(observation.requests);
      // Failed replies whose usage reached quire are charged to the run, to the token. A cut
      // stream never delivers its usage, and quire records only what the provider reports, so
      // those tokens are printed above (unreportedCutTokens), not counted.
      expect(overhead.extraInputTokens).toBe(observation.reportedFailedTokens.input);
      expect(overhead.extraOutputTokens).toBe(observation.reportedFailedTokens.output);
      const { events } = await readJournal(faulty.directory);
      expect(countEvents(events, 'call-retry')).toBe(faults);
    },
    120_000,
  );
});

describe('a write run whose key the server rejects', () => {
  it('fails at the first call with one line naming the fix, never retries, and leaves no run', async () => {
    const server = await startSimServer({ port: 0, apiKey: 'sk-the-right-one' });
    servers.push(server);
    const cwd = await tempDir();
    // In this process: what is tested is the reply to a 401, not the process around it.
    const refused = await runMain({
      argv: [
        'write',
        '--quality',
        'fast',
        request,
        '--model',
        'openai:sim',
        '--base-url',
        server.url,
      ],
      cwd,
      env: { OPENAI_API_KEY: 'sk-test' },
    });
    expect(refused.code).toBe(2);
    // One line: no "retrying" line came before it.
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^quire: sim rejected the credentials \(401: .*\): check OPENAI_API_KEY/,
      ),
    ]);
    expect(await readdir(join(cwd, 'outputs'))).toEqual([]);
  });
});

function ratio(value: number, base: number): number {
  return round(value / base, 3);
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
