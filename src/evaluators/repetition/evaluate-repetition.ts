import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { parseMarkdown } from '../../markdown/parse-markdown.js';
import type { Finding } from '../finding.js';
import { createTextLocator, type TextLocator } from '../text-locator.js';
import { compressionRatio } from './compression-ratio.js';
import { distinctNgrams } from './distinct-ngrams.js';
import { functionWords } from './function-words.js';
import { lateCollapse } from './late-collapse.js';
import { longestLoop } from './longest-loop.js';
import { nearDuplicateParagraphs } from './near-duplicate-paragraphs.js';
import { referenceSectionStart } from './reference-section-start.js';
import { longestRepeatedStretch } from './repeated-stretch.js';
import { repetitionFindings } from './repetition-findings.js';
import { defaultRepetitionOptions, type RepetitionOptions } from './repetition-options.js';
import type { RepetitionResult } from './repetition-result-schema.js';
import { splitParagraphs } from './split-paragraphs.js';
import { longestSymbolRun } from './symbol-run.js';
import { tokenizeText } from './tokenize-text.js';
import { windowDiversity } from './window-diversity.js';

/**
 * Measures repetition in a text: distinct-1/2 and rep-4 overall and per window, the longest
 * run of one token and the longest loop, the longest stretch that only repeats earlier text,
 * the longest stretch of symbols with no word, Brotli compression ratio, near-duplicate
 * paragraphs anywhere in the text, and a collapse at the end (stopping before a closing list of
 * references). Closed code fences are left out; an unclosed fence hides nothing. Returns the
 * numbers and findings with locations: errors mark a degenerate text. Pure; linear in the text
 * except near-duplicate pairs, which cost what the paragraphs actually share.
 */
