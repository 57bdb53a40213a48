import type { LongbenchResult } from '../../bench/longbench/longbench-result-schema.js';
import { lengthBuckets } from '../../evaluators/length-bucket.js';
import { defaultLengthGate } from '../../evaluators/length-gate.js';
import { renderChart } from '../charts/render-chart.js';
import { formatNumber } from '../html/format-number.js';
import { html } from '../html/html.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderNote, renderStats, renderTable } from '../html/render-parts.js';
import { groupScoreChart } from './group-score-chart.js';
import { lengthScatterPart } from './length-scatter-part.js';
import { longbenchPageData } from './longbench-page-data.js';
import { outputLink, runDocumentPath } from './output-link.js';
import type { BenchFolder } from './read-bench-folder.js';
import { renderResponse } from './render-response.js';

/**
 * The page of `quire bench longbench-write`: S_l (and S_q) by length bucket for each mode
 * given, required against produced length on log axes, and the worst items with their answers.
 */
export async function renderLongbenchPage({
  folders,
  reportDirectory,
  generatedAt,
}: {
  /** The folder reported on, then the one compared with it, if any. */
  folders: ReadonlyArray<BenchFolder<LongbenchResult>>;
  reportDirectory: string;
  generatedAt: string;
}): Promise<string> {
  const data = longbenchPageData({ folders });
  const parts: PagePart[] = [];
  const modes = data.summaries.map((summary) => summary.mode).join(' against ');
  const buckets = await renderChart({
    name: 'buckets',
    spec: groupScoreChart({
      scores: data.buckets,
      groups: lengthBuckets,
      groupTitle: 'required length',
    }),
  });
  parts.push({
    id: 'buckets',
    title: 'Scores by length bucket',
    body: html`${renderFigure({
      chart: buckets,
      caption: `S_l${data.judged ? ' and S_q' : ''} by required length, ${modes} mode.`,
    })}${
      folders.length === 1
        ? renderNote(
            'One mode only: run the benchmark in the other --mode and pass its folder with --compare to draw both.',
          )
        : ''
    }${data.judged ? '' : renderNote('No judge: S_q and S are blank (pass --judge to the benchmark).')}${renderTable(
      {
        rows: data.summaries.flatMap(({ mode, summary }) =>
          summary.byBucket.map((group) => ({ mode, group })),
        ),
        columns: [
          { title: 'mode', cell: (row) => row.mode },
          { title: 'bucket', cell: (row) => row.group.group },
          { title: 'items', cell: (row) => row.group.items, numeric: true },
          { title: 'S_l', cell: (row) => formatNumber(row.group.lengthScore, 1), numeric: true },
          { title: 'S_q', cell: (row) => formatNumber(row.group.qualityScore, 1), numeric: true },
          { title: 'S', cell: (row) => formatNumber(row.group.overall, 1), numeric: true },
          {
            title: 'mean required / produced',
            cell: (row) =>
              `${formatNumber(row.group.meanRequired)} / ${formatNumber(row.group.meanProduced)}`,
            numeric: true,
          },
        ],
      },
    )}`,
  });
  parts.push(
    ...(await lengthScatterPart({
      points: data.points,
      title: 'Required against produced length',
      caption: `Each item, on log axes. Dashed: the required length and the length gate (${defaultLengthGate.floor}× and ${defaultLengthGate.ceiling}×).`,
    })),
  );
  parts.push({
    id: 'worst',
    title: 'Worst items',
    body: renderTable({
      rows: data.worst,
      empty: 'No results yet.',
      rowId: ({ result }) => `item-${result.mode}-${result.id}`,
      columns: [
        { title: 'item', cell: ({ result }) => result.id },
        { title: 'mode', cell: ({ result }) => result.mode },
        { title: 'type', cell: ({ result }) => `${result.type} · ${result.lang}` },
        { title: 'required', cell: ({ result }) => formatNumber(result.length), numeric: true },
        {
          title: 'produced',
          cell: ({ result }) => formatNumber(result.response_length),
          numeric: true,
        },
        { title: 'S_l', cell: ({ result }) => formatNumber(result.S_l, 1), numeric: true },
        { title: 'S_q', cell: ({ result }) => formatNumber(result.S_q, 1), numeric: true },
        {
          title: 'output',
          cell: ({ result }) =>
            result.runDirectory === null
              ? renderResponse({ id: `${result.mode}-${result.id}`, response: result.response })
              : html`<a href="${outputLink({ reportDirectory, path: runDocumentPath(result.runDirectory) })}">document.md</a>`,
        },
      ],
    }),
  });
  return renderPage({
    kind: 'longbench-write',
    title: `LongBench-Write: ${data.summaries.map((summary) => `${summary.model} (${summary.mode})`).join(' vs ')}`,
    summary: html`${data.summaries.map(({ mode, summary, judge }) =>
      renderStats([
        ['mode', mode],
        ['items', summary.overall.items],
        ['S_l', formatNumber(summary.overall.lengthScore, 1)],
        ['S_q', formatNumber(summary.overall.qualityScore, 1)],
        ['S', formatNumber(summary.overall.overall, 1)],
        ['judge', judge ?? 'none'],
      ]),
    )}`,
    parts,
    generatedAt,
  });
}
