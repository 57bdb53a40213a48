/** What each chart of a page shows: per mark group (Vega's `<name>_marks`), its marks' ARIA labels. */
export type ChartData = Record<string, Record<string, string[]>>;

const svgPattern = /<svg data-chart="([^"]+)"[\s\S]*?<\/svg>/g;
const tokenPattern =
  /class="mark-[a-z]+ role-mark ([^"]*)"|aria-label="([^"]*)" role="graphics-symbol"/g;

/**
 * Reads the data a rendered page's charts show from their SVG: each mark's ARIA label
 * (`field: value; …`, written by Vega-Lite from the encoded fields), grouped by chart and by
 * mark group. This is what a reader of the chart gets, not its pixels.
 */
export function chartData(html: string): ChartData {
  const charts: ChartData = {};
  for (const [svg, name] of html.matchAll(svgPattern)) {
    const groups: Record<string, string[]> = {};
    let current: string[] = [];
    for (const [, group, label] of svg.matchAll(tokenPattern)) {
      if (group !== undefined) {
        groups[group] ??= [];
        current = groups[group];
      } else if (label !== undefined) {
        current.push(decode(label));
      }
    }
    charts[name!] = groups;
  }
  return charts;
}

function decode(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
