import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartTheme } from './chart-theme.js';

/** A chart as it goes into the page. */
export interface RenderedChart {
  /** Stable name, also the figure's `data-chart`. */
  name: string;
  /** The chart as inline SVG markup. */
  svg: string;
}

/**
 * Renders a Vega-Lite specification to SVG markup at build time with Vega's own SVG renderer
 * (no DOM, no canvas, no script in the page). The shared theme is applied under the spec's own
 * config. Marks keep Vega-Lite's ARIA labels (`field: value; …`), which screen readers read and
 * tests use to check what a chart shows.
 */
export async function renderChart({
  name,
  spec,
}: {
  name: string;
  spec: TopLevelSpec;
}): Promise<RenderedChart> {
  const themed = { ...spec, config: { ...chartTheme, ...spec.config } } as TopLevelSpec;
  const view = new View(parse(compile(themed).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { name, svg: svg.replace('<svg ', `<svg data-chart="${name}" `) };
  } finally {
    view.finalize();
  }
}
