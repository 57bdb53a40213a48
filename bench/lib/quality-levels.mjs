import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { qualityLevels, qualityTable } from '../../dist/config/quality-levels.js';
import { defectsIn } from '../../dist/sim/planted-defects-in.js';
import { reviewPaths } from '../../dist/store/review-files.js';
import { commandLine } from './quote-argument.mjs';
import { expectSuccess, runQuire } from './run-quire.mjs';
import { simServeCommand, withSimServer } from './sim-process.mjs';

const request = 'Write a history of the harbour pilots of Lisbon and their guild';

/**
 * Every `--quality` level on the same request, on `quire sim serve` planting writing defects in
 * a share of the sections (`--defects`), once per seed. Each run has its own server, so its
 * `--defect-log` holds its own ground truth. Reported per level, summed over the seeds: tokens,
 * calls and wall time, each also ÷ the first level's (fast); tokens per stage as run.json counts
 * them; the planted defects that reached the draft (the document before any review) and those
 * left in document.md. What a level turns on is read from quire's own table, so a loop added to
 * the levels shows here without a change.
 */
export async function measureQualityLevels({ words, seeds, defects, ttftMs, tps, workDirectory }) {
  const runs = [];
  for (const seed of seeds) {
    for (const level of qualityLevels) {
      runs.push(await measureRun({ level, seed, words, defects, ttftMs, tps, workDirectory }));
    }
  }
  const levels = qualityLevels.map((level) => sumRuns(runs.filter((run) => run.level === level)));
  const [baseline] = levels;
  return {
    server: simServeCommand(serverFlags({ seed: '<seed>', defects, ttftMs, tps, log: '<file>' })),
    command: commandLine([
      ...writeArgs({ words, level: '<level>', out: '<dir>' }),
      ...model('<sim-url>'),
    ]),
    words,
    seeds,
    settings: { defects, ttftMs, tps },
    levels: levels.map((total) => ({
      ...total,
      tokensToFast: ratio(total.tokens, baseline.tokens),
      callsToFast: ratio(total.calls, baseline.calls),
      wallToFast: ratio(total.wallSeconds, baseline.wallSeconds),
    })),
    runs,
  };
}

async function measureRun({ level, seed, words, defects, ttftMs, tps, workDirectory }) {
  const out = `quality-${level}-${seed}`;
  const log = join(workDirectory, `${out}-defects.jsonl`);
  return withSimServer(serverFlags({ seed, defects, ttftMs, tps, log }), async (url) => {
    const run = await runQuire({
      args: [...writeArgs({ words, level, out }), ...model(url)],
      cwd: workDirectory,
      env: { OPENAI_API_KEY: 'sim' },
    });
    expectSuccess(run, `the ${level} run of seed ${seed}`);
    const directory = join(workDirectory, out);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    const document = await readFile(join(directory, 'document.md'), 'utf8');
    // A level without review keeps no draft: its document is the draft.
    const draft = await readFile(join(directory, reviewPaths.draft), 'utf8').catch(() => document);
    const planted = (await readFile(log, 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
    const { usage } = info;
    return {
      level,
      seed,
      turnsOn: qualityTable[level],
      documentWords: run.events.find((event) => event.type === 'result')?.words,
      tokens: usage.inputTokens + usage.outputTokens,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      calls: usage.calls,
      wallSeconds: round(run.wallSeconds, 2),
      stages: Object.fromEntries(
        Object.entries(info.stages ?? {}).map(([stage, totals]) => [
          stage,
          totals.inputTokens + totals.outputTokens,
        ]),
      ),
      defectsInDraft: defectsIn(draft, planted),
      defectsLeft: defectsIn(document, planted),
    };
  });
}

/** One level's runs added up over the seeds. */
function sumRuns(runs) {
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
  const stages = {};
  for (const run of runs) {
    for (const [stage, tokens] of Object.entries(run.stages)) {
      stages[stage] = (stages[stage] ?? 0) + tokens;
    }
  }
  return {
    level: runs[0].level,
    turnsOn: runs[0].turnsOn,
    tokens: sum((run) => run.tokens),
    calls: sum((run) => run.calls),
    wallSeconds: round(
      sum((run) => run.wallSeconds),
      2,
    ),
    stages,
    defectsInDraft: sum((run) => run.defectsInDraft),
    defectsLeft: sum((run) => run.defectsLeft),
  };
}

function serverFlags({ seed, defects, ttftMs, tps, log }) {
  return [
    ...['--seed', String(seed), '--ttft', `${ttftMs}ms`, '--tps', String(tps)],
    ...['--defects', String(defects), '--defect-log', log],
  ];
}

function writeArgs({ words, level, out }) {
  return ['write', request, '--words', String(words), '--quality', level, '--json', '--out', out];
}

function model(url) {
  return ['--model', 'openai:sim', '--base-url', url];
}

function ratio(value, baseline) {
  return round(value / baseline, 2);
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}
