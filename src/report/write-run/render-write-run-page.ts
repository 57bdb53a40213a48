import { renderChart } from '../charts/render-chart.js';
import { formatNumber } from '../html/format-number.js';
import { html, trustedHtml } from '../html/html.js';
import { renderMarkdown } from '../html/render-markdown.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderNote, renderStats, renderTable } from '../html/render-parts.js';
import { findingsStripChart } from './findings-strip-chart.js';
import { renderPlanTree } from './render-plan-tree.js';
import { repetitionChart } from './repetition-chart.js';
import { stageChart } from './stage-chart.js';
import { stepTokensChart } from './step-tokens-chart.js';
import { timelineChart } from './timeline-chart.js';
import { wordsChart } from './words-chart.js';
import type { WriteRunFiles } from './write-run-files.js';
import { writeRunPageData } from './write-run-page-data.js';

/**
 * The page of a write run: the plan tree, words against budget with the length gate, findings
 * and constraint checks along the document, the time line, tokens per section, usage by stage,
 * the findings table and the document itself, each finding linked to its passage.
 */
export async function renderWriteRunPage({
  files,
  generatedAt,
}: {
  files: WriteRunFiles;
  generatedAt: string;
}): Promise<string> {
  const { info, plan, report, document } = files;
  const rendered = renderMarkdown({ markdown: document ?? '' });
  const data = writeRunPageData({ files, passages: rendered.passages });
  const title = plan?.title ?? info.task.title ?? info.task.prompt.slice(0, 80);
  const words = report?.words ?? data.rows.reduce((sum, row) => sum + (row.words ?? 0), 0);
  const done = data.rows.filter((row) => row.status === 'written').length;
  const { floor, ceiling } = data.gate;

  const parts: PagePart[] = [];
  parts.push({
    id: 'plan',
    title: 'Plan',
    body: renderPlanTree({
      title,
      targetWords: info.task.words,
      tree: data.tree,
      sectionHrefs: data.sectionHrefs,
    }),
  });
  if (data.rows.length > 0) {
    const chart = await renderChart({
      name: 'words',
      spec: wordsChart({ rows: data.rows, hrefOf: (row) => data.sectionHrefs.get(row.id) }),
    });
    parts.push({
      id: 'words',
      title: 'Words against budget',
      body: renderFigure({
        chart,
        caption: `One bar per planned section (${data.rows.length}). The shaded band is the length gate, ${floor}× to ${ceiling}× the budget; the line across it is the budget.`,
      }),
    });
  }
  const strip = await renderChart({
    name: 'strip',
    spec: findingsStripChart({ marks: data.strip }),
  });
  const windows =
    data.windows.length > 0
      ? await renderChart({ name: 'repetition', spec: repetitionChart({ windows: data.windows }) })
      : undefined;
  parts.push({
    id: 'along',
    title: 'Along the document',
    body: html`${renderFigure({
      chart: strip,
      caption:
        'Section starts, repetition findings, constraint hits and misses and meta-text at their places; each mark links to its passage.',
    })}${
      windows
        ? renderFigure({
            chart: windows,
            caption: `rep-4 and distinct-2 of each ${report?.repetition.windows.size ?? ''}-token window: where repetition starts.`,
          })
        : ''
    }`,
  });
  if (data.timeline.attempts.length > 0) {
    const timeline = await renderChart({ name: 'timeline', spec: timelineChart(data.timeline) });
    const tokens = await renderChart({
      name: 'tokens',
      spec: stepTokensChart({ steps: data.timeline.steps }),
    });
    parts.push({
      id: 'time',
      title: 'Time and tokens',
      body: html`${renderFigure({
        chart: timeline,
        caption: `Each attempt from its start to its checks: first drafts and repairs by colour; ${data.timeline.retries.length} retried call(s) as red rules.`,
      })}${renderFigure({ chart: tokens, caption: 'Tokens of each section, its repairs included.' })}`,
    });
  }
  const stages = await renderChart({ name: 'stages', spec: stageChart({ stages: data.stages }) });
  parts.push({
    id: 'cost',
    title: 'Cost by stage',
    body: html`${renderFigure({
      chart: stages,
      caption: data.priced
        ? 'Estimated from the model price in the run settings or the built-in table.'
        : `No price is known for ${info.model.modelId}: tokens are shown.`,
    })}${renderTable({
      rows: data.stages,
      columns: [
        { title: 'stage', cell: (stage) => stage.stage },
        { title: 'input tokens', cell: (stage) => formatNumber(stage.inputTokens), numeric: true },
        { title: 'cached', cell: (stage) => formatNumber(stage.cachedInputTokens), numeric: true },
        {
          title: 'output tokens',
          cell: (stage) => formatNumber(stage.outputTokens),
          numeric: true,
        },
        {
          title: 'US dollars',
          cell: (stage) => (stage.costUsd === null ? '—' : `$${stage.costUsd.toFixed(4)}`),
          numeric: true,
        },
      ],
    })}`,
  });
  parts.push({
    id: 'findings',
    title: `Findings (${data.findings.length})`,
    body: renderTable({
      rows: data.findings,
      rowId: (finding) => `finding-${finding.number}`,
      empty: 'No findings: every check passed.',
      columns: [
        { title: '#', cell: (finding) => finding.number, numeric: true },
        {
          title: 'severity',
          cell: (finding) =>
            html`<span class="severity-${finding.severity}">${finding.severity}</span>`,
        },
        { title: 'rule', cell: (finding) => finding.ruleId },
        {
          title: 'finding',
          cell: (finding) => {
            const href = data.findingHrefs.get(finding.number);
            return href
              ? html`<a class="finding-link" href="${href}">${finding.message}</a>`
              : finding.message;
          },
        },
        { title: 'where', cell: (finding) => finding.where },
      ],
    }),
  });
  parts.push({
    id: 'document',
    title: 'Document',
    body:
      document === undefined
        ? renderNote('No document.md yet: the run has not finished.')
        : html`<article class="document">${trustedHtml(rendered.html)}</article>`,
  });

  const usage = info.usage;
  return renderPage({
    kind: 'write run',
    title,
    subtitle: info.task.prompt,
    summary: html`${renderStats([
      ['status', info.status + (info.stopReason ? ` (${info.stopReason})` : '')],
      ['words', `${formatNumber(words)} of ${formatNumber(info.task.words)}`],
      ['S_l', report?.scores.length === null ? undefined : formatNumber(report?.scores.length, 1)],
      ['S_q', report?.scores.quality == null ? undefined : formatNumber(report.scores.quality, 1)],
      ['sections', `${done} of ${data.rows.length}`],
      [
        'tokens in / out',
        `${formatNumber(usage.inputTokens)} / ${formatNumber(usage.outputTokens)}`,
      ],
      ['calls (retried)', `${usage.calls} (${usage.failedAttempts})`],
      ['cost', info.costUsd === undefined ? 'unknown' : `$${info.costUsd.toFixed(4)}`],
      ['elapsed', `${formatNumber(info.elapsedSeconds, 1)} s`],
      ['model', info.model.spec],
    ])}${info.model.simulated ? renderNote('Written by the simulated model: placeholder prose.') : ''}${files.notes.map(renderNote)}`,
    parts,
    generatedAt,
  });
}
