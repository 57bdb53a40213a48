import { formatCount } from '../../util/format-count.js';
import type { Finding, FindingLocation } from '../finding.js';
import type { RepetitionOptions } from './repetition-options.js';
import type { RepetitionResult } from './repetition-result-schema.js';

/**
 * Turns the repetition numbers into findings, each with a location. Errors mean the text is
 * degenerate, the model looping or collapsing, and nothing else: a loop of a short pattern, a
 * stretch that only repeats earlier text, a stretch of symbols with no word, a collapse that
 * lasts to the end, rep-4 over `maxRep4`. Repetition a genre calls for (a restated formula, a
 * refrain, a paragraph said twice) stays a warning. `quire eval` reports these and `quire sft`
 * rejects on the same errors. Pure.
 */
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

  const stretch = repetition.repeatedStretch;
  if (stretch.tokens >= settings.stretchMinTokens && stretch.location) {
    add(
      'repeated-stretch',
      'error',
      `${formatCount(stretch.tokens)} tokens from line ${stretch.location.line} only repeat what the text said before (${percent(stretch.share)} of them in 4-grams seen earlier): the text loops.`,
      stretch.location,
    );
  }

  const symbols = repetition.symbolRun;
  if (symbols.symbols >= settings.symbolRunError && symbols.location) {
    add(
      'symbol-run',
      'error',
      `${formatCount(symbols.symbols)} symbols with no word between them from line ${symbols.location.line} (${symbols.distinct.map((symbol) => `"${symbol}"`).join(' ')}): the text has collapsed into punctuation, markup or emoji.`,
      symbols.location,
    );
  }

  if (repetition.rep4 > settings.maxRep4) {
    add(
      'rep4-over-limit',
      'error',
      `${percent(repetition.rep4)} of the text's 4-grams repeat (rep-4 ${repetition.rep4.toFixed(3)}), over the limit of ${settings.maxRep4}.`,
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
    // A paragraph said twice is a flaw, not a loop: a loop is a repeated stretch.
    add(
      exact ? 'duplicate-paragraph' : 'near-duplicate-paragraph',
      'warning',
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
      'error',
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
