import type { Config } from 'vega-lite';

/**
 * The look every chart shares. Text, axes and grid use `currentColor`, so an inline SVG takes
 * the page's text colour and reads in light and dark mode alike; the mark colours are mid-tone
 * hues that keep their contrast on both backgrounds and in print.
 */
export const chartTheme: Config = {
  background: 'transparent',
  font: 'system-ui, sans-serif',
  view: { stroke: null },
  axis: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    domainColor: 'currentColor',
    tickColor: 'currentColor',
    gridColor: 'currentColor',
    gridOpacity: 0.15,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  legend: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  header: { labelColor: 'currentColor', titleColor: 'currentColor', labelFontSize: 12 },
  title: { color: 'currentColor', subtitleColor: 'currentColor' },
  text: { color: 'currentColor' },
  range: { category: [...chartColors()] },
};

/** The categorical palette, in order: blue, orange, teal, red, purple, olive, grey, pink. */
export function chartColors(): readonly string[] {
  return ['#4e79a7', '#e8871e', '#3a9e94', '#d6453d', '#9467bd', '#8c8c1f', '#8a8a8a', '#d36fa8'];
}
