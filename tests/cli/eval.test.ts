import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/evaluators/report-schema.js';
import { runMain } from '../bench/helpers/run-main.js';
import { buildProse } from '../fixtures/evaluators/build-prose.mjs';
import { createPlan } from '../helpers/builders.js';
import { runCli } from '../helpers/run-cli.js';
import { createRunOnDisk } from '../helpers/run-on-disk.js';
import { useTempDir } from '../helpers/temp-dir.js';

/** One line on stderr, no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

/**
 * The CLI in this process: one test spawns the built CLI; for the rest, what is tested is what
 * quire eval reads and writes, not the process around it.
 */
const quire = ({ args, cwd }: { args: string[]; cwd: string }) => runMain({ argv: args, cwd });

const readReport = async (path: string) =>
  ReportSchema.parse(JSON.parse(await readFile(path, 'utf8')));
const prose = buildProse({ words: 3_000, seed: 9 });
const constraints = {
  unit: 'Week',
  segments: 3,
  minWords: 5,
  constraints: [
    { type: 'once', segment: 1, event: 'kite flying contest' },
    { type: 'range', start: 2, end: 3, event: 'pottery class' },
  ],
};
const diary =
  '## Week 1\nWe watched the kite flying contest on the pier.\n\n## Week 2\nThe pottery class met twice this week.\n\n## Week 3\nRain kept everyone in, and nothing else happened.\n';

