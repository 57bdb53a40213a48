import stringWidth from 'string-width';
import type { CliIo } from '../cli-io.js';

/** One line redrawn in place on a terminal, with lines printed above it. */
export interface LiveLine {
  /** Redraws the line; at most every 100 ms unless `force`. Nothing off a terminal. */
  draw(force?: boolean): void;
  /** Prints a line of its own above the live line (plain output off a terminal). */
  say(line: string): void;
  /** Clears the live line, so later output starts on a fresh one. */
  finish(): void;
  /** Whether stderr is a terminal, so the line is drawn at all. */
  readonly live: boolean;
}

const segmenter = new Intl.Segmenter();

/**
 * Cuts `text` to at most `columns` terminal columns, ending in `…` when cut. Measured in
 * columns, not characters: a CJK character or an emoji takes two, a combining mark none, so a
 * Chinese title never wraps the line. Cuts between graphemes, never inside one. Pure.
 */
export function fitColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let used = 0;
  let kept = '';
  for (const { segment } of segmenter.segment(text)) {
    const width = stringWidth(segment);
    if (used + width > columns - 1) break;
    used += width;
    kept += segment;
  }
  return `${kept}…`;
}

/**
 * The live progress line every command draws with, on stderr: redrawn in place on a terminal
 * (cut to its width in columns, so it never wraps and smears), and absent elsewhere, where
 * `say` prints plain lines.
 */
export function createLiveLine({
  io,
  now,
  text,
}: {
  io: CliIo;
  now: () => number;
  /** The line's text now (called only when it is drawn). */
  text: () => string;
}): LiveLine {
  const live = io.stderr.isTTY === true;
  let drawn = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  const draw = (force = false) => {
    if (!live || (!force && now() - lastDraw < 100)) return;
    lastDraw = now();
    // One column is left free: writing the last one moves some terminals to the next line.
    const width = (io.stderr.columns ?? 100) - 1;
    io.stderr.write(`\r\x1b[2K${fitColumns(text(), width)}`);
    drawn = true;
  };
  return {
    live,
    draw,
    say(line) {
      if (live && drawn) io.stderr.write('\r\x1b[2K');
      io.stderr.write(`${line}\n`);
      draw(true);
    },
    finish() {
      if (live && drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
