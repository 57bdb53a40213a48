import type { Finding, FindingLocation } from '../finding.js';
import type { RepetitionOptions } from './repetition-options.js';
import type { RepetitionResult } from './repetition-result-schema.js';

/** Turns the repetition numbers into findings, each with a location. Pure. */
export function repetitionFindings({
  repetition,
  settings,
}: {
  repetition: RepetitionResult;
  settings: RepetitionOptions;
}): Finding[] {
  const findings: Finding[] = [];
  const add = (
    ruleId: string,
    severity: Finding['severity'],
    message: string,
    location?: FindingLocation | null,
  ) =>
    findings.push({
      evaluator: 'repetition',
      ruleId: `repetition/${ruleId}`,
      severity,
      message,
      ...(location ? { location } : {}),
    });

  const { longestLoop: loop, longestTokenRun: run } = repetition;
  if (loop.repeats >= settings.loopMinRepeats && loop.tokens >= settings.loopMinTokens) {
    add(
      'token-loop',
      'error',
      `"${clip(loop.pattern)}" repeats ${Math.floor(loop.repeats)} times in a row (${loop.tokens} tokens) from line ${loop.location.line}.`,
      loop.location,
    );
  } else if (run.tokens >= settings.tokenRunWarning) {
    add(
      'repeated-token',
      'warning',
      `"${clip(run.token)}" repeats ${run.tokens} times in a row at line ${run.location.line}.`,
      run.location,
    );
  }

  const worstWindow = repetition.windows.series.reduce<
    RepetitionResult['windows']['series'][number] | undefined
  >(
    (worst, window) => (worst === undefined || window.rep4 > worst.rep4 ? window : worst),
    undefined,
  );
  if (worstWindow && worstWindow.rep4 >= settings.windowRep4Warning) {
    add(
      'repetitive-window',
      'warning',
      `${percent(worstWindow.rep4)} of the 4-grams in the ${repetition.windows.size} tokens from line ${worstWindow.location.line} repeat within them.`,
      worstWindow.location,
    );
  }

  const { worst, pairs } = repetition.nearDuplicates;
  for (const pair of worst) {
    const exact = pair.jaccard >= 0.9;
    add(
      exact ? 'duplicate-paragraph' : 'near-duplicate-paragraph',
      exact ? 'error' : 'warning',
      `The paragraph at line ${pair.second.line}${where(pair.second)} ${exact ? 'repeats' : 'nearly repeats'} the one at line ${pair.first.line}${where(pair.first)} (${percent(pair.jaccard)} of their 5-grams shared${pair.containment > pair.jaccard + 0.1 ? `, ${percent(pair.containment)} of the shorter one` : ''}).`,
      pair.second,
    );
  }
  if (pairs > worst.length) {
    add(
      'near-duplicate-paragraph',
      'warning',
      `${pairs - worst.length} more near-duplicate paragraph pairs were found; the report lists the ${worst.length} most similar.`,
    );
  }

  if (repetition.compressionRatio >= settings.compressionWarning) {
    add(
      'compressible',
      'warning',
      `The text compresses ${repetition.compressionRatio.toFixed(1)}:1 with Brotli (prose usually stays under 5:1): much of it is predictable from the rest.`,
    );
  }

  const collapse = repetition.lateCollapse;
  if (collapse.status === 'collapse' && collapse.baseline && collapse.window) {
    const parts = [
      ...(collapse.reasons.includes('repetition')
        ? [
            `4-gram repetition ${percent(collapse.window.rep4)} against ${percent(collapse.baseline.rep4)} before`,
          ]
        : []),
      ...(collapse.reasons.includes('functionWords')
        ? [
            `function words ${percent(collapse.window.functionShare)} of tokens against ${percent(collapse.baseline.functionShare)} before`,
          ]
        : []),
    ];
    add(
      'late-collapse',
      collapse.reasons.includes('repetition') ? 'error' : 'warning',
      `The text degrades from line ${collapse.location?.line} (${percent(collapse.position ?? 0)} into it) to the end: ${parts.join('; ')}.`,
      collapse.location,
    );
  }
  return findings;
}

function where(location: FindingLocation): string {
  return location.section ? ` ("${clip(location.section)}")` : '';
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
