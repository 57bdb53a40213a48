import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { createProgress } from '../../src/cli/progress/create-progress.js';
import type { RunEvent } from '../../src/control/run-events.js';

function fakeIo({ tty }: { tty: boolean }): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text), isTTY: tty },
    stderr: { write: (text: string) => err.push(text), isTTY: tty, columns: 120 },
    env: {},
    cwd: '.',
  };
}

const time = '2026-01-01T00:00:00.000Z';
const totals = {
  inputTokens: 900,
  outputTokens: 600,
  cachedInputTokens: 0,
  reasoningTokens: 0,
  calls: 2,
  failedAttempts: 0,
  latencyMs: 5,
};
const events: RunEvent[] = [
  { type: 'plan-end', time, sections: 2, words: 1_000, source: 'model', attempts: 1, findings: [] },
  {
    type: 'step-start',
    time,
    sectionId: 's001',
    index: 0,
    title: 'Tides',
    budget: 500,
    attempt: 1,
    action: 'write',
    contextTokens: 800,
    stableTokens: 300,
    trimmed: [],
  },
  {
    type: 'step-end',
    time,
    sectionId: 's001',
    index: 0,
    file: 'sections/001-tides.md',
    words: 510,
    budget: 500,
    attempts: 1,
    findings: [],
    usage: totals,
  },
  { type: 'usage', time, totals, costUsd: 0, wordsWritten: 510, sectionsDone: 1, sectionsTotal: 2 },
  { type: 'call-retry', time, attempt: 1, delayMs: 1_000, error: '429: rate limited' },
];

describe('createProgress', () => {
  it('prints every event as one JSON line on stdout with --json', () => {
    const io = fakeIo({ tty: true });
    const progress = createProgress({ io, json: true, targetWords: 1_000 });
    for (const event of events) progress.onEvent(event);
    expect(io.out.map((line) => JSON.parse(line).type)).toEqual(events.map((event) => event.type));
    expect(io.err).toEqual([]);
  });

  it('prints plain lines on stderr when it is not a terminal', () => {
    const io = fakeIo({ tty: false });
    const progress = createProgress({ io, json: false, targetWords: 1_000 });
    for (const event of events) progress.onEvent(event);
    expect(io.err).toEqual([
      'quire: plan ready: 2 sections, 1,000 words (model).\n',
      '[1/2] 510 words (budget 500) · 1 attempt(s)\n',
      'quire: retrying a model call in 1.0 s (429: rate limited)\n',
    ]);
    expect(io.out).toEqual([]);
  });

  it('redraws one bar on a terminal: words against the target, sections, tokens', () => {
    const io = fakeIo({ tty: true });
    let now = 0;
    const progress = createProgress({
      io,
      json: false,
      targetWords: 1_000,
      now: () => (now += 1_000),
    });
    for (const event of events) progress.onEvent(event);
    progress.finish();
    const bars = io.err.filter(
      (text) => text.startsWith('\r\x1b[2K█') || text.startsWith('\r\x1b[2K░'),
    );
    expect(bars.at(-1)).toContain('510/1,000 words · 1/2 sections · 1,500 tokens');
    expect(io.err.at(-1)).toBe('\r\x1b[2K');
  });

  it('shows the sections in flight when several are drafted at once', () => {
    const io = fakeIo({ tty: true });
    let now = 0;
    const progress = createProgress({
      io,
      json: false,
      targetWords: 1_000,
      now: () => (now += 1_000),
    });
    const [plan, start] = events as [RunEvent, Extract<RunEvent, { type: 'step-start' }>];
    progress.onEvent(plan);
    progress.onEvent(start);
    progress.onEvent({ ...start, sectionId: 's002', index: 1, title: 'Currents' });
    const bars = () => io.err.filter((text) => text.startsWith('\r\x1b[2K'));
    expect(bars().at(-1)).toContain('2 in flight: 1 2/2');
    progress.onEvent(events[2]!);
    expect(bars().at(-1)).toContain('writing 2/2 Currents');
  });
});
