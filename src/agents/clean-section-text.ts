import type { Finding } from '../evaluators/finding.js';
import { insideRanges, parseMarkdown } from '../markdown/parse-markdown.js';
import { sameTitle } from '../markdown/same-title.js';
import { type EnvelopePattern, envelopePatterns } from './envelope-patterns.js';
import { splitSentences } from './split-sentences.js';

/** A section's text without its envelope, and what was stripped. */
export interface CleanSectionTextResult {
  text: string;
  /** One `info` finding per stripped piece (rule `clean/<pattern id>`), for the journal. */
  findings: Finding[];
}

interface Stripped {
  pattern: EnvelopePattern;
  text: string;
}

const byPlace = (place: EnvelopePattern['place']) =>
  envelopePatterns.filter((each) => each.place === place);
const quoted = /["“”„«»「」『』]/;
const blankLine = /\n[ \t]*\n/;
/** Longest sentence taken for chatter: a long sentence is content, whatever it says. */
const longestChatterWords = 60;

/**
 * Strips the envelope models put around a section, deterministically and before any check:
 * a leading acknowledgement or announcement, a trailing offer, sign-off or length note, a fence
 * around the whole answer, a first line that labels the section or repeats its title, and word
 * counts on lines of their own. The patterns are data (`envelope-patterns.ts`); they are applied
 * until nothing more comes off, since envelopes nest (chatter around a fence around a heading).
 * Text that merely starts with "Sure" or ends with a question is left as it is. Pure.
 */
export function cleanSectionText({
  text,
  title,
  sectionId,
}: {
  text: string;
  /** The section's title: a first heading repeating it is stripped. */
  title: string;
  /** Where the findings point. */
  sectionId?: string;
}): CleanSectionTextResult {
  const stripped: Stripped[] = [];
  let current = text.replace(/\r\n?/g, '\n').trim();
  for (let pass = 0; pass < 8; pass++) {
    const before = current;
    current = stripFence(current, stripped);
    current = stripLead(current, stripped);
    current = stripTrail(current, stripped);
    current = stripFirstLine(current, title, stripped);
    current = stripLines(current, stripped);
    if (current === before) break;
  }
  return {
    text: current,
    findings: stripped.map(({ pattern, text: piece }) => ({
      evaluator: 'clean',
      ruleId: `clean/${pattern.id}`,
      severity: 'info',
      message: `stripped ${pattern.what}: "${excerpt(piece)}"`,
      ...(sectionId ? { location: { section: sectionId } } : {}),
    })),
  };
}

function stripFence(text: string, stripped: Stripped[]): string {
  const lines = text.split('\n');
  if (lines.length < 2) return text;
  const pattern = byPlace('fence').find((each) => each.pattern.test(lines[0]!));
  if (pattern === undefined) return text;
  // One closed fence from the first character to the last: the whole answer is fenced.
  const [fence, ...others] = parseMarkdown(text).fences;
  if (fence === undefined || others.length > 0 || fence[0] !== 0 || fence[1] !== text.length) {
    return text;
  }
  stripped.push({ pattern, text: `${lines[0]} … ${lines.at(-1)}` });
  return lines.slice(1, -1).join('\n').trim();
}

function stripLead(text: string, stripped: Stripped[]): string {
  let current = text;
  let chained = false;
  for (;;) {
    const sentence = splitSentences(current.split(blankLine, 1)[0] ?? '')[0] ?? '';
    const pattern = findPattern('lead', sentence, chained);
    if (!pattern) return current;
    stripped.push({ pattern, text: sentence });
    current = current.slice(sentence.length).trim();
    chained = true;
  }
}

function stripTrail(text: string, stripped: Stripped[]): string {
  let current = text;
  let chained = false;
  for (;;) {
    const blockStart = lastBlockStart(current);
    const block = current.slice(blockStart);
    const whole = byPlace('trail-block').find(
      (each) => (chained || !each.chained) && each.pattern.test(block),
    );
    if (whole) {
      stripped.push({ pattern: whole, text: block });
      current = current.slice(0, blockStart).trim();
      chained = true;
      continue;
    }
    const sentence = splitSentences(block).at(-1) ?? '';
    const pattern = quoted.test(sentence) ? undefined : findPattern('trail', sentence, chained);
    if (!pattern) return current;
    stripped.push({ pattern, text: sentence });
    current = current.slice(0, current.length - sentence.length).trim();
    chained = true;
  }
}

function stripFirstLine(text: string, title: string, stripped: Stripped[]): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  const rest = end < 0 ? '' : text.slice(end + 1);
  const alone = rest === '' || /^[ \t]*\n/.test(rest);
  const heading = byPlace('heading')
    .filter((pattern) => alone || !pattern.alone)
    .map((pattern) => ({ pattern, content: pattern.pattern.exec(line.trim())?.at(-1) }))
    .find((each) => each.content !== undefined);
  const content = heading?.content ?? line;
  if (heading && sameTitle(content, title)) {
    stripped.push({ pattern: heading.pattern, text: line });
    return rest.trim();
  }
  const label = byPlace('label')
    .map((pattern) => ({ pattern, match: pattern.pattern.exec(content.trim())?.[0] }))
    .find((each) => each.match !== undefined);
  if (!label?.match) return text;
  stripped.push({ pattern: label.pattern, text: label.match });
  const remainder = content.trim().slice(label.match.length).trim();
  if (remainder === '') return rest.trim();
  return [line.replace(content.trim(), remainder), rest].join('\n').trim();
}

function stripLines(text: string, stripped: Stripped[]): string {
  // The Markdown parse that finds the code blocks costs far more than the line patterns (most of
  // the time spent cleaning a long answer): parse only once a line matches, and only when the
  // text has a fence at all.
  const mayHaveCode = /```|~~~/.test(text);
  let fences: Array<[number, number]> | undefined;
  const kept: string[] = [];
  let dropBlank = false;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    const pattern = byPlace('line').find((each) => each.pattern.test(line));
    fences ??= pattern && mayHaveCode ? parseMarkdown(text).fences : undefined;
    const inCode = fences !== undefined && insideRanges(fences, start);
    if (pattern && !inCode) {
      stripped.push({ pattern, text: line });
      // A line taken from between two blank lines leaves one blank line, not two.
      dropBlank = kept.length === 0 || kept.at(-1)!.trim() === '';
      continue;
    }
    if (!(dropBlank && line.trim() === '')) kept.push(line);
    dropBlank = false;
  }
  return kept.join('\n').trim();
}

function findPattern(
  place: 'lead' | 'trail',
  sentence: string,
  chained: boolean,
): EnvelopePattern | undefined {
  const trimmed = sentence.trim();
  if (trimmed === '' || trimmed.split(/\s+/).length > longestChatterWords) return undefined;
  return byPlace(place).find((each) => (chained || !each.chained) && each.pattern.test(trimmed));
}

function lastBlockStart(text: string): number {
  let start = 0;
  for (const match of text.matchAll(new RegExp(blankLine.source, 'g'))) {
    start = match.index + match[0].length;
  }
  return start;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
