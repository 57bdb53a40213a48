import { formatCell } from '../../bench/markdown-table.js';
import type { SftEvent } from '../../sft/sft-event.js';
import { escapeControl } from '../../util/escape-control.js';
import { formatCount } from '../../util/format-count.js';
import type { CliIo } from '../cli-io.js';
import { createLiveLine } from '../progress/live-line.js';
import { formatSftProgress, type SftProgressState } from './sft-progress-line.js';

/** Shows `quire sft` working. */
export interface SftProgress {
  onEvent(event: SftEvent): void;
  /** Clears the live line, so later output starts on a fresh one. */
  finish(): void;
}

/**
 * Progress of `quire sft` on stderr. On a terminal: one live line of counters (done, rejected,
 * in flight, tokens, throughput), with each rejection or failure printed above it. Otherwise:
 * one line per settled instruction, with the counters.
 */
export function createSftProgress({
  io,
  now = () => Date.now(),
}: {
  io: CliIo;
  now?: () => number;
}): SftProgress {
  const started = now();
  const state: SftProgressState = {
    total: 0,
    skipped: 0,
    written: 0,
    rejected: 0,
    failed: 0,
    inFlight: 0,
    tokens: 0,
    outputTokens: 0,
    retries: 0,
    elapsedSeconds: 0,
  };
  let settledTokens = { all: 0, output: 0 };
  const running = new Map<string, { all: number; output: number }>();
  const refresh = () => {
    state.elapsedSeconds = (now() - started) / 1000;
    state.inFlight = running.size;
    const inFlight = [...running.values()];
    state.tokens = settledTokens.all + inFlight.reduce((sum, each) => sum + each.all, 0);
    state.outputTokens =
      settledTokens.output + inFlight.reduce((sum, each) => sum + each.output, 0);
  };
  const text = () => {
    refresh();
    return formatSftProgress(state);
  };
  const line = createLiveLine({ io, now, text });
  const live = line.live;
  const draw = (force = false) => line.draw(force);
  const say = (message: string) => line.say(message);
  return {
    onEvent(event) {
      switch (event.type) {
        case 'batch-start': {
          state.total = event.total;
          state.skipped = event.skipped;
          const done = event.skipped > 0 ? `, ${event.skipped} already done` : '';
          say(
            `quire: ${event.total} instruction(s)${done}, ${event.total - event.skipped} to run.`,
          );
          break;
        }
        case 'item-start':
          running.set(event.instruction.id, { all: 0, output: 0 });
          draw();
          break;
        case 'run-event':
          if (event.event.type === 'usage') {
            const { inputTokens, outputTokens } = event.event.totals;
            running.set(event.instruction.id, {
              all: inputTokens + outputTokens,
              output: outputTokens,
            });
          } else if (event.event.type === 'call-retry') {
            state.retries++;
          }
          draw();
          break;
        case 'item-end': {
          running.delete(event.instruction.id);
          const { tokens, words, targetWords, lengthScore } = event.metadata;
          settledTokens = {
            all: settledTokens.all + tokens.input + tokens.output,
            output: settledTokens.output + tokens.output,
          };
          if (event.outcome === 'written') state.written++;
          else state.rejected++;
          const what =
            event.outcome === 'written'
              ? 'written'
              : `rejected (${event.reasons.map((reason) => `${reason.reason}: ${reason.message}`).join('; ')})`;
          if (!live || event.outcome === 'rejected') {
            refresh();
            say(
              `[line ${event.instruction.line}] ${event.instruction.id} ${what} · ${formatCount(words)} words (target ${formatCount(targetWords)}, S_l ${formatCell(lengthScore)}) · ${formatSftProgress(state)}`,
            );
          } else {
            draw(true);
          }
          break;
        }
        case 'item-failed':
          running.delete(event.instruction.id);
          state.failed++;
          refresh();
          say(
            `[line ${event.instruction.line}] ${event.instruction.id} failed: ${escapeControl(event.failure.message)}`,
          );
          break;
      }
    },
    finish: line.finish,
  };
}
