#!/usr/bin/env node
// Benchmark of quire's rule-based evaluators on one long document: time, words per second and
// peak memory of each, and of all of them together (`evaluateDocument` without a judge).
//
//   npm run build && node bench/evaluators.mjs [--words 100000] [--runs 3]
//
// Each evaluator runs in its own child process so its peak memory (maxRSS) is its own. Prints a
// table and writes bench/results/evaluators-<date>.json.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateLength } from '../dist/evaluators/evaluate-length.js';
import { compressionRatio } from '../dist/evaluators/repetition/compression-ratio.js';
import { nearDuplicateParagraphs } from '../dist/evaluators/repetition/near-duplicate-paragraphs.js';
import { splitParagraphs } from '../dist/evaluators/repetition/split-paragraphs.js';
import { tokenizeText } from '../dist/evaluators/repetition/tokenize-text.js';
import {
  countWords,
  evaluateConstraints,
  evaluateDocument,
  evaluateRepetition,
} from '../dist/index.js';
import { buildProse } from '../tests/fixtures/evaluators/build-prose.mjs';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const words = Number(values.words);
const runs = Number(values.runs);
const segmentCount = 100;

/** The document: prose split into `## Week n` segments, with events planted for constraints. */
function buildDocument() {
  // The generator counts whitespace-separated words, numbers included, and its headings are
  // dropped here: aim higher until the paragraphs hold at least `words` words.
  const paragraphsOf = (target) =>
    buildProse({ words: target, seed: 2024 })
      .split('\n\n')
      .filter((block) => !block.startsWith('#'));
  let target = words;
  let paragraphs = paragraphsOf(target);
  while (countWords(paragraphs.join('\n\n')) < words) {
    target = Math.ceil((target * words) / countWords(paragraphs.join('\n\n'))) + 100;
    paragraphs = paragraphsOf(target);
  }
  const perSegment = Math.ceil(paragraphs.length / segmentCount);
  const segments = Array.from({ length: segmentCount }, (_, index) => {
    const week = index + 1;
    const body = paragraphs.slice(index * perSegment, (index + 1) * perSegment);
    if (week % 7 === 3) body.push('On Saturday the pottery class fired its first kiln load.');
    if (week >= 40 && week <= 45) body.push('The harbor festival filled the quay with stalls.');
    return `## Week ${week}\n\n${body.join('\n\n')}`;
  });
  const sections = segments.map((text, index) => ({
    id: `week-${index + 1}`,
    title: `Week ${index + 1}`,
    words: Math.round(words / segmentCount),
    text,
  }));
  const constraints = {
    version: 1,
    unit: 'Week',
    segments: segmentCount,
    minWords: 500,
    constraints: [
      ...[12, 37, 58, 77, 91].map((segment) => ({
        type: 'once',
        segment,
        event: 'violin recital',
      })),
      { type: 'range', start: 40, end: 45, event: 'harbor festival' },
      { type: 'periodic', start: 3, every: 7, event: 'pottery class' },
    ],
  };
  return { text: `# Benchmark document\n\n${segments.join('\n\n')}\n`, sections, constraints };
}

const evaluators = {
  // The baseline the others are divided by: one pass that cuts the text into tokens, the least
  // any token-based measure must do. Ratios to it mean the same on a fast and a slow machine.
  'tokenize (baseline)': ({ text }) => tokenizeText({ text }),
  countWords: ({ text }) => countWords(text),
  length: ({ text, sections }) =>
    evaluateLength({
      produced: countWords(text),
      required: words,
      sections: sections.map((section) => ({
        ...section,
        budget: section.words,
        words: countWords(section.text),
      })),
    }),
  repetition: ({ text }) => evaluateRepetition({ text }),
  'repetition: compression only': ({ text }) => compressionRatio({ text }),
  'repetition: near-duplicates only': ({ text }) => {
    const { ids, offsets } = tokenizeText({ text });
    return nearDuplicateParagraphs({ ids, offsets, paragraphs: splitParagraphs(text) });
  },
  constraints: ({ text, constraints }) => evaluateConstraints({ text, constraints }),
  'all (evaluateDocument)': ({ text, sections, constraints }) =>
    evaluateDocument({ text, requiredWords: words, sections, constraints }),
};

async function measure(name) {
  const document = buildDocument();
  const baselineRss = process.memoryUsage().rss;
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await evaluators[name](document);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const milliseconds = times[Math.floor(times.length / 2)];
  const counted = countWords(document.text);
  return {
    evaluator: name,
    words: counted,
    characters: document.text.length,
    medianMs: Number(milliseconds.toFixed(1)),
    fastestMs: Number(times[0].toFixed(1)),
    wordsPerSecond: Math.round(counted / (milliseconds / 1000)),
    baselineRssMb: Number((baselineRss / 2 ** 20).toFixed(1)),
    peakRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  };
}

if (values.only) {
  process.stdout.write(`${JSON.stringify(await measure(values.only))}\n`);
} else {
  const script = fileURLToPath(import.meta.url);
  const results = Object.keys(evaluators).map((name) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [script, '--only', name, '--words', String(words), '--runs', String(runs)],
        { encoding: 'utf8' },
      ),
    ),
  );
  const baselineMs = results[0].medianMs;
  const header = [
    'evaluator',
    'median ms',
    '× tokenize',
    'words/s',
    'peak RSS MB',
    'baseline RSS MB',
  ];
  const rows = results.map((result) => [
    result.evaluator,
    result.medianMs.toFixed(1),
    (result.medianMs / baselineMs).toFixed(1),
    result.wordsPerSecond.toLocaleString('en-US'),
    result.peakRssMb.toFixed(1),
    result.baselineRssMb.toFixed(1),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  console.log(
    `quire evaluators on ${results[0].words.toLocaleString('en-US')} words (${results[0].characters.toLocaleString('en-US')} characters), median of ${runs} runs, Node ${process.versions.node}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    'peak RSS includes Node itself and the document; baseline is the RSS once the document is built.',
  );

  const date = new Date().toISOString().slice(0, 10);
  const directory = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(directory, { recursive: true });
  const file = `${directory}evaluators-${date}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ date, node: process.versions.node, cpu: cpus()[0]?.model ?? 'unknown', runs, results }, null, 2)}\n`,
  );
  console.log(`written: bench/results/evaluators-${date}.json`);
}
