import { constraintTypes } from '../../evaluators/constraints/constraint-file-schema.js';
import { describeHeaderRule } from '../../evaluators/constraints/segment-header-rule.js';
import { formatCell, markdownTable } from '../markdown-table.js';
import type { SgtGroupScore, SgtSummary } from './summarise-sgt.js';

/**
 * The SGT summary as Markdown, in percent as SGT reports: CR, STIC-1, STIC-2, wAvg, the checks
 * left undecided and leakage per scenario and overall, then STIC-1 / STIC-2 per constraint
 * type, then how headers were read and how checks were decided. Pure.
 */
export function formatSgtSummary({
  summary,
  mode,
  model,
  judge,
}: {
  summary: SgtSummary;
  mode: string;
  model: string;
  judge: string | null;
}): string {
  const percent = (value: number | null) => formatCell(value === null ? null : value * 100);
  const groups = [...summary.byScenario, summary.overall];
  const main = markdownTable({
    header: [
      'scenario',
      'tasks',
      'checks',
      'CR',
      'STIC-1',
      'STIC-2',
      'wAvg',
      'undecided',
      'leakage',
    ],
    rows: groups.map((group: SgtGroupScore) => [
      group.group,
      String(group.tasks),
      String(group.checks),
      percent(group.cr),
      percent(group.stic1),
      percent(group.stic2),
      percent(group.wAvg),
      String(group.undecided),
      percent(group.leakage),
    ]),
  });
  const types = markdownTable({
    header: ['scenario', ...constraintTypes],
    rows: groups.map((group) => [
      group.group,
      ...constraintTypes.map((type) => {
        const score = group.byType[type];
        return score.checks === 0 ? '–' : `${percent(score.stic1)} / ${percent(score.stic2)}`;
      }),
    ]),
  });
  return [
    `## SGT · ${mode} mode · ${model} · ${summary.overall.tasks} tasks${summary.headers === 'sgt' ? '' : ` · ${summary.headers} headers, not SGT's rule`}`,
    '',
    main,
    '',
    '### STIC-1 / STIC-2 by constraint type',
    '',
    types,
    '',
    `Percent. CR is the mean of the tasks' CR; the STIC ratios pool every task's checks. Leakage: share of (event, segment not asking for it) pairs where the event appears. Headers: ${headerNote(summary.headers)}.`,
    '',
    decisionNote({ overall: summary.overall, judge }),
    '',
  ].join('\n');
}

function headerNote(headers: SgtSummary['headers']): string {
  if (headers === 'mixed') return 'read by different rules in different results: CR mixes them';
  return describeHeaderRule(headers);
}

/** How the checks were decided, with the undecided ones named for what they are. */
function decisionNote({
  overall,
  judge,
}: {
  overall: SgtGroupScore;
  judge: string | null;
}): string {
  const parts = [
    ...(overall.stored > 0
      ? [`${overall.stored} check(s) were decided by the judge verdicts stored with the answers`]
      : []),
    ...(overall.judged > 0 ? [`${overall.judged} were settled by the judge ${judge}`] : []),
  ];
  const undecided =
    overall.undecided === 0
      ? 'no check was left undecided'
      : `${overall.undecided} check(s) were inconclusive by wording and not judged: they count as not satisfied, so STIC is a lower bound${judge === null ? ' (pass --judge <model> to settle them)' : ''}`;
  return `${[...parts, 'the others by their wording'].join('; ')}; ${undecided}.`;
}
