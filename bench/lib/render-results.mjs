import { formatCount, formatShare } from './format-number.mjs';

/**
 * The Markdown that `npm run bench` writes between the markers of bench/README.md: the
 * headline targets, then one table per measurement, each row with the command that produced
 * it. Pure: everything comes from the results object saved in bench/results/.
 */
export function renderResults(results) {
  const { measurements: m } = results;
  return [
    `Measured on ${results.date.slice(0, 10)}: Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GB; the whole run took ${Math.round(results.durationSeconds)} s. Raw figures: [\`bench/results/${results.file}\`](results/${results.file}).`,
    '',
    '| Claim | Measured | Target | Status |',
    '|---|---|---|---|',
    ...results.targets.map(
      (target) =>
        `| ${target.claim} | ${target.measured} | ${target.target} | ${target.status}${target.reason ? ` (${target.reason})` : ''} |`,
    ),
    '',
    ...promptCostTable(m.promptCost),
    ...wallTimeTable(m.wallTime),
    ...batchTable(m.batchThroughput),
    ...evaluatorTable(m.evaluators),
    ...cliStartTable(m.cliStart),
    ...sftInputMemoryTable(m.sftInputMemory),
    ...lengthTable(m.lengthAdaptation),
    ...queueScalingTable(m.queueScaling),
    ...qualityLevelsTable(m.qualityLevels),
    ...parallelDraftingTable(m.parallelDrafting),
  ].join('\n');
}

