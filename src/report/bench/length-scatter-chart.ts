import type { TopLevelSpec } from 'vega-lite';
import type { LengthGateSettings } from '../../evaluators/length-gate.js';

/** A point of the scatter: an item's required and produced length. */
export interface ScatterPoint {
  id: string;
  /** What colours it: the mode, or accepted and rejected. */
  series: string;
  required: number;
  produced: number;
}

/**
 * Required against produced length on log axes, LongBench-Write's figure: each item a point,
 * coloured by series (mode, or accepted and rejected), with the line of perfect length and the length gate's floor and ceiling.
 * Pure.
 */
export function lengthScatterChart({
  points,
  gate,
  series = { title: 'mode', domain: ['quire', 'direct'] },
}: {
  points: readonly ScatterPoint[];
  gate: LengthGateSettings;
  series?: { title: string; domain: readonly string[]; range?: readonly string[] };
}): TopLevelSpec {
  // A log axis has no zero: an empty answer sits at 1 word.
  const placed = points.map((point) => ({ ...point, produced: Math.max(1, point.produced) }));
  const lengths = placed.flatMap((point) => [point.required, point.produced]);
  const low = Math.max(1, Math.min(...lengths) / 2);
  const high = Math.max(...lengths) * 2;
  const guides = [
    { line: 'required', factor: 1 },
    { line: `gate floor ${gate.floor}×`, factor: gate.floor },
    { line: `gate ceiling ${gate.ceiling}×`, factor: gate.ceiling },
  ].flatMap(({ line, factor }) => [
    { line, required: low, produced: low * factor },
    { line, required: high, produced: high * factor },
  ]);
  const axis = { type: 'log' as const, domain: [low, high] };
  return {
    description: 'Required against produced length of every item, on log axes.',
    width: 420,
    height: 360,
    layer: [
      {
        name: 'guides',
        data: { values: guides },
        mark: {
          type: 'line',
          color: 'currentColor',
          opacity: 0.45,
          strokeDash: [4, 3],
          clip: true,
        },
        encoding: {
          x: { field: 'required', type: 'quantitative', scale: axis },
          y: { field: 'produced', type: 'quantitative', scale: axis },
          detail: { field: 'line' },
        },
      },
      {
        name: 'items',
        data: { values: placed },
        mark: { type: 'point', filled: true, size: 40, opacity: 0.8 },
        encoding: {
          x: { field: 'required', type: 'quantitative', scale: axis, title: 'required words' },
          y: { field: 'produced', type: 'quantitative', scale: axis, title: 'produced words' },
          color: {
            field: 'series',
            type: 'nominal',
            scale: {
              domain: [...series.domain],
              ...(series.range ? { range: [...series.range] } : {}),
            },
            title: series.title,
          },
          tooltip: [
            { field: 'id' },
            { field: 'series', title: series.title },
            { field: 'required', type: 'quantitative' },
            { field: 'produced', type: 'quantitative' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
