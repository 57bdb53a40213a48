/**
 * The variables every CLI run of the suite starts from, beside PATH: no colours, and no HTML
 * report after each write, bench and sft run (making it costs more CPU than a short sim run;
 * the report's own tests turn it back on with `QUIRE_REPORT_HTML: 'true'`).
 */
export const cliEnvironment = { NO_COLOR: '1', QUIRE_REPORT_HTML: 'false' } as const;
