import type { HellobenchResult } from '../../bench/hellobench/hellobench-result-schema.js';
import { renderChart } from '../charts/render-chart.js';
import { formatNumber } from '../html/format-number.js';
import { html } from '../html/html.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderStats, renderTable } from '../html/render-parts.js';
import { groupScoreChart } from './group-score-chart.js';
import { hellobenchPageData } from './hellobench-page-data.js';
import { lengthScatterPart } from './length-scatter-part.js';
import type { BenchFolder } from './read-bench-folder.js';

/**
 * The page of `quire bench hellobench`: S_l and HelloEval by length (or task type) for each
 * mode given, and stated against produced length on log axes.
 */
export async function renderHellobenchPage({
  folders,
  generatedAt,
}: {
  folders: ReadonlyArray<BenchFolder<HellobenchResult>>;
  generatedAt: string;
}): Promise<string> {
  const data = hellobenchPageData({ folders });
  const parts: PagePart[] = [];
  const scores = await renderChart({
    name: 'groups',
    spec: groupScoreChart({ scores: data.scores, groups: data.groups, groupTitle: 'group' }),
  });
  parts.push({
    id: 'groups',
    title: 'Scores by length or task type',
    body: html`${renderFigure({ chart: scores, caption: 'S_l against the stated length, and HelloEval when judged.' })}${renderTable(
      {
        rows: data.summaries.flatMap(({ mode, summary }) =>
          summary.byGroup.map((group) => ({ mode, group })),
        ),
        columns: [
          { title: 'mode', cell: (row) => row.mode },
          { title: 'group', cell: (row) => row.group.group },
          { title: 'items', cell: (row) => row.group.items, numeric: true },
          { title: 'S_l', cell: (row) => formatNumber(row.group.lengthScore, 1), numeric: true },
          {
            title: 'within the gate',
            cell: (row) => `${row.group.withinGate} / ${row.group.targeted}`,
            numeric: true,
          },
          {
            title: 'HelloEval',
            cell: (row) => formatNumber(row.group.helloEval, 1),
            numeric: true,
          },
        ],
      },
    )}`,
  });
  parts.push(
    ...(await lengthScatterPart({
      points: data.points,
      title: 'Stated against produced length',
      caption: 'Each answer whose instruction states a length, on log axes, with the length gate.',
    })),
  );
  return renderPage({
    kind: 'hellobench',
    title: `HelloBench: ${data.summaries.map((summary) => `${summary.model} (${summary.mode})`).join(' vs ')}`,
    summary: html`${data.summaries.map(({ mode, summary }) =>
      renderStats([
        ['mode', mode],
        ['answers', summary.overall.items],
        ['S_l', formatNumber(summary.overall.lengthScore, 1)],
        ['within the gate', `${summary.overall.withinGate} / ${summary.overall.targeted}`],
        ['HelloEval', formatNumber(summary.overall.helloEval, 1)],
      ]),
    )}`,
    parts,
    generatedAt,
  });
}
