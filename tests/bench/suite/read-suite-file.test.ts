import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HellobenchSuiteSchema } from '../../../src/bench/suite/hellobench-suite-schema.js';
import { LongbenchSuiteSchema } from '../../../src/bench/suite/longbench-suite-schema.js';
import { readSuiteFile } from '../../../src/bench/suite/read-suite-file.js';
import { SftSuiteSchema } from '../../../src/bench/suite/sft-suite-schema.js';
import { SgtSuiteSchema } from '../../../src/bench/suite/sgt-suite-schema.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const root = fileURLToPath(new URL('../../../', import.meta.url));
const schemas = {
  'longbench-write': LongbenchSuiteSchema,
  hellobench: HellobenchSuiteSchema,
  sgt: SgtSuiteSchema,
  sft: SftSuiteSchema,
};
const suites = readdirSync(join(root, 'evals')).filter(
  (name) => name.endsWith('.json') && !name.startsWith('l2mac'),
);
/** The benchmark a suite file declares. */
const benchmarkOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(root, 'evals', name), 'utf8')) as {
      benchmark: keyof typeof schemas;
    }
  ).benchmark;

describe('the suites in evals/', () => {
  it('has one for each benchmark', async () => {
    const benchmarks = new Set<string>();
    for (const name of suites) {
      const { suite } = await readSuiteFile({
        path: join('evals', name),
        cwd: root,
        benchmark: benchmarkOf(name),
        schema: schemas[benchmarkOf(name)],
      });
      benchmarks.add(suite.benchmark);
    }
    expect(benchmarks).toEqual(new Set(['longbench-write', 'sgt', 'sft', 'hellobench']));
  });

  it.each(suites)(
    '%s is valid and points at data under ../shared/data or a generator',
    async (name) => {
      const benchmark = benchmarkOf(name);
      const { suite, resolveData } = await readSuiteFile({
        path: join('evals', name),
        cwd: root,
        benchmark,
        schema: schemas[benchmark],
      });
      expect(suite.name).toBe(name.replace(/\.json$/, ''));
      if (typeof suite.data === 'string') {
        expect(suite.data.startsWith('../shared/data/')).toBe(true);
        expect(resolveData(suite.data)).toBe(resolve(root, suite.data));
      } else {
        expect(suite.data).toHaveProperty('generate');
      }
    },
  );
});

describe('readSuiteFile', () => {
  it('refuses a suite of another benchmark by name', async () => {
    const error = await readSuiteFile({
      path: 'evals/sgt-generated.json',
      cwd: root,
      benchmark: 'sft',
      schema: SftSuiteSchema,
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.message).toBe(
      'Suite file evals/sgt-generated.json is for sgt, not sft: pass a suite with "benchmark": "sft".',
    );
  });

  it('says where a suite is invalid', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'suite.json'),
      JSON.stringify({
        name: 'x',
        description: 'x',
        benchmark: 'longbench-write',
        data: 'd.jsonl',
        evaluators: ['speed'],
        thresholds: {},
      }),
    );
    const error = await readSuiteFile({
      path: 'suite.json',
      cwd,
      benchmark: 'longbench-write',
      schema: LongbenchSuiteSchema,
    }).catch((caught) => caught);
    expect(error.message).toMatch(/^Suite file suite\.json is invalid at evaluators\.0: /);
  });

  it('resolves data against the folder above the suite’s own', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'suite.json'),
      JSON.stringify({
        name: 'x',
        description: 'x',
        benchmark: 'sft',
        data: 'in.jsonl',
        evaluators: ['length'],
        thresholds: {},
      }),
    );
    const { resolveData } = await readSuiteFile({
      path: 'suite.json',
      cwd,
      benchmark: 'sft',
      schema: SftSuiteSchema,
    });
    expect(resolveData('in.jsonl')).toBe(resolve(cwd, '..', 'in.jsonl'));
    expect(resolveData('/abs/in.jsonl')).toBe('/abs/in.jsonl');
  });
});
