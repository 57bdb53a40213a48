import { version } from '../../version.js';
import { html, type SafeHtml } from './html.js';
import { pageStyles } from './page-styles.js';

/** A part of a page: a heading in the contents and a section. */
export interface PagePart {
  id: string;
  title: string;
  body: SafeHtml;
}

// Nothing may be fetched when the page is opened: no script, no network, inline styles only.
const contentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * A whole self-contained page: one inline stylesheet, no script, a Content-Security-Policy
 * that forbids every request, a skip link and a contents list for keyboard use, then the
 * parts in order. Pure.
 */
export function renderPage({
  kind,
  title,
  subtitle,
  summary,
  parts,
  generatedAt,
}: {
  /** What the page reports on, e.g. `write run`; also `data-report-kind`. */
  kind: string;
  title: string;
  subtitle?: string;
  /** Key figures shown under the title. */
  summary: SafeHtml;
  parts: readonly PagePart[];
  generatedAt: string;
}): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="quire ${version}">
<title>${title} · quire report</title>
<style>${pageStyles}</style>
</head>
<body data-report-kind="${kind}">
<a class="skip-link" href="#${parts[0]?.id ?? 'main'}">Skip to the content</a>
<header class="page">
<div class="kind">quire · ${kind}</div>
<h1>${title}</h1>
${subtitle ? html`<p class="prompt">${subtitle}</p>` : ''}
${summary}
<nav class="contents" aria-label="Contents"><ol>${parts.map(
    (part) => html`<li><a href="#${part.id}">${part.title}</a></li>`,
  )}</ol></nav>
</header>
<main id="main">
${parts.map(
  (part) =>
    html`<section class="part" id="${part.id}" aria-labelledby="${part.id}-heading">
<h2 id="${part.id}-heading">${part.title}</h2>
${part.body}
</section>
`,
)}</main>
<footer class="page">Made by quire ${version} on ${generatedAt}. Charts: Vega-Lite, rendered to SVG when the page was made.</footer>
</body>
</html>
`;
  return page.value;
}
