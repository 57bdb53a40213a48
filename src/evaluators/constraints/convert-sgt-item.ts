import type { Constraint, ConstraintFile } from './constraint-file-schema.js';
import type { SgtItem } from './sgt-item-schema.js';

/** An SGT item in quire's terms: the prompt to send and the constraints to check. */
export interface ConvertedSgtItem {
  prompt: string;
  constraints: ConstraintFile;
}

/** SGT separates entries with this and numbers them with `<type> <n>` headers. */
export const sgtSeparator = '#*#';

/**
 * Converts one SGT item to a constraints file. SGT stores every check already expanded; this
 * regroups them: each `checks_once` key is a `once`; the keys of one description in
 * `checks_range` or `checks_periodic` become `range` or `periodic` constraints over runs of
 * evenly spaced segments (a column of a grid is a range with a step; a range that wraps around
 * the year end becomes two). Expanding the result gives back exactly SGT's checks. The minimum
 * words per entry is read from the prompt. Pure.
 */
export function convertSgtItem(item: SgtItem): ConvertedSgtItem {
  const constraints: Constraint[] = [];
  for (const [key, event] of Object.entries(item.checks_once)) {
    constraints.push({ type: 'once', segment: Number(key), event });
  }
  for (const { event, run } of evenRuns(item.checks_range)) {
    const [start = 0, end = start] = [run[0], run.at(-1)];
    const every = run.length > 1 ? (run[1] ?? 0) - start : 1;
    constraints.push({ type: 'range', start, end, ...(every === 1 ? {} : { every }), event });
  }
  for (const { event, run } of evenRuns(item.checks_periodic)) {
    const [start = 0, end = start] = [run[0], run.at(-1)];
    constraints.push({
      type: 'periodic',
      start,
      every: run.length > 1 ? (run[1] ?? 0) - start : 1,
      end,
      event,
    });
  }
  const minWords = minimumWords(item.prompt);
  return {
    prompt: item.prompt,
    constraints: {
      version: 1,
      unit: item.type,
      separator: sgtSeparator,
      segments: item.number,
      ...(minWords === undefined ? {} : { minWords }),
      constraints,
    },
  };
}

/** Groups a check set by description, then splits each group into evenly spaced runs. */
function evenRuns(checks: Record<string, string>): Array<{ event: string; run: number[] }> {
  const groups = new Map<string, number[]>();
  for (const [key, event] of Object.entries(checks)) {
    const list = groups.get(event) ?? [];
    list.push(Number(key));
    groups.set(event, list);
  }
  const runs: Array<{ event: string; run: number[] }> = [];
  for (const [event, numbers] of groups) {
    let run: number[] = [];
    for (const number of numbers.sort((a, b) => a - b)) {
      const step = run.length >= 2 ? (run[1] ?? 0) - (run[0] ?? 0) : undefined;
      const last = run.at(-1);
      if (last === undefined || step === undefined || number - last === step) {
        run.push(number);
      } else {
        runs.push({ event, run });
        run = [number];
      }
    }
    if (run.length > 0) runs.push({ event, run });
  }
  return runs;
}

/** "at least 200 words", "a minimum of 150 words", "between 100 to 120 words" → the minimum. */
function minimumWords(prompt: string): number | undefined {
  const match = /(?:at least|minimum of|between)\s+(\d+)(?:\s+(?:and|to)\s+\d+)?\s+words/i.exec(
    prompt,
  );
  return match ? Number(match[1]) : undefined;
}
