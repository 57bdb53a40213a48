import { formatCount } from '../../util/format-count.js';
import { html, type SafeHtml } from '../html/html.js';

/** Longest part of an answer shown inline on a benchmark page. */
const shownCharacters = 3000;

/**
 * An answer that has no file of its own (direct mode), folded under its summary line: the
 * start of its text, and how much is left out. Pure.
 */
export function renderResponse({ id, response }: { id: string; response: string }): SafeHtml {
  const cut = response.length > shownCharacters;
  return html`<details id="answer-${id}"><summary>answer (${formatCount(response.length)} characters)</summary><pre>${response.slice(0, shownCharacters)}${cut ? `\n… ${formatCount(response.length - shownCharacters)} more characters in results.jsonl` : ''}</pre></details>`;
}