function promptCostTable(promptCost) {
  if (!promptCost || promptCost.error) return failed('Prompt cost', promptCost);
  const rows = promptCost.sizes.flatMap((size) =>
    ['bounded', 'full'].map((policy) => {
      const run = size.policies[policy];
      const versus = policy === 'full' ? `${size.fullToBoundedInput}×` : '1×';
      return `| ${formatCount(size.words)} | ${policy} | ${formatCount(run.inputTokens)} | ${formatCount(run.outputTokens)} | ${run.inputPerOutput.toFixed(2)} | ${versus} | ${formatShare(run.stablePrefixShare)} | ${formatCount(run.cachedInputTokens)} (${formatShare(run.cachedShare)}) | ${formatCount(run.largestPromptTokens)} | ${run.calls} | \`${run.command}\` |`;
    }),
  );
  const trimmed = promptCost.sizes.reduce(
    (sum, size) => sum + size.policies.bounded.trimmedSteps + size.policies.full.trimmedSteps,
    0,
  );
  return [
    '### Prompt cost: bounded vs full (AgentWrite) context, same plan',
    '',
    `Server: \`${promptCost.server}\` (no latency: it does not change token counts). Each size's plan: \`${promptCost.sizes[0]?.planCommand.replace(/\d{4,}/g, '<words>')}\`, then both policies write it with \`--plan plan-<words>/plan.json\`. ${trimmed === 0 ? 'No prompt of either policy was trimmed to fit the context budget: full context sent all previous text every time.' : `${trimmed} step(s) had their prompt trimmed to fit the context budget (see the results file).`}`,
    '',
    '| Words | Context | Input tokens | Output tokens | Input ÷ output | Input vs bounded | Stable prefix | Cached input (server) | Largest prompt | Calls | Command |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ];
}

function wallTimeTable(wall) {
  if (!wall || wall.error) return failed('Wall time', wall);
  const sdk = wall.sdkReference;
  return [
    '### Wall time against the physical limit',
    '',
    `Server: \`${wall.server}\`.`,
    '',
    '| Words written | Attempts | Output tokens | Bound (s) | Wall (s) | Wall ÷ bound | In calls (s) | Outside calls (s) | quire CPU (s) | CPU ÷ wall | Command |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${formatCount(wall.documentWords)} | ${wall.calls + wall.failedAttempts} | ${formatCount(wall.outputTokens)} | ${wall.boundSeconds} | ${wall.wallSeconds} | ${wall.wallToBound} | ${wall.inCallsSeconds} | ${wall.outsideCallsSeconds} | ${wall.cpuSeconds} | ${formatShare(wall.cpuShare, 2)} | \`${wall.command}\` |`,
    '',
    ...(sdk
      ? [
          `CPU per 1,000 output tokens: quire ${wall.cpuMsPerThousandTokens} ms (start-up, planning and the final evaluation included); a bare AI SDK client streaming from the same server during the same run (\`${sdk.command}\`, ${sdk.calls} calls, ${formatCount(sdk.outputTokens)} tokens) ${sdk.cpuMsPerThousandTokens} ms, ${formatShare(sdk.cpuShare, 2)} of its wall time.`,
          '',
        ]
      : []),
  ];
}

function batchTable(batch) {
  if (!batch || batch.error) return failed('Batch throughput', batch);
  if (batch.status !== 'measured') {
    return ['### Batch throughput (quire sft)', '', `Not measured: ${batch.reason}.`, ''];
  }
  return [
    '### Batch throughput (quire sft)',
    '',
    `Server: \`${batch.server}\`; ${batch.settings.instructions} instructions of ${batch.settings.words.join('–')} words, \`--concurrency ${batch.settings.concurrency}\`.`,
    '',
    '| Written / rejected | Calls | Output tokens | Slot bound (s) | Wall (s) | Items / min | Bound ÷ wall | Command |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    `| ${batch.written} / ${batch.rejected} | ${batch.calls} | ${formatCount(batch.outputTokens)} | ${batch.boundSeconds} | ${batch.wallSeconds} | ${batch.itemsPerMinute} | ${batch.ratio} | \`${batch.script}\` |`,
    '',
  ];
}

function queueScalingTable(scaling) {
  if (!scaling || scaling.error) return failed('Queue scaling', scaling);
  return [
    '### Queue scaling (quire sft --queue, quire worker)',
    '',
    `${scaling.settings.instructions} instructions of ${scaling.settings.words} words; each worker has its own server \`${scaling.server}\`. Commands: \`${scaling.command}\`. Every sim server, worker, the producer and Redis share this machine's cores, which caps the ratio well before the servers' pacing does.`,
    '',
    '| Workers | Written / rejected | Wall (s) | Items / min | × 1 worker |',
    '|---:|---|---:|---:|---:|',
    ...scaling.rounds.map(
      (row) =>
        `| ${row.workers} | ${row.written} / ${row.rejected} | ${row.wallSeconds} | ${row.itemsPerMinute} | ${row.ratio}× |`,
    ),
    '',
  ];
}

/** The table of the quality levels row, also pasted by hand from a `--only qualityLevels` run. */
export function qualityLevelsTable(quality) {
  if (!quality || quality.error) return failed('Quality levels', quality);
  const describe = (turnsOn) =>
    Object.entries(turnsOn)
      .map(([setting, value]) => `${setting} ${value}`)
      .join(', ');
  const stages = (tokens) =>
    Object.entries(tokens)
      .map(([stage, count]) => `${stage} ${formatCount(count)}`)
      .join(' · ');
  return [
    '### Quality levels: what the review costs and what it fixes',
    '',
    `The same ${formatCount(quality.words)}-word request at every \`--quality\` level, once per seed (${quality.seeds.join(', ')}), each run on its own server \`${quality.server}\`, which plants a writing defect in ${formatShare(quality.settings.defects, 0)} of the sections and logs each one. Command: \`${quality.command}\`. Figures are summed over the seeds; the draft is the document before any review (for a level without review, the document itself).`,
    '',
    '| Level | Turns on | Tokens | × fast | Calls | × fast | Wall (s) | × fast | Tokens by stage | Defects in draft | Left in document.md |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...quality.levels.map(
      (row) =>
        `| ${row.level} | ${describe(row.turnsOn)} | ${formatCount(row.tokens)} | ${row.tokensToFast}× | ${formatCount(row.calls)} | ${row.callsToFast}× | ${row.wallSeconds} | ${row.wallToFast}× | ${stages(row.stages)} | ${row.defectsInDraft} | ${row.defectsLeft} |`,
    ),
    '',
  ];
}

function parallelDraftingTable(parallel) {
  if (!parallel || parallel.error) return failed('Parallel drafting', parallel);
  const row = (name, run) =>
    `| ${name} | ${run.wallSeconds} | ${formatCount(run.totalTokens)} | ${run.calls} | ${run.sectionsOutsideGate} of ${run.sections} | ${formatShare(run.cpuShare)} |`;
  const seams = parallel.seamPass;
  return [
    `### Parallel drafting (quire write --parallel ${parallel.parallel})`,
    '',
    `${formatCount(parallel.words)} words against \`${parallel.server}\`. Commands: \`${parallel.commands.parallel}\`, then \`${parallel.commands.sequential}\`.`,
    '',
    '| Run | Wall (s) | Tokens | Calls | Sections outside gate | CPU share |',
    '|---|---:|---:|---:|---|---:|',
    row(`\`--parallel ${parallel.parallel}\``, parallel.parallelRun),
    row('sequential, same plan', parallel.sequentialRun),
    '',
    `Speed-up ${parallel.speedUp}×, tokens ${parallel.tokenRatio}×, wall ÷ bound ${parallel.wallToBound} (bound ${parallel.boundSeconds} s, critical path ${parallel.criticalPathSeconds} s). Seam pass: ${seams.seams} seams checked, ${seams.findings} findings, ${seams.kept} of ${seams.repairs} repairs kept, ${formatCount(seams.tokens)} tokens.`,
    '',
  ];
}

