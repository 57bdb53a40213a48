/**
 * The page's only stylesheet, inlined. Colours are variables switched by
 * `prefers-color-scheme`, charts inherit the text colour, links and focus rings are visible for
 * keyboard use, and print drops the navigation and keeps figures whole.
 */
export const pageStyles = `
:root { color-scheme: light dark; --text: #1d1f23; --muted: #5b616b; --background: #ffffff;
  --panel: #f4f5f7; --line: #d9dce1; --accent: #1f5fae; --error: #b3261e; --warning: #8a5a00;
  --info: #3d5a80; --mark: #fff2a8; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e8eb; --muted: #a3a9b3; --background: #15171a; --panel: #1f2226;
    --line: #353a41; --accent: #8ab4f8; --error: #f28b82; --warning: #fdd663; --info: #a8c7fa;
    --mark: #4a4212; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--background); color: var(--text);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent);
  outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem; }
.skip-link:focus { left: .5rem; }
header.page, main { max-width: 980px; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 1.5rem; }
header.page h1 { margin: 0 0 .25rem; font-size: 1.6rem; line-height: 1.25; }
.kind { color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: .78rem; }
.prompt { color: var(--muted); margin: .25rem 0 1rem; white-space: pre-wrap; }
nav.contents ol { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0;
  margin: .5rem 0 1rem; }
dl.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .5rem;
  margin: 1rem 0; }
dl.stats div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: .5rem .75rem; }
dl.stats dt { color: var(--muted); font-size: .8rem; }
dl.stats dd { margin: 0; font-size: 1.15rem; font-variant-numeric: tabular-nums; }
section.part { margin: 2rem 0; }
section.part > h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
figure.chart { margin: 1rem 0; overflow-x: auto; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; color: var(--text); }
figure.chart figcaption { color: var(--muted); font-size: .88rem; margin-top: .25rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.number, th.number { text-align: right; }
.severity-error { color: var(--error); font-weight: 600; }
.severity-warning { color: var(--warning); font-weight: 600; }
.severity-info { color: var(--info); }
.note { background: var(--panel); border-left: 4px solid var(--line); padding: .5rem .75rem; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.1rem; margin: .25rem 0; }
ul.tree { padding-left: 0; }
ul.tree li { margin: .15rem 0; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 .45rem;
  font-size: .78rem; margin-left: .25rem; }
.badge.within, .badge.passed, .badge.met, .badge.hit { border-color: #3a9e94; }
.badge.short, .badge.long, .badge.failed, .badge.unmet, .badge.miss { border-color: var(--error);
  color: var(--error); }
.badge.pending, .badge.skipped, .badge.undecided { color: var(--muted); }
article.document { border-top: 1px solid var(--line); margin-top: 1rem; }
article.document > * { scroll-margin-top: 1rem; }
article.document :target { background: var(--mark); outline: 2px solid var(--accent);
  outline-offset: 4px; }
pre { overflow-x: auto; background: var(--panel); padding: .5rem; }
details > summary { cursor: pointer; }
footer.page { max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; color: var(--muted);
  font-size: .8rem; }
@media print {
  :root { --text: #000; --muted: #333; --background: #fff; --panel: #f2f2f2; --line: #bbb;
    --accent: #000; --mark: #fff2a8; }
  nav.contents, .skip-link { display: none; }
  body { font-size: 11pt; }
  a { text-decoration: none; }
  section.part { break-inside: auto; }
  figure.chart, tr, dl.stats div { break-inside: avoid; }
}
`;
