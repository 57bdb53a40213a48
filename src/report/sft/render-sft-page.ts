import { basename } from 'node:path';
import { defaultLengthGate } from '../../evaluators/length-gate.js';
import { lengthScatterChart } from '../bench/length-scatter-chart.js';
import { renderChart } from '../charts/render-chart.js';
import { formatNumber } from '../html/format-number.js';
import { html } from '../html/html.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderNote, renderStats } from '../html/render-parts.js';
import type { SftFiles } from './read-sft-files.js';
import { lengthRatioChart, rejectionChart, throughputChart } from './sft-charts.js';
import { sftPageData } from './sft-page-data.js';

/**
 * The page of a `quire sft` output: the lengths of accepted (and rejected) answers against
 * their targets, the rejection reasons, and the answers finished over time.
 */
export async function renderSftPage({
  files,
  generatedAt,
}: {
  files: SftFiles;
  generatedAt: string;
}): Promise<string> {
  const data = sftPageData({ files });
  const parts: PagePart[] = [];
  if (data.points.length > 0) {
    const scatter = await renderChart({
      name: 'lengths',
      spec: lengthScatterChart({
        points: data.points,
        gate: defaultLengthGate,
        series: {
          title: 'answer',
          domain: ['accepted', 'rejected'],
          range: ['#3a9e94', '#d6453d'],
        },
      }),
    });
    const ratios = await renderChart({
      name: 'ratios',
      spec: lengthRatioChart({ ratios: data.ratios, gate: defaultLengthGate }),
    });
    parts.push({
      id: 'lengths',
      title: 'Lengths against targets',
      body: html`${renderFigure({ chart: scatter, caption: 'Target against produced words of every answer, on log axes, with the length gate.' })}${renderFigure({ chart: ratios, caption: `Words ÷ target; dashed: the length gate (${defaultLengthGate.floor}× and ${defaultLengthGate.ceiling}×).` })}`,
    });
  }
  parts.push({
    id: 'rejections',
    title: 'Rejection reasons',
    body:
      data.reasons.length === 0
        ? renderNote('No answer was rejected.')
        : renderFigure({
            chart: await renderChart({
              name: 'reasons',
              spec: rejectionChart({ reasons: data.reasons }),
            }),
            caption: 'An answer rejected for several reasons counts under each.',
          }),
  });
  if (data.throughput.length > 0) {
    parts.push({
      id: 'throughput',
      title: 'Throughput',
      body: renderFigure({
        chart: await renderChart({
          name: 'throughput',
          spec: throughputChart({ points: data.throughput }),
        }),
        caption: 'Answers finished over time; a resumed batch shows its pause as a flat stretch.',
      }),
    });
  }
  return renderPage({
    kind: 'sft',
    title: `SFT data: ${basename(files.out)}`,
    summary: renderStats([
      ['accepted', data.accepted],
      ['rejected', data.rejected],
      [
        'accepted rate',
        data.accepted + data.rejected === 0
          ? '—'
          : `${((100 * data.accepted) / (data.accepted + data.rejected)).toFixed(1)}%`,
      ],
      ['words accepted', formatNumber(data.words)],
      ['accepted per hour', formatNumber(data.perHour, 1)],
    ]),
    parts,
    generatedAt,
  });
}