function evaluatorTable(evaluators) {
  if (!evaluators || evaluators.error) return failed('Evaluators', evaluators);
  return [
    `### Rule-based evaluators on ${formatCount(evaluators.results[0]?.words)} words`,
    '',
    `Median of ${evaluators.runs} runs, one process per evaluator. Command: \`${evaluators.command}\`.`,
    '',
    '| Evaluator | Median (ms) | × tokenize | Words / s | Peak RSS (MB) | RSS with the document built (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...evaluators.results.map(
      (row) =>
        `| ${row.evaluator} | ${row.medianMs} | ${row.perBaseline ?? '—'} | ${formatCount(row.wordsPerSecond)} | ${row.peakRssMb} | ${row.baselineRssMb} |`,
    ),
    '',
  ];
}

function cliStartTable(start) {
  if (!start || start.error) return failed('CLI start', start);
  return [
    '### CLI start',
    '',
    '| Command | Median (ms) | Bare `node -e ""` (ms) | Ratio | Added by quire (ms) | Runs |',
    '|---|---:|---:|---:|---:|---:|',
    `| \`${start.command}\` | ${start.quireMs} | ${start.nodeMs} | ${start.ratioToNode} | ${start.addedMs} | ${start.runs} |`,
    '',
  ];
}

/** The table of part 6: peak memory of reading Parquet inputs as `quire sft` does. */
export function sftInputMemoryTable(memory) {
  if (!memory || memory.error) return failed('Reading a large SFT input (Parquet)', memory);
  const { wholeRead, heapCapMb } = memory;
  const largest = memory.files.at(-1);
  return [
    '### Reading a large SFT input (Parquet)',
    '',
    `Row groups of ${formatCount(memory.groupRows)} rows. Command: \`${memory.command}\`.`,
    '',
    `| Rows | File (MB) | Read | Peak RSS (MB) | Peak RSS, ${heapCapMb} MB heap cap | Live heap after (MB) | Seconds | Rows / s |`,
    '|---:|---:|---|---:|---:|---:|---:|---:|',
    ...memory.files.map(
      (file) =>
        `| ${formatCount(file.rows)} | ${file.fileMb} | streamed, as quire sft reads it | ${file.peakRssMb} | ${file.cappedPeakRssMb} | ${file.liveHeapMb} | ${file.seconds} | ${formatCount(file.rowsPerSecond)} |`,
    ),
    `| ${formatCount(wholeRead.rows)} | ${largest.fileMb} | whole (baseline: \`parquetReadObjects\`) | ${wholeRead.peakRssMb} | ${wholeRead.outOfMemoryUnderCap ? 'out of memory' : 'fits'} | — | ${wholeRead.seconds} | ${formatCount(Math.round(wholeRead.rows / wholeRead.seconds))} |`,
    '',
    `Under the ${heapCapMb} MB heap cap, peak RSS of the largest file ÷ the smallest, streamed: ${memory.largestToSmallestCappedRss}, for ${formatCount(largest.rows / memory.files[0].rows)}× the rows. Streamed ÷ whole, largest file, default heap: ${memory.streamedToWholeRss}.`,
    '',
  ];
}

/** The table of part 7: length at N words per reply, adaptive against fixed attempts. */
function lengthTable(length) {
  if (!length || length.error) return failed('Length at N words per reply', length);
  const rows = length.rows.flatMap((row) =>
    ['adaptive', 'fixed'].map((policy) => {
      const run = row.policies[policy];
      return `| ${row.ceiling} | ${formatCount(row.words)} | ${policy} | ${formatCount(run.documentWords)} | ${run.lengthScore.toFixed(1)} | ${run.calls} | ${run.sections} | ${run.status} (exit ${run.exitCode}) | \`${run.command}\` |`;
    }),
  );
  return [
    '### Length at N words per reply: adaptive vs fixed attempts',
    '',
    `Servers: \`${length.rows[0]?.server.replace(/--ceiling \d+/, '--ceiling <N>')}\`, one per run. \`fixed\` is \`write.lengthPolicy: "fixed"\` in \`fixed-length.json\`: the earlier behaviour, a draft and up to \`write.repairAttempts\` repairs per section, no division.`,
    '',
    '| Words per reply | Target | Policy | Words | S_l | Calls | Sections | Status | Command |',
    '|---:|---:|---|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
  ];
}

function failed(title, measurement) {
  return [`### ${title}`, '', `Not measured: ${measurement?.error ?? 'skipped in this run'}.`, ''];
}
