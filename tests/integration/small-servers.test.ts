import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/evaluators/count-words.js';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import type { SimOptionsInput } from '../../src/sim/sim-options.js';
import { runMain } from '../bench/helpers/run-main.js';
import { simOverHttp } from '../helpers/sim-http.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
/** A whole write run on a busy machine: several model calls through a real HTTP client. */
const runTimeout = 120_000;

/** A request carrying `chars` characters of source material, as a task file in a new folder. */
async function taskWithNotes(chars: number): Promise<string> {
  const cwd = await tempDir();
  const words =
    'harbour quay tide ledger merchant crane warehouse cargo dredging pier storm customs';
  let notes = '';
  for (let index = 0; notes.length < chars; index++) {
    notes += `${words.split(' ')[(index * 7) % 12]} `;
  }
  const prompt = `Write a 3,000-word report on the history of our harbour, based on these notes: ${notes.slice(0, chars)}`;
  await writeFile(join(cwd, 'task.json'), JSON.stringify({ prompt }));
  return cwd;
}

async function write({
  cwd,
  sim,
  args = [],
}: {
  cwd: string;
  sim: SimOptionsInput;
  args?: string[];
}) {
  const { baseUrl } = await simOverHttp(sim);
  // In this process: the server's replies are what is tested, not the CLI's process.
  const run = (extra: string[]) =>
    runMain({ argv: [...extra, '--model', 'openai:sim', '--base-url', baseUrl], cwd });
  const result = await run([
    'write',
    '--quality',
    'fast',
    '--task',
    'task.json',
    '--out',
    'run',
    ...args,
  ]);
  return { result, run, directory: join(cwd, 'run') };
}

