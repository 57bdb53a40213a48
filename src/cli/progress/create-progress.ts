import type { RunEvent } from '../../control/run-events.js';
import { escapeControl } from '../../util/escape-control.js';
import type { CliIo } from '../cli-io.js';
import { describePlanRefit } from '../describe-plan-refit.js';
import { formatShortCount } from './format-short-count.js';
import { createLiveLine } from './live-line.js';
import { type ProgressState, progressLine } from './progress-line.js';
import { describeInFlight, type SectionInFlight } from './sections-in-flight.js';

/** Turns run events into what the user sees while a run works. */
export interface Progress {
  onEvent(event: RunEvent): void;
  /** Ends the live line, if any, so later output starts on a fresh line. */
  finish(): void;
}

/**
 * Progress for a run: with `--json`, every event as one JSON line on stdout; on a terminal, one
 * live bar on stderr (words written / target, sections, tokens, elapsed); otherwise (a pipe, a
 * log file) plain lines on stderr, one per finished section.
 */
export function createProgress({
  io,
  json,
  targetWords,
  now = () => Date.now(),
}: {
  io: CliIo;
  json: boolean;
  targetWords: number;
  now?: () => number;
}): Progress {
  if (json) {
    return { onEvent: (event) => io.stdout.write(`${JSON.stringify(event)}\n`), finish: () => {} };
  }
  const started = now();
  const state: ProgressState = {
    wordsWritten: 0,
    targetWords,
    sectionsDone: 0,
    sectionsTotal: 0,
    tokens: 0,
    elapsedSeconds: 0,
    activity: 'planning',
  };
  const text = () => {
    state.elapsedSeconds = (now() - started) / 1000;
    return progressLine({ state });
  };
  const inFlight = new Map<string, SectionInFlight>();
  const activity = () =>
    describeInFlight({ sections: [...inFlight.values()], total: state.sectionsTotal }) ??
    state.activity;
  const line = createLiveLine({ io, now, text });
  const live = line.live;
  const draw = (force = false) => line.draw(force);
  const say = (message: string) => line.say(message);

  return {
    onEvent(event) {
      switch (event.type) {
        case 'plan-end':
          state.sectionsTotal = event.sections;
          say(
            `quire: plan ready: ${event.sections} sections, ${formatShortCount(event.words)} words (${event.source}).`,
          );
          break;
        case 'plan-refit':
          state.sectionsTotal = event.sections;
          say(`quire: ${describePlanRefit(event)}.`);
          break;
        case 'step-start':
          inFlight.set(event.sectionId, event);
          state.activity = activity();
          draw(true);
          break;
        case 'step-end':
          inFlight.delete(event.sectionId);
          state.activity = activity();
          if (live) draw(true);
          else {
            const kept =
              event.findings.length > 0 ? ` · kept with ${event.findings.length} finding(s)` : '';
            say(
              `[${event.index + 1}/${state.sectionsTotal}] ${event.words} words (budget ${event.budget}) · ${event.attempts} attempt(s)${kept}${event.recovered ? ' · recovered' : ''}`,
            );
          }
          break;
        case 'usage':
          state.wordsWritten = event.wordsWritten;
          state.sectionsDone = event.sectionsDone;
          state.tokens = event.totals.inputTokens + event.totals.outputTokens;
          draw(true);
          break;
        case 'run-warning':
          say(`quire: warning: ${event.message}`);
          break;
        case 'window-change':
          say(
            `quire: context window now ${formatShortCount(event.tokens)} tokens (${event.reason}); prompts are fitted to it`,
          );
          break;
        case 'call-retry':
          say(
            `quire: retrying a model call in ${(event.delayMs / 1000).toFixed(1)} s (${escapeControl(event.error)})`,
          );
          break;
        default:
          draw();
      }
    },
    finish: line.finish,
  };
}
