import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLine } from './quote-argument.mjs';
import { expectSuccess, runQuire } from './run-quire.mjs';
import { startSdkReference } from './sdk-reference.mjs';
import { latencyFlags, simServeCommand, withSimServer } from './sim-process.mjs';

const request = 'Write a guide to the lighthouses of the Atlantic coast of Europe';
/** Words per call of the reference client: long replies, as quire's sections are. */
const referenceWords = 500;

/**
 * Wall time of one whole `quire write` of `words` words, planning included, against a server
 * with realistic latency, next to the physical limit. quire's calls run one after another, so
 * no schedule can beat
 *
 *     bound = outputTokens / tps + attempts × ttft
 *
 * (every attempt waits ttft for its first token, then the server paces its output at tps).
 * Reported: wall ÷ bound, and the CPU time of the quire process itself ÷ wall. Wall time runs
 * from spawning the CLI to its exit, so Node's start-up, planning, checks, evaluation and disk
 * writes all count against quire. Meanwhile a bare AI SDK client streams from the same server
 * (sdk-stream-client.mjs): its CPU per token is what streaming itself costs, the reference for
 * how much of quire's CPU is quire's own.
 */
export async function measureWallTime({ words, ttftMs, tps, slots, workDirectory }) {
  const flags = latencyFlags({ ttftMs, tps, slots });
  return withSimServer(flags, async (url) => {
    const out = `wall-${words}`;
    const args = ['write', request, '--words', String(words), '--json', '--out', out];
    // quire uses one of the server's slots at a time; the reference client uses another.
    const reference = startSdkReference({ url, wordsPerCall: referenceWords });
    const run = await runQuire({
      args: [...args, '--model', 'openai:sim', '--base-url', url],
      cwd: workDirectory,
      env: { OPENAI_API_KEY: 'sim' },
    });
    const sdk = await reference.stop();
    expectSuccess(run, `the ${words}-word run`);
    const info = JSON.parse(await readFile(join(workDirectory, out, 'run.json'), 'utf8'));
    const { usage } = info;
    const attempts = usage.calls + usage.failedAttempts;
    const boundSeconds = usage.outputTokens / tps + (attempts * ttftMs) / 1000;
    const inCallsSeconds = usage.latencyMs / 1000;
    return {
      server: simServeCommand(flags),
      command: commandLine([...args, '--model', 'openai:sim', '--base-url', '<sim-url>']),
      words,
      documentWords: run.events.find((event) => event.type === 'result')?.words,
      settings: { ttftMs, tps, slots },
      outputTokens: usage.outputTokens,
      calls: usage.calls,
      failedAttempts: usage.failedAttempts,
      wallSeconds: round(run.wallSeconds, 2),
      boundSeconds: round(boundSeconds, 2),
      wallToBound: round(run.wallSeconds / boundSeconds, 3),
      cpuSeconds: round(run.cpuSeconds, 2),
      cpuShare: round(run.cpuSeconds / run.wallSeconds, 4),
      // Where the time beyond the bound went: inside calls (transport, streaming) or outside
      // them (start-up, planning work, checks, evaluation, disk).
      inCallsSeconds: round(inCallsSeconds, 2),
      outsideCallsSeconds: round(run.wallSeconds - inCallsSeconds, 2),
      cpuMsPerThousandTokens: round((run.cpuSeconds * 1e6) / usage.outputTokens, 1),
      sdkReference: {
        command: `node bench/lib/sdk-stream-client.mjs <sim-url> ${referenceWords}`,
        calls: sdk.calls,
        chunks: sdk.chunks,
        outputTokens: sdk.outputTokens,
        cpuSeconds: round(sdk.cpuSeconds, 2),
        wallSeconds: round(sdk.wallSeconds, 2),
        cpuShare: round(sdk.cpuSeconds / sdk.wallSeconds, 4),
        cpuMsPerThousandTokens: round((sdk.cpuSeconds * 1e6) / sdk.outputTokens, 1),
      },
    };
  });
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}
