import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../../src/report/render-report-page.js';
import { findReportTarget } from '../../../src/report/report-target.js';
import { chartData } from '../helpers/chart-data.js';

const fixture = 'tests/fixtures/report/write-run';
const expectedPath = 'tests/fixtures/report/write-run.expected.json';

async function renderFixture(): Promise<string> {
  const target = await findReportTarget({ path: fixture, cwd: process.cwd() });
  return renderReportPage({
    target,
    reportDirectory: target.path,
    generatedAt: '2026-01-01 00:00',
  });
}

describe('the write run page of a fixed run directory', () => {
  it('shows the chart data recorded in the golden file (UPDATE=1 rewrites it)', async () => {
    const data = chartData(await renderFixture());
    if (process.env.UPDATE === '1') {
      writeFileSync(expectedPath, `${JSON.stringify(data, null, 2)}\n`);
    }
    // A missing golden file fails: it is never made up by the test that checks against it.
    expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE=1`).toBe(true);
    expect(data).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  }, 60_000);

  it('draws one bar per planned section, the gate and budget of each, and every attempt', async () => {
    const plan = JSON.parse(readFileSync(`${fixture}/plan.json`, 'utf8'));
    const data = chartData(await renderFixture());
    const sections = plan.sections.length;
    expect(data.words?.words_marks).toHaveLength(sections);
    expect(data.words?.gate_marks).toHaveLength(sections);
    expect(data.words?.words_marks?.[0]).toMatch(/^section: s001; words: \d+; length gate: within/);
    // Three first drafts and four rewrites, and the one retried call.
    expect(data.timeline?.attempts_marks).toHaveLength(7);
    expect(
      data.timeline?.attempts_marks?.filter((label) => label.includes('action: rewrite')),
    ).toHaveLength(4);
    expect(data.timeline?.retries_marks).toHaveLength(1);
    // Section starts, the repetition findings and the four constraint checks, all hits.
    const strip = data.strip?.marks ?? [];
    expect(strip.filter((label) => label.includes('lane: section start'))).toHaveLength(sections);
    expect(strip.filter((label) => label.includes('lane: constraint hit'))).toHaveLength(4);
    expect(strip.filter((label) => label.includes('lane: repetition')).length).toBeGreaterThan(0);
  }, 60_000);
});
