import { formatCount } from '../../util/format-count.js';
import { formatDuration } from '../progress/format-duration.js';
import { formatShortCount } from '../progress/format-short-count.js';

/** The counters `quire sft` shows while it works. */
export interface SftProgressState {
  /** Instructions in the file. */
  total: number;
  /** Already done before this session. */
  skipped: number;
  /** This session. */
  written: number;
  rejected: number;
  failed: number;
  inFlight: number;
  /** Tokens this session, input and output, in-flight runs included. */
  tokens: number;
  outputTokens: number;
  /** Calls retried this session (rate limits, server errors). */
  retries: number;
  elapsedSeconds: number;
}

/**
 * One line of counters: settled of total, written, rejected, failed, in flight, tokens,
 * throughput (items per minute and output tokens per second this session), retries when any,
 * elapsed time. Pure.
 */
export function formatSftProgress(state: SftProgressState): string {
  const settled = state.skipped + state.written + state.rejected + state.failed;
  const minutes = state.elapsedSeconds / 60;
  const perMinute = minutes > 0 ? (state.written + state.rejected) / minutes : 0;
  const perSecond = state.elapsedSeconds > 0 ? state.outputTokens / state.elapsedSeconds : 0;
  return [
    `${settled}/${state.total}`,
    `${state.written} written`,
    `${state.rejected} rejected`,
    ...(state.failed > 0 ? [`${state.failed} failed`] : []),
    `${state.inFlight} in flight`,
    `${formatShortCount(state.tokens)} tokens`,
    `${perMinute.toFixed(1)} items/min`,
    `${formatCount(Math.round(perSecond))} tokens/s out`,
    ...(state.retries > 0 ? [`${state.retries} retries`] : []),
    formatDuration(state.elapsedSeconds),
  ].join(' · ');
}
