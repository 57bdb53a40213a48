import { formatNumber } from '../html/format-number.js';
import { html, type SafeHtml } from '../html/html.js';
import type { PlanTreeNode, SectionRow } from './section-rows.js';

/**
 * The plan as a tree: the document, its sections, and the parts a long section was split
 * into; each with its budget, its words, its status against the length gate and its attempts,
 * linked to where it starts in the document. Pure.
 */
export function renderPlanTree({
  title,
  targetWords,
  tree,
  sectionHrefs,
}: {
  title: string;
  targetWords: number;
  tree: readonly PlanTreeNode[];
  sectionHrefs: ReadonlyMap<string, string>;
}): SafeHtml {
  const item = (row: SectionRow, parts: readonly SectionRow[] = []): SafeHtml => {
    const href = sectionHrefs.get(row.id);
    const label = html`<span class="section-id">${row.id}</span> ${row.title}`;
    return html`<li data-section="${row.id}">${href ? html`<a href="${href}">${label}</a>` : label}
 — ${formatNumber(row.words)} of ${formatNumber(row.budget)} words
<span class="badge ${row.gate ?? 'pending'}">${row.gate ?? 'pending'}</span>${
      row.attempts !== null && row.attempts > 1
        ? html`<span class="badge">${row.attempts} attempts</span>`
        : ''
    }${row.findings > 0 ? html`<span class="badge miss">${row.findings} finding(s)</span>` : ''}${
      parts.length > 0 ? html`<ul>${parts.map((part): SafeHtml => item(part))}</ul>` : ''
    }</li>`;
  };
  return html`<ul class="tree" aria-label="Plan"><li><strong>${title}</strong> — target ${formatNumber(targetWords)} words
<ul>${tree.map((node) => item(node.row, node.parts))}</ul></li></ul>`;
}
