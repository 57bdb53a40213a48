/**
 * A GitHub-flavoured Markdown table: the first column left-aligned, the others right-aligned
 * (they hold numbers), cells padded so the table also reads well as plain text. Pipes in cells
 * are escaped. Pure.
 */
export function markdownTable({
  header,
  rows,
}: {
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}): string {
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|');
  const table = [header, ...rows].map((row) => row.map(escapePipes));
  const widths = header.map((_, column) =>
    Math.max(3, ...table.map((row) => [...(row[column] ?? '')].length)),
  );
  const pad = (cell: string, column: number) => {
    const room = (widths[column] ?? 0) - [...cell].length;
    return column === 0 ? cell + ' '.repeat(room) : ' '.repeat(room) + cell;
  };
  const line = (row: readonly string[]) =>
    `| ${header.map((_, column) => pad(row[column] ?? '', column)).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(table[0] ?? []), rule, ...table.slice(1).map(line)].join('\n');
}

/** A score or ratio cell: fixed decimals, or `–` when not measured. Pure. */
export function formatCell(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}
