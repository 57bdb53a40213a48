/**
 * The targets quire's performance claims are held to, checked against one bench run's
 * measurements. Each comes back with what was measured and whether it was met; a target whose
 * measurement was not taken (a missing module, a failure) is `not measured`, never met. The
 * targets are defined for the full run's settings: a quick run shows its figures but judges
 * none of them.
 */
export function checkTargets({ measurements, full }) {
  const targets = judgeAll(measurements);
  if (full) return targets;
  return targets.map((target) =>
    target.status === 'not measured'
      ? target
      : { ...target, status: 'not judged', reason: 'quick run, smaller settings' },
  );
}

function judgeAll({
  promptCost,
  wallTime,
  batchThroughput,
  evaluators,
  lengthAdaptation,
  queueScaling,
  qualityLevels,
  parallelDrafting,
}) {
  return [
    lengthWithinGate(lengthAdaptation),
    inputReduction(promptCost),
    flatRatio(promptCost),
    {
      id: 'wall-to-bound',
      claim: 'wall time of a 10,000-word run ÷ its physical limit',
      target: '≤ 1.15',
      ...(wallTime ? judged(wallTime.wallToBound, wallTime.wallToBound <= 1.15) : notMeasured()),
    },
    {
      id: 'cpu-share',
      claim: 'CPU time of the quire process ÷ wall time, same run',
      target: '< 2%',
      ...(wallTime
        ? judged(
            wallTime.sdkReference
              ? `${percent(wallTime.cpuShare)} (a bare AI SDK client streaming alongside: ${percent(wallTime.sdkReference.cpuShare)})`
              : percent(wallTime.cpuShare),
            wallTime.cpuShare < 0.02,
          )
        : notMeasured()),
    },
    {
      id: 'batch-throughput',
      claim: 'quire sft: measured throughput ÷ what the server’s slots allow',
      target: '≥ 0.9',
      ...(batchThroughput?.status === 'measured'
        ? judged(batchThroughput.ratio, batchThroughput.ratio >= 0.9)
        : notMeasured(batchThroughput?.reason)),
    },
    repetitionSpeed(evaluators),
    queueScalingTarget(queueScaling),
    ...parallelDraftingTargets(parallelDrafting),
    reviewFixes(qualityLevels),
  ];
}

/** The share of the planted defects that reached the drafts which `--quality standard` removed. */
function reviewFixes(quality) {
  const standard = quality?.levels?.find((level) => level.level === 'standard');
  const fixed =
    standard && standard.defectsInDraft > 0
      ? 1 - standard.defectsLeft / standard.defectsInDraft
      : undefined;
  return {
    id: 'review-fixes',
    claim: 'quire write --quality standard: planted defects in the draft the review removes (sim)',
    target: '≥ 90%',
    ...(fixed === undefined
      ? notMeasured()
      : judged(
          `${percent(fixed)} (${standard.defectsInDraft - standard.defectsLeft} of ${standard.defectsInDraft})`,
          fixed >= 0.9,
        )),
  };
}

/** `--parallel 8` against sequential drafting of the same plan (see lib/parallel-drafting.mjs). */
function parallelDraftingTargets(parallel) {
  const measured = parallel && !parallel.error;
  const target = (id, claim, goal, value, met) => ({
    id,
    claim,
    target: goal,
    ...(measured ? judged(value(), met()) : notMeasured(parallel?.error)),
  });
  const outside = () =>
    parallel.parallelRun.sectionsOutsideGate + parallel.sequentialRun.sectionsOutsideGate;
  return [
    target(
      'parallel-speed-up',
      'quire write --parallel 8: wall time of sequential drafting ÷ parallel, same plan',
      '≥ 5×',
      () => `${parallel.speedUp}×`,
      () => parallel.speedUp >= 5,
    ),
    target(
      'parallel-tokens',
      'quire write --parallel 8: total tokens ÷ sequential, seam pass included',
      '≤ 1.3×',
      () => `${parallel.tokenRatio}×`,
      () => parallel.tokenRatio <= 1.3,
    ),
    target(
      'parallel-wall-to-bound',
      'quire write --parallel 8: wall time ÷ the physical bound of its schedule',
      '≤ 1.2',
      () => parallel.wallToBound,
      () => parallel.wallToBound <= 1.2,
    ),
    target(
      'parallel-length-gate',
      'quire write --parallel 8 and sequential: sections outside their length gate',
      '0',
      () => `${outside()} of ${parallel.parallelRun.sections + parallel.sequentialRun.sections}`,
      () => outside() === 0,
    ),
  ];
}

