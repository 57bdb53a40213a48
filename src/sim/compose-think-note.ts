import { findRequestedLength } from './requested-length.js';

/** A request to plan a section in a call of its own (prompt `think-note-ask`). */
export const asksForThinkNote = /^# Plan section \d+ before writing it\s*$/m;
/** A request to open the section's reply with a marked note (prompt `think-note-marked`). */
export const asksForMarkedNote = /^# Plan section \d+ first, in the same reply\s*$/m;

/** Words of a passage's opening that a note quotes, and that the writer compares. */
const openingWords = 8;

/**
 * The think note the simulated model writes for the section a prompt asks for, read from that
 * prompt alone, as a model would plan it: the purpose from the brief, the link from the last
 * sentence of the text before the section, the facts from the ledger block, the passages not to
 * repeat from the paragraphs of earlier text shown (their openings, quoted), and the length
 * asked. Pure.
 */
export function composeThinkNote({ prompt }: { prompt: string }): string {
  const brief =
    /^What it must cover:\s*(.+)$/m.exec(prompt)?.[1]?.trim() ?? 'the section asked for';
  const earlier = earlierText(prompt);
  const last = earlier
    ?.split(/(?<=[.!?])\s+/)
    .filter((sentence) => sentence.trim() !== '')
    .at(-1);
  const facts = (block(prompt, 'What earlier sections established') ?? '')
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .slice(0, 3)
    .map((line) => line.slice(2).replace(/\s*\[[^\]]*\]\s*$/, ''));
  const avoid = (earlier ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^…/, '').trim())
    .filter((paragraph) => paragraph.split(/\s+/).length >= 12 && !paragraph.startsWith('#'))
    .map((paragraph) => `"${opening(paragraph)}"`);
  const length = findRequestedLength(prompt);
  return [
    `Purpose: ${brief}`,
    `Link: ${last ? `pick up from "${last.trim().split(/\s+/).slice(-12).join(' ')}"` : 'this section opens the document'}`,
    `Facts: ${facts.length > 0 ? facts.join('; ') : 'nothing established yet'}`,
    `Avoid: ${avoid.length > 0 ? `the passages beginning ${avoid.join(', ')}` : 'nothing written yet'}`,
    `Words: ${length ? `about ${length.count} ${length.unit}` : 'as asked'}`,
  ].join('\n');
}

/** The passage openings a note says to avoid (quoted on its `Avoid:` lines). Pure. */
export function readNoteAvoid(note: string): string[] {
  return [...note.matchAll(/^Avoid:(.*)$/gm)].flatMap((line) =>
    [...(line[1] ?? '').matchAll(/"([^"]+)"/g)].map((quote) => quote[1]!),
  );
}

/** The first words of a passage, as a note quotes them and the writer compares them. Pure. */
export function opening(passage: string): string {
  return passage.trim().split(/\s+/).slice(0, openingWords).join(' ');
}

/** The text of earlier sections the prompt shows: its block just before `# Your section`. */
function earlierText(prompt: string): string | undefined {
  const end = prompt.search(/^# Your section\s*$/m);
  if (end < 0) return undefined;
  const start = prompt.slice(0, end).lastIndexOf('\n# ');
  if (start < 0) return undefined;
  const text = prompt
    .slice(start + 1, end)
    .replace(/^# [^\n]*\n/, '')
    .trim();
  return text === 'This is the first section.' || text === '(omitted)' ? undefined : text;
}

/** The text under the heading `# <title>`, up to the next heading of that level. */
function block(prompt: string, title: string): string | undefined {
  const heading = new RegExp(`^# ${title}\\s*$`, 'm').exec(prompt);
  if (heading === null) return undefined;
  const rest = prompt.slice(heading.index + heading[0].length);
  const end = rest.search(/^# /m);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}
