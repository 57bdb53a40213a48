import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../src/config/limits.js';
import { ReportSchema } from '../../src/evaluators/report-schema.js';
import { type SimServer, startSimServer } from '../../src/sim/start-sim-server.js';
import { expectInputError } from '../bench/helpers/run-main.js';
import { buildProse } from '../fixtures/evaluators/build-prose.mjs';
import { createWritingBenchItem } from '../helpers/builders.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const prose = buildProse({ words: 600, seed: 4 });

describe('quire eval --rubric', () => {
  const makeDirectory = useTempDir();
  let server: SimServer;
  beforeAll(async () => {
    server = await startSimServer({ port: 0, options: { noise: 0 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('scores a WritingBench item criterion by criterion through the sim server', {
    timeout: 120_000,
  }, async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'report.md'), prose);
    await writeFile(join(directory, 'item.json'), JSON.stringify(createWritingBenchItem(3)));
    const args = ['eval', 'report.md', '--rubric', 'item.json', '--judge', 'openai:sim'];
    const result = await runCli({
      args: [...args, '--base-url', server.url],
      cwd: directory,
      env: { OPENAI_API_KEY: 'test-key' },
    });
    expect(result.code, result.stderr).toBe(0);
    const report = ReportSchema.parse(
      JSON.parse(await readFile(join(directory, 'report.md.report.json'), 'utf8')),
    );
    const rubric = report.rubric!;
    expect(rubric).toMatchObject({
      judge: 'openai:sim',
      format: 'writingbench',
      request: 'Write a quarterly report for a bakery.',
      dropped: 0,
    });
    expect(rubric.criteria.map((criterion) => criterion.name)).toEqual([
      'Criterion 1',
      'Criterion 2',
      'Criterion 3',
    ]);
    const scores = rubric.criteria.map((criterion) => criterion.score!);
    for (const criterion of rubric.criteria) {
      expect(Number.isInteger(criterion.score)).toBe(true);
      expect(criterion.reason.length).toBeGreaterThan(0);
    }
    expect(rubric.score).toBeCloseTo(scores.reduce((sum, score) => sum + score, 0) / 3, 10);
    // Three criteria and the quality judgement, each its own call.
    expect(report.judge).toEqual({ model: 'openai:sim', calls: 4, dropped: 0 });
    expect(result.stdout).toContain(
      `rubric: mean ${rubric.score!.toFixed(2)} of 10 over 3 criteria (a WritingBench item; judge openai:sim)`,
    );
    for (const criterion of rubric.criteria) {
      expect(result.stdout).toContain(`${criterion.score}  ${criterion.name}: `);
    }
  });

  describe('refuses a bad rubric in one line, exit 2, writing nothing', () => {
    const judge = () => ['--judge', 'openai:sim', '--base-url', server.url];
    it.each([
      ['a missing rubric file', undefined, /Rubric file r\.json does not exist/],
      ['an empty rubric file', '', /Rubric file r\.json is empty/],
      ['a rubric that is not JSON', '{"criteria": [', /Rubric file r\.json is not valid JSON/],
      ['a rubric with no criteria', '{"criteria": []}', /it has no criteria/],
      [
        'a criterion without text',
        JSON.stringify({ criteria: [{ name: 'Tone' }] }),
        /"criteria\.0\.description" is missing/,
      ],
      [
        'too many criteria',
        JSON.stringify({
          criteria: Array.from({ length: limits.rubricCriteria + 1 }, (_, index) => `C${index}`),
        }),
        /more than the 50 quire judges in one rubric/,
      ],
    ])('%s', async (_name, rubric, message) => {
      const directory = await makeDirectory();
      await writeFile(join(directory, 'doc.md'), prose);
      if (rubric !== undefined) await writeFile(join(directory, 'r.json'), rubric);
      await expectInputError({
        args: ['eval', 'doc.md', '--rubric', 'r.json', ...judge()],
        cwd: directory,
        message,
      });
    });

    it('a rubric without a judge', async () => {
      const directory = await makeDirectory();
      await writeFile(join(directory, 'doc.md'), prose);
      await writeFile(join(directory, 'r.json'), '{"criteria": ["Uses the figures given."]}');
      await expectInputError({
        args: ['eval', 'doc.md', '--rubric', 'r.json'],
        cwd: directory,
        message: /--rubric asks a judge to score each criterion: add --judge <spec>/,
      });
    });
  });
});
