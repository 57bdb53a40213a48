import { html, type SafeHtml } from '../html/html.js';

/** Longest part of an answer shown inline on a benchmark page. */
const shownCharacters = 3000;

/**
 * An answer that has no file of its own (direct mode), folded under its summary line: the
 * start of its text, and how much is left out. Pure.
 */
export function renderResponse({ id, response }: { id: string; response: string }): SafeHtml {
  const cut = response.length > shownCharacters;
  return html`<details id="answer-${id}"><summary>answer (${response.length.toLocaleString('en-US')} characters)</summary><pre>${response.slice(0, shownCharacters)}${cut ? `\n… ${(response.length - shownCharacters).toLocaleString('en-US')} more characters in results.jsonl` : ''}</pre></details>`;
}
