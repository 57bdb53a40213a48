import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkLengthGate } from '../../dist/evaluators/length-gate.js';
import { commandLine } from './quote-argument.mjs';
import { expectSuccess, runQuire } from './run-quire.mjs';
import { latencyFlags, simServeCommand, withSimServer } from './sim-process.mjs';

const request = 'Write a guide to the lighthouses of the Atlantic coast of Europe';

/**
 * `quire write --parallel N` against sequential drafting of the same plan, on one `quire sim
 * serve` with realistic latency. The parallel run plans; the sequential run is given its plan
 * (`--plan`), so planning counts against the parallel run only. Reported for each: wall time,
 * tokens, the CPU share of the quire process, and whether every section is within its length
 * gate (words against its budget, 0.9× to 1.2×); and for the parallel run, its seam pass and
 * wall ÷ the physical bound of a parallel schedule,
 *
 *     bound = max(critical path, Σ over calls (ttft + output ÷ tps) ÷ slots)
 *
 * taken stage by stage, since each stage starts when the one before it ends: planning (its
 * measured time), drafting (the critical path being the slowest section's own calls, one after
 * another) and the seam pass (its check, then the slowest repair).
 */
export async function measureParallelDrafting({
  words,
  ttftMs,
  tps,
  slots,
  parallel,
  workDirectory,
}) {
  const flags = latencyFlags({ ttftMs, tps, slots });
  return withSimServer(flags, async (url) => {
    const model = ['--model', 'openai:sim', '--base-url', url];
    // The single pass: the seam pass runs on its own after parallel drafting, with no review.
    const base = ['write', request, '--words', String(words), '--quality', 'fast', '--json'];
    const parallelArgs = [...base, '--out', 'parallel', '--parallel', String(parallel)];
    const fast = await measureRun({ args: parallelArgs, model, out: 'parallel', workDirectory });
    const planFile = join(workDirectory, 'parallel-plan.json');
    await writeFile(planFile, await readFile(join(workDirectory, 'parallel', 'plan.json'), 'utf8'));
    const sequentialArgs = [...base, '--out', 'sequential', '--plan', planFile];
    const slow = await measureRun({
      args: sequentialArgs,
      model,
      out: 'sequential',
      workDirectory,
    });
    const bound = physicalBound({
      events: fast.events,
      ttftMs,
      tps,
      slots: Math.min(slots, parallel),
    });
    return {
      server: simServeCommand(flags),
      commands: {
        parallel: commandLine([
          ...parallelArgs,
          '--model',
          'openai:sim',
          '--base-url',
          '<sim-url>',
        ]),
        sequential: commandLine([
          ...base,
          '--out',
          'sequential',
          '--plan',
          '<the parallel run plan.json>',
          '--model',
          'openai:sim',
          '--base-url',
          '<sim-url>',
        ]),
      },
      words,
      parallel,
      settings: { ttftMs, tps, slots },
      parallelRun: fast.summary,
      sequentialRun: slow.summary,
      speedUp: round(slow.summary.wallSeconds / fast.summary.wallSeconds, 2),
      tokenRatio: round(fast.summary.totalTokens / slow.summary.totalTokens, 3),
      boundSeconds: round(bound.seconds, 2),
      criticalPathSeconds: round(bound.criticalPath, 2),
      wallToBound: round(fast.summary.wallSeconds / bound.seconds, 3),
      seamPass: seamPass({ events: fast.events, stages: fast.stages }),
    };
  });
}

async function measureRun({ args, model, out, workDirectory }) {
  const run = await runQuire({
    args: [...args, ...model],
    cwd: workDirectory,
    env: { OPENAI_API_KEY: 'sim' },
  });
  expectSuccess(run, `the ${out} run`);
  const info = JSON.parse(await readFile(join(workDirectory, out, 'run.json'), 'utf8'));
  const ends = run.events.filter((event) => event.type === 'step-end');
  const outside = ends.filter(
    (event) =>
      checkLengthGate({ produced: event.words, required: event.budget }).status !== 'within',
  );
  return {
    events: run.events,
    stages: info.stages,
    summary: {
      wallSeconds: round(run.wallSeconds, 2),
      documentWords: run.events.find((event) => event.type === 'result')?.words,
      sections: ends.length,
      sectionsOutsideGate: outside.length,
      totalTokens: info.usage.inputTokens + info.usage.outputTokens,
      outputTokens: info.usage.outputTokens,
      calls: info.usage.calls,
      failedAttempts: info.usage.failedAttempts,
      cpuSeconds: round(run.cpuSeconds, 2),
      cpuShare: round(run.cpuSeconds / run.wallSeconds, 4),
    },
  };
}

/** The physical bound of the run's schedule, from its journal events (see above). */
function physicalBound({ events, ttftMs, tps, slots }) {
  const callSeconds = (calls, outputTokens) => (calls * ttftMs) / 1000 + outputTokens / tps;
  const total = (list) => list.reduce((sum, seconds) => sum + seconds, 0);
  const longest = (list) => Math.max(0, ...list);
  const checks = new Map();
  for (const event of events) {
    if (event.type === 'check-end')
      checks.set(event.sectionId, (checks.get(event.sectionId) ?? 0) + 1);
  }
  const sections = events
    .filter((event) => event.type === 'step-end')
    .map((event) => callSeconds(checks.get(event.sectionId) ?? 1, event.usage.outputTokens));
  const start = events.find((event) => event.type === 'run-start');
  const planned = events.find((event) => event.type === 'plan-end');
  const planSeconds =
    start && planned ? (Date.parse(planned.time) - Date.parse(start.time)) / 1000 : 0;
  // The seam check's calls run side by side; each repair (a rewrite, then a recheck) after them.
  const check = events.find((event) => event.type === 'seam-check-end');
  const checkWork = check ? callSeconds(check.calls, check.usage.outputTokens) : 0;
  const repairs = events
    .filter((event) => event.type === 'seam-repair-end')
    .map((event) => callSeconds(2, event.usage.outputTokens));
  const seamChain = check ? checkWork / Math.max(1, check.calls) + longest(repairs) : 0;
  return {
    criticalPath: planSeconds + longest(sections) + seamChain,
    seconds:
      planSeconds +
      Math.max(longest(sections), total(sections) / slots) +
      Math.max(seamChain, (checkWork + total(repairs)) / slots),
  };
}

/** What the parallel run's seam pass did: seams checked, found and repaired, and its tokens. */
function seamPass({ events, stages }) {
  const check = events.find((event) => event.type === 'seam-check-end');
  const repairs = events.filter((event) => event.type === 'seam-repair-end');
  return {
    seams: check?.seams ?? 0,
    findings: check?.findings ?? 0,
    repairs: repairs.length,
    kept: repairs.filter((event) => event.kept).length,
    tokens: stages?.seams ? stages.seams.inputTokens + stages.seams.outputTokens : 0,
  };
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}
