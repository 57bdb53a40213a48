import type { TopLevelSpec } from 'vega-lite';

/** One window of the repetition evaluator, placed along the document. */
export interface RepetitionWindow {
  /** 0–100: where the window starts, as a share of the document's characters. */
  position: number;
  rep4: number;
  distinct2: number;
}

/**
 * Repetition along the document: rep-4 and distinct-2 of each window, so the place where a
 * text starts repeating itself shows as a rise (or a fall) late in the line. Pure.
 */
export function repetitionChart({
  windows,
}: {
  windows: readonly RepetitionWindow[];
}): TopLevelSpec {
  const values = windows.flatMap((window) => [
    { position: round(window.position), measure: 'rep-4', value: round(window.rep4) },
    { position: round(window.position), measure: 'distinct-2', value: round(window.distinct2) },
  ]);
  return {
    description: 'rep-4 and distinct-2 of each window along the document.',
    width: 720,
    height: 140,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'position',
        type: 'quantitative',
        scale: { domain: [0, 100] },
        title: 'position in the document (%)',
      },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: null },
      color: { field: 'measure', type: 'nominal', title: null },
      tooltip: [{ field: 'measure' }, { field: 'position' }, { field: 'value' }],
    },
  } as TopLevelSpec;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
