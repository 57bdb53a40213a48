import type { Finding } from '../evaluators/finding.js';

/** A writer's reply with its marked think note taken out, and what was wrong with the marking. */
export interface SplitThinkNoteResult {
  /** The reply without the note and without any marker. */
  text: string;
  /** The note between `@@think` and `@@text`; undefined when the reply has none. */
  note: string | undefined;
  /** One `warning` per problem (rules `think/unclosed-note`, `think/leaked-marker`). */
  findings: Finding[];
}

/** A marker line: `@@think` or `@@text`, as a model may dress it (bold, a heading, a quote). */
const markerLine = /^[ \t>*_`#-]*@@\s*(think|text)\b[^\n]*$/gim;
/** A marker left inside a line of prose. */
const inlineMarker = /@@\s*(?:think|text)\b/gi;

/**
 * Takes the think note out of a reply written in the marked form: the lines between a line
 * `@@think` and a line `@@text`. Without a closing `@@text`, the note runs to the first blank
 * line after it (a note is one block of labelled lines). Any marker left elsewhere (a model that
 * repeats or misplaces them) is removed, so neither a marker nor the note ever reaches the
 * section. A reply without `@@think` is all text. Pure.
 */
export function splitThinkNote({
  reply,
  sectionId,
}: {
  reply: string;
  sectionId: string;
}): SplitThinkNoteResult {
  const findings: Finding[] = [];
  const markers = [...reply.matchAll(markerLine)];
  const open = markers.find((marker) => marker[1]?.toLowerCase() === 'think');
  let note: string | undefined;
  let text = reply;
  if (open?.index !== undefined) {
    const afterOpen = open.index + open[0].length;
    const close = markers.find(
      (marker) => marker[1]?.toLowerCase() === 'text' && (marker.index ?? 0) > open.index!,
    );
    let noteEnd: number;
    let textStart: number;
    if (close?.index !== undefined) {
      noteEnd = close.index;
      textStart = close.index + close[0].length;
    } else {
      const rest = reply.slice(afterOpen);
      const lead = /^\s*/.exec(rest)?.[0].length ?? 0;
      const blank = /\n[ \t]*\n/.exec(rest.slice(lead));
      noteEnd = blank ? afterOpen + lead + blank.index : reply.length;
      textStart = noteEnd;
      findings.push(
        thinkNoteFinding({
          ruleId: 'think/unclosed-note',
          message:
            'the think note was not closed by a line `@@text`: it was taken to end at the first blank line',
          sectionId,
        }),
      );
    }
    note = reply.slice(afterOpen, noteEnd).trim() || undefined;
    text = `${reply.slice(0, open.index).trimEnd()}\n\n${reply.slice(textStart).trimStart()}`;
  }
  const cleaned = removeThinkMarkers({ text, sectionId });
  // Only the start is trimmed: a reply cut mid-word must still join its continuation.
  return {
    text: cleaned.text.trimStart(),
    note,
    findings: [...findings, ...cleaned.findings],
  };
}

/**
 * `text` without any think-note marker (a line of its own, or one left inside prose), with a
 * `think/leaked-marker` warning when there was one. Pure.
 */
export function removeThinkMarkers({ text, sectionId }: { text: string; sectionId: string }): {
  text: string;
  findings: Finding[];
} {
  const cleaned = text.replace(markerLine, '').replace(inlineMarker, '');
  if (cleaned === text) return { text, findings: [] };
  return {
    text: cleaned.replace(/\n{3,}/g, '\n\n'),
    findings: [
      thinkNoteFinding({
        ruleId: 'think/leaked-marker',
        message: 'a think-note marker was left in the section and removed',
        sectionId,
      }),
    ],
  };
}

/** A warning about a section's think note (`think/…`): the section is kept, clean, all the same. */
export function thinkNoteFinding({
  ruleId,
  message,
  sectionId,
}: {
  ruleId: `think/${string}`;
  message: string;
  sectionId: string;
}): Finding {
  return {
    evaluator: 'check',
    ruleId,
    severity: 'warning',
    message,
    location: { section: sectionId },
  };
}