describe('quire eval', () => {
  const makeDirectory = useTempDir();

  it('scores a document, prints a table and writes <file>.report.json beside it', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'essay.md'), prose);
    const result = await runCli({ args: ['eval', 'essay.md'], cwd: directory });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quire eval: essay.md (document)');
    expect(result.stdout).toMatch(/length S_l +— +no required length: pass --words N/);
    expect(result.stdout).not.toContain('\u001b[');
    const report = await readReport(join(directory, 'essay.md.report.json'));
    expect(report).toMatchObject({
      target: { kind: 'document', path: 'essay.md' },
      scores: { length: null, quality: null },
      judge: { model: null },
    });
    expect(report.words).toBeGreaterThan(2_900);
    expect(result.stdout).toContain(`report: ${join(directory, 'essay.md.report.json')}`);
  });

  it('prints the report as JSON with --json, scoring length with --words, to --report', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'essay.md'), prose);
    const result = await quire({
      args: ['eval', 'essay.md', '--words', '3000', '--json', '--report', 'out/r.json'],
      cwd: directory,
    });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { reportPath: string; report: unknown };
    expect(output.reportPath).toBe(join(directory, 'out/r.json'));
    const report = ReportSchema.parse(output.report);
    expect(report.length).toMatchObject({ required: 3_000, bucket: '[2000,4000)' });
    expect(report.scores.length).toBeGreaterThan(90);
    expect(await readReport(join(directory, 'out/r.json'))).toEqual(report);
  });

  it('scores an empty document S_l 0 with an error when a length is required', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'blank.md'), '\n');
    const result = await quire({
      args: ['eval', 'blank.md', '--words', '2000', '--json'],
      cwd: directory,
    });
    expect(result.code, result.stderr).toBe(0);
    const report = ReportSchema.parse((JSON.parse(result.stdout) as { report: unknown }).report);
    expect(report.scores.length).toBe(0);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'length/blank', severity: 'error' }),
    );
  });

  it('checks a constraints file segment by segment', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'diary.md'), diary);
    await writeFile(join(directory, 'constraints.json'), JSON.stringify(constraints));
    const result = await quire({
      args: ['eval', 'diary.md', '--constraints', 'constraints.json'],
      cwd: directory,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /CR \/ STIC-1 \/ STIC-2 \/ wAvg +1\.00 \/ 0\.67 \/ 0\.67 \/ 0\.67/,
    );
    const report = await readReport(join(directory, 'diary.md.report.json'));
    expect(report.constraints?.results.map((check) => check.decision)).toEqual([
      'yes',
      'yes',
      'no',
    ]);
  });

  it('reads a run directory: its task length, its plan budgets, and writes report.json inside', async () => {
    const [first = '', second = ''] = [
      prose.slice(0, prose.length / 2),
      prose.slice(prose.length / 2),
    ];
    const run = await createRunOnDisk({
      directory: join(await makeDirectory(), 'outputs', 'run-1'),
      task: { prompt: 'Write 3,000 words.', words: 3_000 },
      plan: createPlan({
        count: 2,
        sections: [
          { id: 'first', title: 'First', words: 1_500 },
          { id: 'second', title: 'Second', words: 1_500 },
        ],
      }),
      sections: [first, second],
      document: `${first}${second}`,
    });
    const result = await quire({ args: ['eval', run], cwd: await makeDirectory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sections on budget +2 of 2/);
    const report = await readReport(join(run, 'report.json'));
    expect(report.target.kind).toBe('run');
    expect(report.length.required).toBe(3_000);
    expect(report.length.sections.map((section) => section.id)).toEqual(['first', 'second']);
  });

  describe('refuses bad input in one line, exit 2, writing nothing', () => {
    it.each([
      [
        'a file that is not UTF-8',
        { 'doc.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
        ['doc.md'],
        'is not UTF-8 text',
      ],
      [
        'a binary file',
        { 'doc.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
        ['doc.md'],
        'is not UTF-8 text',
      ],
      ['an empty file', { 'doc.md': '' }, ['doc.md'], 'Document doc.md is empty'],
      ['a missing file', {}, ['doc.md'], 'Document doc.md does not exist'],
      [
        'a constraint of unknown type',
        {
          'doc.md': diary,
          'c.json': JSON.stringify({
            unit: 'Week',
            segments: 3,
            constraints: [{ type: 'weekly', segment: 1, event: 'x' }],
          }),
        },
        ['doc.md', '--constraints', 'c.json'],
        'unknown constraint type',
      ],
      [
        'a range ending before its start',
        {
          'doc.md': diary,
          'c.json': JSON.stringify({
            unit: 'Week',
            segments: 30,
            constraints: [{ type: 'range', start: 24, end: 20, event: 'x' }],
          }),
        },
        ['doc.md', '--constraints', 'c.json'],
        'the range ends at 20, before its start 24',
      ],
      [
        'a constraints file that is not JSON',
        { 'doc.md': diary, 'c.json': '{"unit": "Week",' },
        ['doc.md', '--constraints', 'c.json'],
        'is not valid JSON',
      ],
      [
        'a missing constraints file',
        { 'doc.md': diary },
        ['doc.md', '--constraints', 'c.json'],
        'Constraints file c.json does not exist',
      ],
      [
        'a bad --words',
        { 'doc.md': diary },
        ['doc.md', '--words', 'many'],
        '--words must be a positive whole number',
      ],
      [
        'a --max-rep over 1',
        { 'doc.md': diary },
        ['doc.md', '--max-rep', '2'],
        '--max-rep must be at most 1, got "2"',
      ],
      [
        '--part-quality without a judge',
        { 'doc.md': diary },
        ['doc.md', '--part-quality'],
        '--part-quality asks a judge',
      ],
    ])('%s', async (_name, files, args, message) => {
      const directory = await makeDirectory();
      for (const [name, content] of Object.entries(files))
        await writeFile(join(directory, name), content);
      const before = (await readdir(directory)).sort();
      const result = await quire({ args: ['eval', ...args], cwd: directory });
      expect(result.code).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
      expect((await readdir(directory)).sort()).toEqual(before);
    });
  });

  it('asks a judge over the OpenAI-compatible API and names it in the report', async () => {
    const requests: Array<{
      messages: Array<{ role: string; content: unknown }>;
      temperature?: number;
    }> = [];
    const server = createServer((request, response) =>
      answerAsJudge({ request, response, requests }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const directory = await makeDirectory();
      await writeFile(join(directory, 'essay.md'), prose);
      const result = await quire({
        args: [
          'eval',
          'essay.md',
          '--words',
          '3000',
          '--judge',
          'openai:judge-1',
          '--base-url',
          `http://127.0.0.1:${port}/v1`,
          '--prompt',
          'Write about an old harbor.',
        ],
        cwd: directory,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/quality S_q +62\.5 +judge openai:judge-1/);
      const report = await readReport(join(directory, 'essay.md.report.json'));
      expect(report.quality).toMatchObject({
        status: 'scored',
        score: 62.5,
        judge: 'openai:judge-1',
      });
      expect(report.judge).toEqual({ model: 'openai:judge-1', calls: 1, dropped: 0 });
      expect(report.scores.overall).toBeCloseTo(((report.scores.length ?? 0) + 62.5) / 2, 10);
      const user = JSON.stringify(requests[0]?.messages.at(-1)?.content);
      expect(user).toContain('Write about an old harbor.');
      expect(user).toContain(JSON.stringify(prose.slice(0, 200)).slice(1, -1));
      expect(requests[0]?.temperature).toBe(0);
    } finally {
      server.close();
    }
  });
});

/** A tiny OpenAI-compatible server that streams one fixed quality judgement. */
async function answerAsJudge({
  request,
  response,
  requests,
}: {
  request: IncomingMessage;
  response: ServerResponse;
  requests: unknown[];
}): Promise<void> {
  let body = '';
  for await (const chunk of request) body += chunk;
  requests.push(JSON.parse(body));
  const judgement = JSON.stringify({
    analysis: 'Readable but generic.',
    relevance: 4,
    accuracy: 3,
    coherence: 3,
    clarity: 4,
    breadthAndDepth: 3,
    readingExperience: 4,
  });
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'judge-1', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(chunk({ role: 'assistant', content: judgement }, null));
  response.write(
    chunk({}, 'stop', { usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 } }),
  );
  response.end('data: [DONE]\n\n');
}
