import { distinctNgrams } from './distinct-ngrams.js';

/** One sliding window's health. */
export interface CollapseWindow {
  startToken: number;
  /** 1 − distinct-4 within the window. */
  rep4: number;
  /** Share of the window's tokens that are function words. */
  functionShare: number;
}

/** Why a window counts as collapsed. */
export type CollapseReason = 'repetition' | 'functionWords';

/** Outcome of the late-collapse check. */
export type LateCollapse =
  | { status: 'tooShort'; windows: number }
  | { status: 'none'; baseline: CollapseWindow }
  | {
      status: 'collapse';
      baseline: CollapseWindow;
      /** The first window of the collapse. */
      window: CollapseWindow;
      reasons: CollapseReason[];
      /** Where the collapse starts, as a share of the tokens (0–1). */
      position: number;
    };

/**
 * Long outputs tend to degrade at the end while the start reads well. Slides a window over the
 * tokens and compares each window after the first quarter with the median window of the first
 * half: a jump in 4-gram repetition (a loop) or a fall in the share of function words (keyword
 * salad: the grammar is gone, the topic words remain) that persists to the end of the text is
 * a collapse. Needs at least four windows. Pure.
 */
export function lateCollapse({
  ids,
  isFunctionWord,
  windowTokens = 400,
  repetitionRise = 0.25,
  functionShareFall = 0.5,
  proseFunctionShare = 0.25,
  persistence = 0.75,
}: {
  ids: Int32Array;
  /** 1 at the id of every function word. */
  isFunctionWord: Uint8Array;
  windowTokens?: number;
  /** Collapse when rep-4 exceeds the baseline by this much. */
  repetitionRise?: number;
  /** Collapse when the function-word share falls below this fraction of the baseline. */
  functionShareFall?: number;
  /**
   * The baseline share of function words that makes the start prose: only prose can lose its
   * grammar. English prose keeps 40–50%, Chinese 10–20%; lists, tables and formulas less.
   */
  proseFunctionShare?: number;
  /** Share of the windows from the collapse to the end that must be collapsed. */
  persistence?: number;
}): LateCollapse {
  const step = Math.max(1, Math.floor(windowTokens / 2));
  const windows: CollapseWindow[] = [];
  for (let start = 0; start + windowTokens <= ids.length; start += step) {
    windows.push(measure({ ids, isFunctionWord, start, end: start + windowTokens }));
  }
  const lastStart = ids.length - windowTokens;
  if (windows.length > 0 && (windows.at(-1)?.startToken ?? 0) < lastStart) {
    windows.push(measure({ ids, isFunctionWord, start: lastStart, end: ids.length }));
  }
  if (windows.length < 4) return { status: 'tooShort', windows: windows.length };

  const early = windows.filter((window) => window.startToken < ids.length / 2);
  const baseline: CollapseWindow = {
    startToken: 0,
    rep4: median(early.map((window) => window.rep4)),
    functionShare: median(early.map((window) => window.functionShare)),
  };
  // Text with few function words to begin with (lists, tables, formulas) cannot lose them.
  const canFall = baseline.functionShare >= proseFunctionShare;
  const reasonsOf = (window: CollapseWindow): CollapseReason[] => [
    ...(window.rep4 - baseline.rep4 >= repetitionRise ? (['repetition'] as const) : []),
    ...(canFall && window.functionShare < baseline.functionShare * functionShareFall
      ? (['functionWords'] as const)
      : []),
  ];
  // The collapse must reach the end of the text: from its first window on, at least
  // `persistence` of the windows are collapsed, the last one included. A dense passage in the
  // middle (a table, a formula, a list) recovers and is not a collapse.
  const collapsed = windows.map((window) => reasonsOf(window).length > 0);
  if (!collapsed.at(-1)) return { status: 'none', baseline };
  let start = -1;
  let collapsedInSuffix = 0;
  for (let index = windows.length - 1; index >= 0; index--) {
    const window = windows[index] as CollapseWindow;
    if (window.startToken < ids.length / 4) break;
    if (collapsed[index]) collapsedInSuffix++;
    const share = collapsedInSuffix / (windows.length - index);
    if (collapsed[index] && share >= persistence) start = index;
  }
  const window = windows[start];
  if (window === undefined) return { status: 'none', baseline };
  return {
    status: 'collapse',
    baseline,
    window,
    reasons: reasonsOf(window),
    position: window.startToken / ids.length,
  };
}

function measure({
  ids,
  isFunctionWord,
  start,
  end,
}: {
  ids: Int32Array;
  isFunctionWord: Uint8Array;
  start: number;
  end: number;
}): CollapseWindow {
  let functionTokens = 0;
  for (let index = start; index < end; index++)
    functionTokens += isFunctionWord[ids[index] ?? 0] ?? 0;
  return {
    startToken: start,
    rep4: 1 - distinctNgrams({ ids, n: 4, start, end }).ratio,
    functionShare: functionTokens / (end - start),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
