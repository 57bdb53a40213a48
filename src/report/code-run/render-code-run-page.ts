import { renderChart } from '../charts/render-chart.js';
import { formatNumber } from '../html/format-number.js';
import { html } from '../html/html.js';
import { type PagePart, renderPage } from '../html/render-page.js';
import { renderFigure, renderStats, renderTable } from '../html/render-parts.js';
import { codeRunPageData } from './code-run-page-data.js';
import type { CodeRunFiles } from './read-code-run-files.js';
import { testsChart } from './tests-chart.js';

/** The page of a code run: its steps, the tests of each, and the requirements met and unmet. */
export async function renderCodeRunPage({
  files,
  generatedAt,
}: {
  files: CodeRunFiles;
  generatedAt: string;
}): Promise<string> {
  const { record } = files;
  const data = codeRunPageData({ files });
  const met = data.requirements.filter((requirement) => requirement.status === 'met').length;
  const parts: PagePart[] = [];
  const stepsTable = renderTable({
    rows: data.steps,
    empty: 'No plan yet.',
    columns: [
      { title: 'step', cell: (step) => step.id },
      { title: 'title', cell: (step) => step.title },
      {
        title: 'status',
        cell: (step) => html`<span class="badge ${step.status}">${step.status}</span>`,
      },
      { title: 'attempts', cell: (step) => step.attempts, numeric: true },
      { title: 'tests passed', cell: (step) => step.passed, numeric: true },
      { title: 'tests failed', cell: (step) => step.failed, numeric: true },
      { title: 'why', cell: (step) => step.reason },
    ],
  });
  parts.push({
    id: 'steps',
    title: 'Steps and their tests',
    body:
      data.steps.length === 0
        ? stepsTable
        : html`${renderFigure({
            chart: await renderChart({ name: 'tests', spec: testsChart({ steps: data.steps }) }),
            caption: 'Tests at the last check of each step.',
          })}${stepsTable}`,
  });
  parts.push({
    id: 'requirements',
    title: `Requirements (${met} of ${data.requirements.length} met)`,
    body: renderTable({
      rows: data.requirements,
      empty: 'The spec lists no requirements.',
      columns: [
        { title: 'id', cell: (requirement) => requirement.id },
        { title: 'requirement', cell: (requirement) => requirement.text },
        {
          title: 'status',
          cell: (requirement) =>
            html`<span class="badge ${requirement.status}">${requirement.status}</span>`,
        },
        {
          title: 'steps',
          cell: (requirement) =>
            requirement.steps.map((step) => `${step.id} (${step.status})`).join(', '),
        },
      ],
    }),
  });
  return renderPage({
    kind: 'code run',
    title: record.id,
    subtitle: record.task.prompt.slice(0, 600),
    summary: renderStats([
      ['status', record.status],
      ['requirements met', `${met} of ${data.requirements.length}`],
      ['steps run', record.stepsRun],
      [
        'tokens in / out',
        `${formatNumber(record.usage.inputTokens)} / ${formatNumber(record.usage.outputTokens)}`,
      ],
      ['calls (retried)', `${record.usage.calls} (${record.usage.failedAttempts})`],
      ['model', record.model.spec],
    ]),
    parts,
    generatedAt,
  });
}
