#!/usr/bin/env node
// The README's pictures of `quire report`: `npm run screenshots`.
//
// Makes one of each page kind on the simulated model (a 10,000-word write run, LongBench-Write in
// quire mode against direct mode, SGT, quire sft, quire code) with the built CLI in a temporary
// folder, photographs the top of each page in the system's headless Chromium, reduces each
// picture to a small palette and writes docs/report-<kind>.png.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import UPNG from 'upng-js';
import { ensureBuild } from '../bench/lib/ensure-build.mjs';
import { cliPath, rootDirectory } from '../bench/lib/paths.mjs';
import { launchChromium } from './launch-chromium.mjs';

const run = promisify(execFile);
const viewport = { width: 1000, height: 760 };
/** Colours kept per picture: enough for text and charts, small enough for tens of KB. */
const paletteColours = 48;

const quire = (cwd, ...args) =>
  run(process.execPath, [cliPath, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });

/** Each page kind: how to make it in `cwd`, and the page to photograph. */
const kinds = [
  {
    name: 'write-run',
    make: (cwd) =>
      quire(
        cwd,
        'write',
        'Write a 10,000-word guide to the history of lighthouses',
        '--model',
        'sim:repeat=0.15,seed=3',
        '--out',
        'run',
      ),
    page: 'run/report.html',
  },
  {
    name: 'longbench-write',
    make: async (cwd) => {
      const rows = [150, 800, 2500, 6000].map((length) => ({
        prompt: `Write a ${length}-word article about harbours for curious readers.`,
        type: 'Popular Science',
        length,
      }));
      await writeFile(join(cwd, 'data.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n'));
      for (const mode of ['quire', 'direct']) {
        await quire(
          cwd,
          'bench',
          'longbench-write',
          '--data',
          'data.jsonl',
          '--mode',
          mode,
          '--judge',
          'sim',
          '--out',
          mode,
        );
      }
      await quire(cwd, 'report', 'quire', '--compare', 'direct');
    },
    page: 'quire/report.html',
  },
  {
    name: 'sgt',
    make: async (cwd) => {
      await quire(cwd, 'bench', 'sgt', '--generate', '2', '--seed', '1', '--out', 'tasks');
      await quire(
        cwd,
        'bench',
        'sgt',
        '--data',
        'tasks/sgt-tasks-n2-seed1.json',
        '--judge',
        'sim',
        '--out',
        'sgt',
      );
    },
    page: 'sgt/report.html',
    scrollTo: '#grids',
  },
  {
    name: 'sft',
    make: async (cwd) => {
      const lines = [500, 700, 900, 1100, 1300].map((words) =>
        JSON.stringify({ prompt: `Write a ${words}-word story about a harbour.` }),
      );
      await writeFile(join(cwd, 'instructions.jsonl'), lines.join('\n'));
      await quire(cwd, 'sft', 'instructions.jsonl', '--out', 'data.jsonl', '--min-words', '800');
    },
    page: 'data.report.html',
  },
  {
    name: 'code-run',
    make: async (cwd) => {
      await quire(
        cwd,
        'code',
        'Build a JavaScript module with tests. Requirements: - add(a, b) returns the sum - multiply(a, b) returns the product',
        '--out',
        'code',
      ).catch(() => {});
      await quire(cwd, 'report', 'code');
    },
    page: 'code/report.html',
  },
];

ensureBuild();
const work = await mkdtemp(join(tmpdir(), 'quire-screenshots-'));
const browser = await launchChromium();
try {
  for (const kind of kinds) {
    const cwd = await mkdtemp(join(work, `${kind.name}-`));
    await kind.make(cwd);
    const page = await browser.newPage({ viewport, colorScheme: 'light' });
    await page.goto(pathToFileURL(join(cwd, kind.page)).href);
    if (kind.scrollTo) await page.locator(kind.scrollTo).scrollIntoViewIfNeeded();
    const png = await page.screenshot();
    await page.close();
    const image = UPNG.decode(new Uint8Array(png).buffer);
    const small = UPNG.encode(UPNG.toRGBA8(image), image.width, image.height, paletteColours);
    const path = join(rootDirectory, 'docs', `report-${kind.name}.png`);
    await writeFile(path, Buffer.from(small));
    console.log(`screenshots: ${path} (${Math.round(small.byteLength / 1024)} KB)`);
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
