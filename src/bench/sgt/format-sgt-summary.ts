import { constraintTypes } from '../../evaluators/constraints/constraint-file-schema.js';
import { formatCell, markdownTable } from '../markdown-table.js';
import type { SgtGroupScore, SgtSummary } from './summarise-sgt.js';

/**
 * The SGT summary as Markdown, in percent as SGT reports: CR, STIC-1, STIC-2, wAvg and
 * leakage per scenario and overall, then STIC-1 / STIC-2 per constraint type. Pure.
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
    header: ['scenario', 'tasks', 'checks', 'CR', 'STIC-1', 'STIC-2', 'wAvg', 'leakage'],
    rows: groups.map((group: SgtGroupScore) => [
      group.group,
      String(group.tasks),
      String(group.checks),
      percent(group.cr),
      percent(group.stic1),
      percent(group.stic2),
      percent(group.wAvg),
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
    `## SGT · ${mode} mode · ${model} · ${summary.overall.tasks} tasks`,
    '',
    main,
    '',
    '### STIC-1 / STIC-2 by constraint type',
    '',
    types,
    '',
    `Percent. Leakage: share of (event, segment not asking for it) pairs where the event appears. ${
      judge === null
        ? 'Checks were decided by wording alone; inconclusive ones count as not satisfied (pass --judge <model> to settle them).'
        : `Inconclusive checks were settled by the judge ${judge}.`
    }`,
    '',
  ].join('\n');
}