export function evaluateRepetition({
  text,
  locator = createTextLocator({ text }),
  options = {},
}: {
  text: string;
  /** Reused when the caller has one for the same text. */
  locator?: TextLocator;
  options?: Partial<RepetitionOptions>;
}): { repetition: RepetitionResult; findings: Finding[] } {
  const settings = { ...defaultRepetitionOptions, ...options };
  validate(settings);
  const fences = parseMarkdown(text).fences;
  const { ids, offsets, vocabulary } = tokenizeText({ text, skip: fences });
  const at = (token: number) =>
    locator.locate(token < offsets.length ? (offsets[token] ?? 0) : text.length);
  const words = (start: number, count: number) =>
    Array.from(ids.subarray(start, start + count), (id) => vocabulary[id] ?? '').join(' ');

  const windows = windowDiversity({ ids, windowTokens: settings.windowTokens });
  const { tokenRun, loop } = longestLoop({ ids, maxPeriod: 40 });
  const isFunctionWord = Uint8Array.from(vocabulary, (token) => (functionWords.has(token) ? 1 : 0));
  const references = referenceSectionStart(text);
  const collapse = lateCollapse({
    ids: references === undefined ? ids : ids.subarray(0, firstTokenAt(offsets, references)),
    isFunctionWord,
    windowTokens: settings.collapseWindowTokens,
    proseFunctionShare: mostlyIdeographic(ids, vocabulary) ? 0.1 : 0.25,
  });
  const stretch = longestRepeatedStretch({ ids, windowTokens: settings.stretchWindowTokens });
  const symbols = longestSymbolRun({ text, skip: fences });
  const duplicates = nearDuplicateParagraphs({
    ids,
    offsets,
    paragraphs: splitParagraphs(text),
    shingleSize: settings.shingleSize,
    threshold: settings.nearDuplicateThreshold,
  });
  const distinct4 = distinctNgrams({ ids, n: 4 }).ratio;

  const repetition: RepetitionResult = {
    tokens: ids.length,
    distinct1: distinctNgrams({ ids, n: 1 }).ratio,
    distinct2: distinctNgrams({ ids, n: 2 }).ratio,
    distinct4,
    rep4: 1 - distinct4,
    windows: {
      size: settings.windowTokens,
      minDistinct1: Math.min(1, ...windows.map((window) => window.distinct1)),
      minDistinct2: Math.min(1, ...windows.map((window) => window.distinct2)),
      maxRep4: Math.max(0, ...windows.map((window) => window.rep4)),
      series: windows.map(({ startToken, distinct1, distinct2, rep4 }) => ({
        location: at(startToken),
        distinct1,
        distinct2,
        rep4,
      })),
    },
    longestTokenRun: {
      token: words(tokenRun.startToken, 1),
      tokens: tokenRun.tokens,
      location: at(tokenRun.startToken),
    },
    longestLoop: {
      pattern: words(loop.startToken, loop.period),
      period: loop.period,
      repeats: loop.repeats,
      tokens: loop.tokens,
      location: at(loop.startToken),
    },
    repeatedStretch: {
      tokens: stretch.tokens,
      share: stretch.share,
      location: stretch.tokens > 0 ? at(stretch.startToken) : null,
    },
    symbolRun: {
      symbols: symbols.symbols,
      distinct: symbols.distinct,
      location: symbols.symbols > 0 ? locator.locate(symbols.start) : null,
    },
    compressionRatio: compressionRatio({ text }),
    nearDuplicates: {
      paragraphs: duplicates.compared,
      pairs: duplicates.pairs.length,
      worst: duplicates.pairs.slice(0, settings.reportedPairs).map((pair) => ({
        jaccard: pair.jaccard,
        containment: pair.containment,
        first: locator.locate(pair.first.start),
        second: locator.locate(pair.second.start),
      })),
    },
    lateCollapse:
      collapse.status === 'collapse'
        ? {
            status: 'collapse',
            baseline: pick(collapse.baseline),
            window: pick(collapse.window),
            reasons: collapse.reasons,
            position: collapse.position,
            location: at(collapse.window.startToken),
          }
        : {
            status: collapse.status,
            baseline: collapse.status === 'none' ? pick(collapse.baseline) : null,
            window: null,
            reasons: [],
            position: null,
            location: null,
          },
  };
  return { repetition, findings: repetitionFindings({ repetition, settings }) };
}

/** Index of the first token at or after `offset`. */
function firstTokenAt(offsets: Int32Array, offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** True when most tokens are single CJK characters, whose prose has fewer function words. */
function mostlyIdeographic(ids: Int32Array, vocabulary: readonly string[]): boolean {
  const isIdeograph = Uint8Array.from(vocabulary, (token) =>
    /^[\u3040-\u9fff]$/u.test(token) ? 1 : 0,
  );
  let ideographic = 0;
  for (const id of ids) ideographic += isIdeograph[id] ?? 0;
  return ideographic > ids.length / 2;
}

function pick({ rep4, functionShare }: { rep4: number; functionShare: number }) {
  return { rep4, functionShare };
}

function validate(settings: RepetitionOptions): void {
  for (const option of [
    'windowTokens',
    'collapseWindowTokens',
    'shingleSize',
    'reportedPairs',
    'stretchWindowTokens',
    'stretchMinTokens',
    'symbolRunError',
  ] as const) {
    const value = settings[option];
    if (!Number.isInteger(value) || value < (option === 'reportedPairs' ? 0 : 1)) {
      throw new InvalidOptionError({
        option,
        expected: 'a positive whole number',
        received: value,
      });
    }
  }
  if (!(settings.maxRep4 > 0 && settings.maxRep4 <= 1)) {
    throw new InvalidOptionError({
      option: 'maxRep4',
      expected: 'a number above 0 and at most 1',
      received: settings.maxRep4,
    });
  }
  const threshold = settings.nearDuplicateThreshold;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new InvalidOptionError({
      option: 'nearDuplicateThreshold',
      expected: 'a number above 0 and at most 1',
      received: threshold,
    });
  }
}