async function readJson(path: string) {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function journal(directory: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(directory, 'journal.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('a server that reports no usage', () => {
  it(
    'gets estimated counts in run.json, and --max-tokens stops the run within one step',
    async () => {
      const cwd = await taskWithNotes(200);
      const limit = 2_000;
      const { result, run, directory } = await write({
        cwd,
        sim: { usage: 'off' },
        args: ['--words', '1500', '--max-tokens', String(limit)],
      });
      expect(result.code, result.stderr).toBe(1);
      const warnings = result.stderr.match(/the server reports no token usage/g) ?? [];
      expect(warnings).toHaveLength(1);

      const info = await readJson(join(directory, 'run.json'));
      expect(info.status).toBe('stopped');
      expect(info.usage.estimated).toMatchObject({ tokenizer: 'quire-estimate' });
      expect(info.usage.estimated.calls).toBe(info.usage.calls);
      expect(info.usage.inputTokens).toBeGreaterThan(0);
      expect(info.usage.outputTokens).toBeGreaterThan(0);
      const spent = info.usage.inputTokens + info.usage.outputTokens;
      const steps = (await journal(directory)).filter((event) => event.type === 'step-end');
      const largestStep = Math.max(
        ...steps.map((event) => {
          const usage = event.usage as { inputTokens: number; outputTokens: number };
          return usage.inputTokens + usage.outputTokens;
        }),
      );
      expect(spent).toBeGreaterThanOrEqual(limit);
      expect(spent - limit).toBeLessThanOrEqual(largestStep);

      const inspected = await runMain({ argv: ['inspect', 'run'], cwd });
      expect(inspected.stdout).toMatch(/out \(estimated by quire, quire-estimate/);
      const resumed = await run(['resume', 'run', '--max-tokens', '1000000']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(/tokens in .* out \(estimated by quire, quire-estimate/);
    },
    runTimeout * 2,
  );
});

describe('a 2,048-token window and a request carrying 3,000 characters of notes', () => {
  it.for([
    ['llama.cpp, read from /props', { server: 'llama-cpp' }, 'llama.cpp /props'],
    ['Ollama, read from /api/show', { server: 'ollama' }, 'ollama /api/show'],
    ['vLLM, learned from its refusal', { server: 'vllm', discovery: 'off' }, 'refusal'],
    ['OpenAI-style, learned from its refusal', { server: 'openai' }, 'refusal'],
  ] as const)(
    '%s: completes a 3,000-word document',
    { timeout: runTimeout },
    async ([, sim, source]) => {
      const cwd = await taskWithNotes(3_000);
      // The plan, cut by the small window's output limit, is retried (the same each time on the
      // sim): a short backoff keeps those retries from sleeping 15 s, doing what they did.
      await writeFile(
        join(cwd, 'quire.config.json'),
        JSON.stringify({ retry: { initialDelayMs: 5, maxDelayMs: 50 } }),
      );
      const { result, directory } = await write({ cwd, sim: { ...sim, context: 2_048 } });
      expect(result.code, result.stderr).toBe(0);
      const document = await readFile(join(directory, 'document.md'), 'utf8');
      expect(checkLengthGate({ produced: countWords(document), required: 3_000 }).status).toBe(
        'within',
      );
      const info = await readJson(join(directory, 'run.json'));
      expect(info.contextWindow).toMatchObject({ tokens: 2_048, source });
    },
  );
});

describe('a request that cannot fit the window at all', () => {
  it(
    'stops before the run starts when the server tells its window, with the numbers',
    async () => {
      const cwd = await taskWithNotes(12_000);
      const { result } = await write({ cwd, sim: { context: 2_048, server: 'llama-cpp' } });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/The request is about 3,\d{3} tokens/);
      expect(lines[0]).toContain(
        "the model's 2,048-token context window (read from llama.cpp /props)",
      );
      expect(lines[0]).toMatch(/at most 972 tokens .* start llama\.cpp with -c \d+ or more/);
      expect(await readdir(cwd)).toEqual(['task.json']);
    },
    runTimeout,
  );

  it(
    'stops at the first refusal, before any section is written, when the window is learned',
    async () => {
      const cwd = await taskWithNotes(12_000);
      const { result, directory } = await write({
        cwd,
        sim: { context: 2_048, server: 'vllm', discovery: 'off' },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/context window now 2,048 tokens/);
      expect(result.stderr).toMatch(
        /The request is about 3,\d{3} tokens, more than half of the model's 2,048-token context window \(learned from a refusal\).*--max-model-len/,
      );
      const info = await readJson(join(directory, 'run.json'));
      expect(info).toMatchObject({
        status: 'failed',
        contextWindow: { tokens: 2_048, source: 'refusal' },
      });
      const sections = await readdir(join(directory, 'sections')).catch(() => []);
      expect(sections).toEqual([]);
    },
    runTimeout,
  );
});

describe('a server that cuts an over-long prompt silently, as Ollama does', () => {
  it(
    'is caught: the finding is recorded, the window learned, the section rewritten to fit',
    async () => {
      const cwd = await taskWithNotes(3_000);
      // The user says 8,192 while the server runs 2,048, and asks for a long previous tail.
      await writeFile(
        join(cwd, 'quire.config.json'),
        JSON.stringify({ write: { tailWords: 800 } }),
      );
      const { result, directory } = await write({
        cwd,
        sim: { context: 2_048, server: 'ollama', discovery: 'off' },
        args: ['--context-tokens', '8192'],
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /context window now 2,048 tokens \(the server counted 2,048 prompt tokens/,
      );
      const info = await readJson(join(directory, 'run.json'));
      expect(info.contextWindow).toMatchObject({ tokens: 2_048, source: 'truncation' });
      const findings = (await journal(directory))
        .filter((event) => event.type === 'step-end')
        .flatMap((event) => event.findings as Array<{ ruleId: string }>);
      expect(findings.map((finding) => finding.ruleId)).toContain('context/prompt-truncated');
    },
    runTimeout,
  );

  it(
    'stops, naming num_ctx, when the request itself cannot fit what the server keeps',
    async () => {
      const cwd = await taskWithNotes(6_000);
      const { result, directory } = await write({
        cwd,
        sim: { context: 2_048, server: 'ollama', discovery: 'off' },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Ollama does not say its context window/);
      expect(result.stderr).toMatch(
        /raise Ollama's num_ctx to \d+ or more \(OLLAMA_CONTEXT_LENGTH=/,
      );
      const info = await readJson(join(directory, 'run.json'));
      expect(info).toMatchObject({
        status: 'failed',
        contextWindow: { tokens: 2_048, source: 'truncation', server: 'ollama' },
      });
    },
    runTimeout,
  );
});
