import { defaultLengthGate } from '../../evaluators/length-gate.js';
import { renderChart } from '../charts/render-chart.js';
import type { PagePart } from '../html/render-page.js';
import { renderFigure } from '../html/render-parts.js';
import { lengthScatterChart, type ScatterPoint } from './length-scatter-chart.js';

/**
 * A bench page's "lengths" part: the required-against-produced scatter with the default length
 * gate, under `title` and `caption`. None when no item has a length to plot.
 */
export async function lengthScatterPart({
  points,
  title,
  caption,
}: {
  points: readonly ScatterPoint[];
  title: string;
  caption: string;
}): Promise<PagePart[]> {
  if (points.length === 0) return [];
  const chart = await renderChart({
    name: 'lengths',
    spec: lengthScatterChart({ points, gate: defaultLengthGate }),
  });
  return [{ id: 'lengths', title, body: renderFigure({ chart, caption }) }];
}
