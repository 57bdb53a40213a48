import type { LengthGateSettings } from '../../evaluators/length-gate.js';
import { formatCount } from '../../util/format-count.js';
import { formatCell, markdownTable } from '../markdown-table.js';
import type { HellobenchSubset } from './hellobench-subset.js';
import type { HellobenchGroupScore, HellobenchSummary } from './summarise-hellobench.js';

const header = ['', 'items', 'required', 'produced', 'in gate', 'S_l', 'HelloEval'];

/**
 * The summary as Markdown: a heading naming the set, mode and model; the table by length (or
 * task type) with the overall row, then by category; and notes on what the columns cover: the
 * length gate, the judge and the weights behind HelloEval, or that without a judge the table
 * measures length only. Pure.
 */
export function formatHellobenchSummary({
  summary,
  subset,
  mode,
  model,
  judge,
  gate,
}: {
  summary: HellobenchSummary;
  subset: HellobenchSubset;
  mode: string;
  model: string;
  /** The judge's model spec, or null without one. */
  judge: string | null;
  gate: LengthGateSettings;
}): string {
  const { overall } = summary;
  const table = (first: string, groups: HellobenchGroupScore[], withOverall: boolean) =>
    markdownTable({
      header: [first, ...header.slice(1)],
      rows: [...groups, ...(withOverall ? [overall] : [])].map(row),
    });
  const coverage =
    overall.targeted === 0
      ? ' No instruction here states a length, so both are blank.'
      : overall.targeted < overall.items
        ? ` Both cover the ${overall.targeted} of ${overall.items} answers whose instruction states a length.`
        : '';
  return [
    `## HelloBench · ${subset} · ${mode} mode · ${model} · ${overall.items} items`,
    '',
    table(subset === 'length-constrained' ? 'length' : 'task type', summary.byGroup, true),
    '',
    '### By category',
    '',
    table('category', summary.byCategory, false),
    '',
    `"in gate": answers within ${gate.floor}× to ${gate.ceiling}× of the length their instruction states; S_l is LongBench-Write's length score against it.${coverage}`,
    '',
    judgeNote({ summary, judge }),
    '',
  ].join('\n');
}

function judgeNote({ summary, judge }: { summary: HellobenchSummary; judge: string | null }) {
  if (judge === null) {
    return 'HelloEval is blank: no judge was given, so this table measures length only (pass --judge <model> to rate the checklists).';
  }
  const { overall, equalWeightCategories } = summary;
  const weights =
    equalWeightCategories.length === 0
      ? "HelloBench's published checklist weights (fitted to human ratings)"
      : overall.weighting === 'equal'
        ? 'EQUAL weights (no published weights fit these tasks)'
        : `HelloBench's published checklist weights, except EQUAL weights for ${equalWeightCategories.join(', ')} (no published weights fit them)`;
  const dropped =
    overall.dropped > 0
      ? ` ${overall.dropped} of ${overall.items} judgements were dropped; the score is the mean of the others.`
      : '';
  return `HelloEval (0–100): judge ${judge}, checklist levels combined with ${weights}. On the paper's scale, (score − 75) × 4, the overall score is ${formatCell(overall.helloEvalPaperScale)}.${dropped}`;
}

function row(group: HellobenchGroupScore): string[] {
  const words = (value: number | null) => (value === null ? '–' : formatCount(Math.round(value)));
  return [
    group.group,
    String(group.items),
    words(group.meanRequired),
    words(group.meanProduced),
    group.targeted === 0 ? '–' : `${group.withinGate}/${group.targeted}`,
    formatCell(group.lengthScore),
    formatCell(group.helloEval),
  ];
}
