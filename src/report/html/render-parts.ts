import type { RenderedChart } from '../charts/render-chart.js';
import { html, type SafeHtml, trustedHtml } from './html.js';

/** A chart in a figure with its caption. Pure. */
export function renderFigure({
  chart,
  caption,
}: {
  chart: RenderedChart;
  caption: string;
}): SafeHtml {
  return html`<figure class="chart" id="chart-${chart.name}">${trustedHtml(chart.svg)}<figcaption>${caption}</figcaption></figure>`;
}

/** Key figures as a definition list; entries whose value is undefined are left out. Pure. */
export function renderStats(
  entries: ReadonlyArray<readonly [string, string | number | undefined | null]>,
): SafeHtml {
  const shown = entries.filter(([, value]) => value !== undefined && value !== null);
  return html`<dl class="stats">${shown.map(
    ([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`,
  )}</dl>`;
}

/** A column of a table: its heading, how to render a row's cell, and whether it is numeric. */
export interface TableColumn<ROW> {
  title: string;
  cell: (row: ROW) => SafeHtml | string | number | null | undefined;
  numeric?: boolean;
}

/** A table with a caption; an empty one says so instead. Pure. */
export function renderTable<ROW>({
  rows,
  columns,
  caption,
  empty = 'Nothing to show.',
  rowId,
}: {
  rows: readonly ROW[];
  columns: ReadonlyArray<TableColumn<ROW>>;
  caption?: string;
  empty?: string;
  rowId?: (row: ROW) => string;
}): SafeHtml {
  if (rows.length === 0) return html`<p class="note">${empty}</p>`;
  const numeric = (column: TableColumn<ROW>) => (column.numeric ? 'number' : undefined);
  return html`<table>${caption ? html`<caption>${caption}</caption>` : ''}<thead><tr>${columns.map(
    (column) => html`<th scope="col" class="${numeric(column) ?? ''}">${column.title}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (row) =>
      html`<tr${rowId ? html` id="${rowId(row)}"` : ''}>${columns.map(
        (column) => html`<td class="${numeric(column) ?? ''}">${column.cell(row) ?? '—'}</td>`,
      )}</tr>`,
  )}</tbody></table>`;
}

/** A note on the page, for what is missing or how to read something. Pure. */
export function renderNote(text: string | SafeHtml): SafeHtml {
  return html`<p class="note">${text}</p>`;
}
