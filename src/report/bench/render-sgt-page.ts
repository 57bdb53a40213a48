import type { SgtResult } from '../../bench/sgt/sgt-result-schema.js';
import { renderChart } from '../charts/render-chart.js';
import { formatNumber, formatPercent } from '../html/format-number.js';
import { html, type SafeHtml } from '../html/html.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderNote, renderStats, renderTable } from '../html/render-parts.js';
import { checkGridChart } from './check-grid-chart.js';
import { groupScoreChart } from './group-score-chart.js';
import { outputLink, runDocumentPath } from './output-link.js';
import type { BenchFolder } from './read-bench-folder.js';
import { sgtPageData } from './sgt-page-data.js';

/**
 * The page of `quire bench sgt`: CR, STIC-1, STIC-2 and wAvg by scenario for each mode given,
 * a grid of segments × constraints for the worst tasks, and every task with its answer.
 */
export async function renderSgtPage({
  folders,
  reportDirectory,
  generatedAt,
}: {
  folders: ReadonlyArray<BenchFolder<SgtResult>>;
  reportDirectory: string;
  generatedAt: string;
}): Promise<string> {
  const data = sgtPageData({ folders });
  const parts: PagePart[] = [];
  const scores = await renderChart({
    name: 'scenarios',
    spec: groupScoreChart({
      scores: data.scores,
      groups: data.summaries.flatMap(({ summary }) =>
        summary.byScenario.map((group) => group.group),
      ),
      groupTitle: 'scenario',
    }),
  });
  parts.push({
    id: 'scenarios',
    title: 'Scores by scenario',
    body: renderFigure({
      chart: scores,
      caption:
        'CR: required segments present. STIC-1: checks satisfied of those whose segment exists. STIC-2: of all checks. wAvg = CR × STIC-2.',
    }),
  });
  const grids: SafeHtml[] = [];
  for (const [index, grid] of data.grids.entries()) {
    const chart = await renderChart({
      name: `grid-${index + 1}`,
      spec: checkGridChart({ cells: grid.cells, segments: grid.result.segments.required }),
    });
    const { result } = grid;
    grids.push(
      renderFigure({
        chart,
        caption: `${result.id} (${result.scenario}, ${result.mode}): ${result.checks.satisfied} of ${result.checks.total} checks hit, ${result.checks.undecided} undecided; wAvg ${formatPercent(result.wAvg)}.`,
      }),
    );
  }
  parts.push({
    id: 'grids',
    title: 'Segments × constraints',
    body: html`${grids}${
      data.withoutChecks > 0
        ? renderNote(
            `${data.withoutChecks} task(s) were scored by an older quire that kept no per-check decisions: rerun them for their grids.`,
          )
        : ''
    }${grids.length === 0 ? renderNote('No task with per-check decisions.') : ''}`,
  });
  parts.push({
    id: 'tasks',
    title: 'Tasks',
    body: renderTable({
      rows: data.tasks,
      rowId: (result) => `task-${result.mode}-${result.id}`,
      columns: [
        { title: 'task', cell: (result) => result.id },
        { title: 'mode', cell: (result) => result.mode },
        {
          title: 'segments',
          cell: (result) => `${result.segments.found} / ${result.segments.required}`,
          numeric: true,
        },
        {
          title: 'checks hit',
          cell: (result) => `${result.checks.satisfied} / ${result.checks.total}`,
          numeric: true,
        },
        { title: 'CR', cell: (result) => formatPercent(result.cr), numeric: true },
        { title: 'STIC-1', cell: (result) => formatPercent(result.stic1), numeric: true },
        { title: 'STIC-2', cell: (result) => formatPercent(result.stic2), numeric: true },
        { title: 'words', cell: (result) => formatNumber(result.words), numeric: true },
        {
          title: 'output',
          cell: (result) => {
            const path =
              result.runDirectory !== null
                ? runDocumentPath(result.runDirectory)
                : result.responseFile;
            return path === null
              ? '—'
              : html`<a href="${outputLink({ reportDirectory, path })}">answer</a>`;
          },
        },
      ],
    }),
  });
  return renderPage({
    kind: 'sgt',
    title: `SGT: ${data.summaries.map((summary) => `${summary.model} (${summary.mode})`).join(' vs ')}`,
    summary: html`${data.summaries.map(({ mode, summary }) =>
      renderStats([
        ['mode', mode],
        ['tasks', summary.overall.tasks],
        ['checks', summary.overall.checks],
        ['CR', formatPercent(summary.overall.cr)],
        ['STIC-1', formatPercent(summary.overall.stic1)],
        ['STIC-2', formatPercent(summary.overall.stic2)],
        ['wAvg', formatPercent(summary.overall.wAvg)],
        ['leakage', formatPercent(summary.overall.leakage)],
      ]),
    )}`,
    parts,
    generatedAt,
  });
}
