import { formatCell, markdownTable } from '../markdown-table.js';
import type { LongbenchGroupScore, LongbenchSummary } from './summarise-longbench.js';

const header = ['', 'items', 'required', 'produced', 'S_l', 'S_q', 'S'];

/**
 * The summary as Markdown: a heading naming the mode and model, the table by length bucket
 * (with the overall row), the answers outside the length gate, then by language and by genre,
 * and a note when S_q was not scored.
 * Pure.
 */
export function formatLongbenchSummary({
  summary,
  mode,
  model,
  judge,
}: {
  summary: LongbenchSummary;
  mode: string;
  model: string;
  /** The judge's model spec, or null without one. */
  judge: string | null;
}): string {
  const table = (first: string, groups: LongbenchGroupScore[], withOverall: boolean) =>
    markdownTable({
      header: [first, ...header.slice(1)],
      rows: [...groups, ...(withOverall ? [summary.overall] : [])].map(row),
    });
  const note =
    judge === null
      ? 'S_q and S are blank: no judge was given (pass --judge <model> to score quality).'
      : summary.overall.judged < summary.overall.items
        ? `Judge ${judge}: ${summary.overall.items - summary.overall.judged} of ${summary.overall.items} judgements were dropped; S_q is the mean of the others.`
        : `Judge: ${judge}.`;
  const { short, long } = summary.overall.outsideGate;
  return [
    `## LongBench-Write · ${mode} mode · ${model} · ${summary.overall.items} items`,
    '',
    table('length bucket', summary.byBucket, true),
    '',
    `Outside the length gate (${summary.gate.floor}×–${summary.gate.ceiling}× the required length): ${short + long} of ${summary.overall.items} items (${short} short, ${long} long).`,
    '',
    '### By language',
    '',
    table('language', summary.byLanguage, false),
    '',
    '### By type',
    '',
    table('type', summary.byType, false),
    '',
    note,
    '',
  ].join('\n');
}

function row(group: LongbenchGroupScore): string[] {
  const length = (value: number | null) =>
    value === null ? '–' : Math.round(value).toLocaleString('en-US');
  return [
    group.group,
    String(group.items),
    length(group.meanRequired),
    length(group.meanProduced),
    formatCell(group.lengthScore),
    formatCell(group.qualityScore),
    formatCell(group.overall),
  ];
}
