import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait-until.js';

const tempDir = useTempDir();
let server: SimServer;

beforeAll(async () => {
  // Latency makes each call last long enough to be killed in the middle of it.
  server = await startSimServer({ port: 0, options: { ttft: '40ms', tps: 4_000, noise: 0.1 } });
});
afterAll(async () => {
  await server.close();
});

interface JournalEvent {
  type: string;
  sectionId?: string;
}

async function readEvents(directory: string): Promise<JournalEvent[]> {
  const text = await readFile(join(directory, 'journal.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as JournalEvent);
}

function count(events: JournalEvent[], type: string): number {
  return events.filter((event) => event.type === type).length;
}

async function snapshot(directory: string): Promise<Map<string, string>> {
  const names = await readdir(join(directory, 'sections')).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(
      async (name) => [name, await readFile(join(directory, 'sections', name), 'utf8')] as const,
    ),
  );
  return new Map(entries);
}

// Several CLI runs each: room for a load average of 10 on 2 cores.
describe('a write run killed with SIGKILL', { timeout: 300_000 }, () => {
  it('resumes after every kill, keeps finished sections byte for byte, and completes', async () => {
    const cwd = await tempDir();
    const directory = join(cwd, 'run');
    const args = [
      'write',
      '--quality',
      'fast',
      'Write a guide to the tides of the North Atlantic',
      '--words',
      '6000',
      '--model',
      'openai:sim',
      '--base-url',
      server.url,
      '--out',
      'run',
    ];
    const env = { OPENAI_API_KEY: 'test-key' };
    // Each kill waits for a point in the run (read from the journal), then lands a little later:
    // during planning, right after a commit, and in the middle of a later section.
    const kills: Array<{ after: (events: JournalEvent[]) => boolean; delayMs: number }> = [
      { after: (events) => events.some((event) => event.type === 'run-start'), delayMs: 30 },
      { after: (events) => count(events, 'step-end') >= 1, delayMs: 0 },
      { after: (events) => count(events, 'step-start') >= 4, delayMs: 60 },
    ];
    const finished = new Map<string, string>();
    const progress: number[] = [];
    for (const kill of kills) {
      const run = spawnCli({ args, cwd, env });
      await waitUntil({
        condition: async () => kill.after(await readEvents(directory)),
        run,
        what: 'the point to kill it at',
      });
      await new Promise((resolve) => setTimeout(resolve, kill.delayMs));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
      const now = await snapshot(directory);
      for (const [name, text] of finished) expect(now.get(name), name).toBe(text);
      for (const [name, text] of now) finished.set(name, text);
      progress.push(now.size);
    }
    expect(progress.at(-1)).toBeGreaterThan(0);
    const last = await runCli({ args: ['resume', 'run'], cwd, env });
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toContain('Wrote ');

    const final = await snapshot(directory);
    for (const [name, text] of finished) expect(final.get(name), name).toBe(text);
    const everything = await readdir(directory, { recursive: true });
    expect(everything.filter((name) => name.includes('.partial'))).toEqual([]);

    const journal = (await readFile(join(directory, 'journal.jsonl'), 'utf8')).trim().split('\n');
    const events = journal.map((line) => JSON.parse(line) as { type: string; sectionId?: string });
    const ends = events
      .filter((event) => event.type === 'step-end')
      .map((event) => event.sectionId);
    expect(new Set(ends).size).toBe(ends.length);
    const plan = JSON.parse(await readFile(join(directory, 'plan.json'), 'utf8'));
    expect(ends).toHaveLength(plan.sections.length);
    expect(final.size).toBe(plan.sections.length);
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info.status).toBe('completed');
    expect(events.filter((event) => event.type === 'run-start').length).toBeGreaterThanOrEqual(2);
  });
});

describe('a write run interrupted with Ctrl-C', { timeout: 240_000 }, () => {
  it('stops the call in flight, saves, prints the resume command and exits 130', async () => {
    const cwd = await tempDir();
    const directory = join(cwd, 'run');
    const run = spawnCli({
      args: [
        'write',
        '--quality',
        'fast',
        'Write about harbours',
        '--words',
        '4000',
        '--model',
        'openai:sim',
        '--base-url',
        server.url,
        '--out',
        'run',
      ],
      cwd,
      env: { OPENAI_API_KEY: 'test-key' },
    });
    await waitUntil({
      condition: async () => count(await readEvents(directory), 'step-start') >= 2,
      run,
      what: 'the second step',
    });
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    const lines = run.stderr().trim().split('\n');
    expect(lines.at(-1)).toBe(
      `quire: Interrupted; finished sections are saved. Continue with: quire resume ${directory}`,
    );
    const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(info.status).toBe('interrupted');
    const events = await readEvents(directory);
    expect(events.at(-1)?.type).toBe('run-end');
    const resumed = await runCli({
      args: ['resume', 'run'],
      cwd,
      env: { OPENAI_API_KEY: 'test-key' },
    });
    expect(resumed.code, resumed.stderr).toBe(0);
  });
});
