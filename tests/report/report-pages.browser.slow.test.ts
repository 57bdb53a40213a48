import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/launch-chromium.mjs';
import { longbenchJsonl } from '../bench/helpers/longbench-rows.js';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { screenshotPixels } from './helpers/screenshot-pixels.js';

// Slow on purpose and run once: real commands make the folders, one Chromium shows every page.
const tempDir = useTempDir();
let browser: Browser;
let screenshots: string;

beforeAll(async () => {
  browser = await launchChromium();
  // The test output: kept after the run, so the pictures can be looked at.
  screenshots = await mkdtemp(join(tmpdir(), 'quire-report-screenshots-'));
  console.log(`quire report screenshots: ${screenshots}`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
}, 60_000);

/** The suite's CLI runs make no report unless asked: these pages are what is tested. */
const reportOn = { QUIRE_REPORT_HTML: 'true' };

/** Runs quire in this process: the pages are what is tested, not the process that made them. */
async function quire(cwd: string, args: string[]): Promise<void> {
  const result = await runMain({ argv: args, cwd, env: reportOn });
  expect(result.code, `quire ${args.join(' ')}\n${result.stderr}`).toBe(0);
}

/** Opens a page from disk and records its console errors and every request it makes. */
async function openPage(
  path: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
  // Playwright's 30 s default is too tight for a page of charts on a loaded machine.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(path).href);
  return { page, errors, requests };
}

/**
 * What every page must pass: it is not blank, every chart is there with marks of its own, no
 * console error, and nothing but the page itself was requested. Saves its screenshot.
 */
async function checkPage({ path, kind }: { path: string; kind: string }): Promise<Page> {
  const { page, errors, requests } = await openPage(path);
  expect(await page.getAttribute('body', 'data-report-kind')).toBe(kind);
  const charts = await page.$$eval('figure.chart svg', (svgs) =>
    svgs.map((svg) => ({
      name: svg.getAttribute('data-chart'),
      width: svg.getBoundingClientRect().width,
      height: svg.getBoundingClientRect().height,
      marks: svg.querySelectorAll('.role-mark [role="graphics-symbol"]').length,
    })),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    expect(chart.width, `${chart.name} width`).toBeGreaterThan(100);
    expect(chart.height, `${chart.name} height`).toBeGreaterThan(30);
    expect(chart.marks, `${chart.name} marks`).toBeGreaterThan(0);
  }
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what shows a page is not blank
  expect((await page.innerText('body')).length).toBeGreaterThan(300);
  const png = await page.screenshot({ fullPage: false });
  await writeFile(join(screenshots, `${kind.replace(/\W+/g, '-')}.png`), png);
  const pixels = screenshotPixels(png);
  expect(pixels.inkShare).toBeGreaterThan(0.03);
  expect(pixels.colours).toBeGreaterThan(20);
  expect(errors).toEqual([]);
  expect(requests).toEqual([pathToFileURL(path).href]);
  return page;
}

describe('quire report pages in Chromium', () => {
  it('shows a 10,000-word sim run: bars = sections, findings scroll to their passages, keyboard, dark mode, print', async () => {
    const cwd = await tempDir();
    await quire(cwd, [
      'write',
      '--quality',
      'fast',
      'Write a 10,000-word guide to the history of lighthouses',
      '--model',
      'sim:repeat=0.15,seed=3',
      '--out',
      'run',
    ]);
    const path = join(cwd, 'run', 'report.html');
    const plan = JSON.parse(await readFile(join(cwd, 'run', 'plan.json'), 'utf8'));
    const page = await checkPage({ path, kind: 'write run' });

    const bars = await page.$$('svg[data-chart="words"] .words_marks [aria-roledescription="bar"]');
    expect(bars).toHaveLength(plan.sections.length);

    const link = page.locator('a.finding-link').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#passage-\d+$/);
    await link.click();
    await page.waitForFunction(`location.hash === ${JSON.stringify(href)}`);
    const box = await page.locator(href!).boundingBox();
    expect(box!.y).toBeGreaterThan(-2);
    expect(box!.y).toBeLessThan(900);
    expect(await page.evaluate('window.scrollY')).toBeGreaterThan(1000);

    // A mark of the strip is a link too.
    const mark = page.locator('svg[data-chart="strip"] a').last();
    const markHref = await mark.getAttribute('xlink:href');
    await mark.click();
    await page.waitForFunction(`location.hash === ${JSON.stringify(markHref)}`);

    // Keyboard: the first Tab reaches the skip link, Enter follows it.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction("location.hash === '#plan'");

    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(21, 23, 26)');
    await page.screenshot({ path: join(screenshots, 'write-run-dark.png') });

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.close();
  }, 300_000);

  it('shows a LongBench-Write folder, quire mode against direct mode', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'data.jsonl'), longbenchJsonl());
    const bench = (mode: string) =>
      quire(cwd, [
        'bench',
        'longbench-write',
        '--data',
        'data.jsonl',
        '--limit',
        '4',
        '--mode',
        mode,
        '--judge',
        'sim',
        '--model',
        'sim',
        '--out',
        mode,
      ]);
    await Promise.all([bench('quire'), bench('direct')]);
    await quire(cwd, ['report', 'quire', '--compare', 'direct']);
    const page = await checkPage({
      path: join(cwd, 'quire', 'report.html'),
      kind: 'longbench-write',
    });
    const points = await page.$$('svg[data-chart="lengths"] .items_marks [role="graphics-symbol"]');
    expect(points).toHaveLength(8);
    await page.close();
  }, 300_000);

  it('shows an SGT folder with its segments × constraints grids', async () => {
    const cwd = await tempDir();
    await quire(cwd, ['bench', 'sgt', '--generate', '1', '--seed', '1', '--out', 'tasks']);
    await quire(cwd, [
      'bench',
      'sgt',
      '--data',
      'tasks/sgt-tasks-n1-seed1.json',
      '--mode',
      'quire',
      '--model',
      'sim',
      '--out',
      'sgt',
    ]);
    const page = await checkPage({ path: join(cwd, 'sgt', 'report.html'), kind: 'sgt' });
    const results = (await readFile(join(cwd, 'sgt', 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const cells = await page.$$('svg[data-chart^="grid-"] .role-mark [role="graphics-symbol"]');
    expect(cells).toHaveLength(
      results.reduce(
        (sum: number, result: { checks: { total: number } }) => sum + result.checks.total,
        0,
      ),
    );
    await page.close();
  }, 300_000);

  it('shows a quire sft output and a code run', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'instructions.jsonl'),
      [600, 900, 1200]
        .map((words) => JSON.stringify({ prompt: `Write a ${words}-word story about a harbour.` }))
        .join('\n'),
    );
    const [, code] = await Promise.all([
      quire(cwd, ['sft', 'instructions.jsonl', '--out', 'data.jsonl', '--min-words', '700']),
      runCli({
        args: [
          'code',
          'Build a JavaScript module with tests. Requirements: - add(a, b) returns the sum',
          '--model',
          'sim',
          '--out',
          'code',
        ],
        cwd,
        timeoutMs: 240_000,
      }),
    ]);
    // The sim's code run ends incomplete (exit 1) with its steps recorded: what the page shows.
    expect([0, 1], code.stderr).toContain(code.code);
    await (await checkPage({ path: join(cwd, 'data.report.html'), kind: 'sft' })).close();
    await quire(cwd, ['report', 'code']);
    await (await checkPage({ path: join(cwd, 'code', 'report.html'), kind: 'code run' })).close();
  }, 300_000);
});
