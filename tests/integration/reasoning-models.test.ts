import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../src/evaluators/count-words.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { runMain } from '../bench/helpers/run-main.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const request = 'Write a 5,000-word guide to the lighthouses of Brittany';

/** Runs `quire write` on the request and returns what the run directory holds. */
async function write(modelArgs: string[]) {
  const cwd = await tempDir();
  const result = await runCli({
    args: ['write', '--quality', 'fast', request, ...modelArgs, '--out', 'run'],
    cwd,
    timeoutMs: 240_000,
  });
  expect(result.code, result.stderr).toBe(0);
  const directory = join(cwd, 'run');
  const document = await readFile(join(directory, 'document.md'), 'utf8');
  const info = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
  const thinkingFiles = await readdir(join(directory, 'thinking')).catch(() => [] as string[]);
  const thinking = await Promise.all(
    thinkingFiles.map((name) => readFile(join(directory, 'thinking', name), 'utf8')),
  );
  return { directory, document, info, thinking };
}

/** Whether any paragraph of the thinking made it into the document. */
function leaked(document: string, thinking: string[]): boolean {
  return thinking
    .flatMap((text) => text.split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 40 && paragraph !== '---')
    .some((paragraph) => document.includes(paragraph.slice(0, 80)));
}

describe('quire write on a reasoning model, thinking in both forms (slow)', () => {
  let server: SimServer;
  let baseline: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    server = await startSimServer({
      port: 0,
      options: { seed: 11, think: 'reasoning_content', thinkWords: 200 },
    });
    baseline = await write(['--model', 'sim:seed=11']);
  }, 240_000);
  afterAll(() => server?.close());

  it.each([
    [
      '<think> tags in the content, in-process',
      () => ['--model', 'sim:seed=11,think=tags,think-words=200'],
    ],
    [
      'reasoning_content deltas over HTTP',
      () => ['--model', 'openai:sim', '--base-url', server.url],
    ],
  ])(
    '%s: same words as without thinking, none of the thinking in document.md',
    async (_, args) => {
      const run = await write(args());
      expect(countWords(baseline.document)).toBeGreaterThan(4_500);
      expect(countWords(run.document)).toBe(countWords(baseline.document));
      expect(run.document).not.toMatch(/<\/?think>/);
      expect(run.thinking.length).toBeGreaterThan(5);
      expect(leaked(run.document, run.thinking)).toBe(false);
      expect(run.info.usage.reasoningTokens).toBeGreaterThan(200 * run.thinking.length);
      expect(baseline.info.usage.reasoningTokens).toBe(0);

      const inspect = await runMain({ argv: ['inspect', run.directory], cwd: process.cwd() });
      expect(inspect.code, inspect.stderr).toBe(0);
      expect(inspect.stdout).toMatch(/out \([\d,]+ reasoning\)/);
    },
    240_000,
  );
});