function queueScalingTarget(scaling) {
  const four = scaling?.rounds?.find((each) => each.workers === 4);
  return {
    id: 'queue-scaling',
    claim:
      'quire sft --queue: items per minute with 4 workers ÷ with 1 (each its own 4-slot server)',
    target: '≥ 3.4×',
    ...(four && !scaling.error
      ? judged(`${four.ratio}×`, four.ratio >= 3.4)
      : notMeasured(scaling?.error)),
  };
}

function lengthWithinGate(length) {
  const runs = (length?.rows ?? []).map((row) => ({ row, run: row.policies.adaptive }));
  const claim =
    'adaptive runs ending within the length gate (0.9×–1.2× of the target, exit 0), at every words per reply and size';
  if (runs.length === 0 || length?.error) {
    return { id: 'length-gate', claim, target: 'all', ...notMeasured(length?.error) };
  }
  const met = runs.filter(({ run }) => run.exitCode === 0 && run.status === 'completed');
  const worst = Math.min(...runs.map(({ run }) => run.lengthScore));
  return {
    id: 'length-gate',
    claim,
    target: 'all',
    ...judged(
      `${met.length} of ${runs.length} (lowest S_l ${worst.toFixed(1)})`,
      met.length === runs.length,
    ),
  };
}

function repetitionSpeed(evaluators) {
  const repetition = evaluators?.results?.find((result) => result.evaluator === 'repetition');
  return {
    id: 'repetition-speed',
    claim: 'repetition checks on 100,000 words ÷ one tokenizing pass over them, same run',
    target: '≤ 25×',
    ...(repetition?.perBaseline
      ? judged(`${repetition.perBaseline}×`, repetition.perBaseline <= 25)
      : notMeasured(evaluators?.error)),
  };
}

function inputReduction(promptCost) {
  const at20k = promptCost?.sizes.find((size) => size.words === 20_000);
  return {
    id: 'input-reduction-20k',
    claim: 'input tokens of full ÷ bounded, same 20,000-word plan',
    target: '≥ 4×',
    ...(at20k
      ? judged(`${at20k.fullToBoundedInput}×`, at20k.fullToBoundedInput >= 4)
      : notMeasured('no 20,000-word size in this run')),
  };
}

function flatRatio(promptCost) {
  const ratios = promptCost?.sizes.map((size) => size.policies.bounded.inputPerOutput) ?? [];
  if (ratios.length < 2) {
    return {
      id: 'bounded-ratio-flat',
      claim: 'bounded input ÷ output, across sizes',
      target: 'each within ±25% of their mean',
      ...notMeasured('fewer than two sizes'),
    };
  }
  const mean = ratios.reduce((sum, value) => sum + value, 0) / ratios.length;
  const spread = Math.max(...ratios.map((value) => Math.abs(value / mean - 1)));
  return {
    id: 'bounded-ratio-flat',
    claim: `bounded input ÷ output, across ${promptCost.sizes.map((size) => size.words).join(', ')} words`,
    target: 'each within ±25% of their mean',
    ...judged(
      `${ratios.join(', ')} (mean ${mean.toFixed(2)}, widest ${(spread * 100).toFixed(1)}% off)`,
      spread <= 0.25,
    ),
  };
}

function percent(share) {
  return `${(share * 100).toFixed(2)}%`;
}

function judged(measured, met) {
  return { measured, status: met ? 'met' : 'missed' };
}

function notMeasured(reason = 'not measured in this run') {
  return { measured: '—', status: 'not measured', reason };
}
