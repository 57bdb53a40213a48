import { formatCount } from '../../util/format-count.js';
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
    ...stabilitySection(summary),
    note,
    '',
  ].join('\n');
}

/** The length stability table, when items were sampled several times. */
function stabilitySection(summary: LongbenchSummary): string[] {
  const { stability } = summary;
  if (stability === null) return [];
  const ratio = (value: number | null) => (value === null ? '–' : value.toFixed(3));
  return [
    `### Length stability · ${stability.samples} samples per item`,
    '',
    `Coefficient of variation of the output length (standard deviation / mean of the words of an item's samples): mean over ${stability.items.length} items ${ratio(stability.meanCv)}, highest ${ratio(stability.maxCv)}.`,
    '',
    markdownTable({
      header: ['line', 'required', 'mean produced', 'lengths', 'CV'],
      rows: stability.items.map((item) => [
        String(item.line),
        formatCount(item.length),
        formatCount(Math.round(item.mean)),
        item.lengths.map((words) => formatCount(words)).join(' · '),
        ratio(item.cv),
      ]),
    }),
    '',
  ];
}

function row(group: LongbenchGroupScore): string[] {
  const length = (value: number | null) => (value === null ? '–' : formatCount(Math.round(value)));
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
