import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import { readEvaluationTarget } from '../../src/evaluators/read-evaluation-target.js';
import type { Plan } from '../../src/planner/plan-schema.js';
import type { TaskInput } from '../../src/task/task-schema.js';
import { createPlan } from '../helpers/builders.js';
import { createRunOnDisk } from '../helpers/run-on-disk.js';
import { useTempDir } from '../helpers/temp-dir.js';

const millsPlan = createPlan({
  sections: [
    { id: 'water', title: 'Water', words: 300 },
    { id: 'wind', title: 'Wind', words: 300 },
  ],
  count: 2,
});

/** A run directory as the write pipeline leaves it; sections left `undefined` are unwritten. */
async function createRun(
  directory: string,
  {
    sections = ['## Water\n\nWheels turn.\n', '## Wind\n\nSails turn slowly.\n'],
    task = { prompt: 'Write about mills in 600 words.', words: 600 },
    plan = millsPlan,
    document = '# Mills\n\n## Water\n\nWheels turn.\n\n## Wind\n\nSails turn slowly.\n',
  }: {
    sections?: Array<string | undefined>;
    task?: Partial<TaskInput>;
    plan?: Plan;
    document?: string;
  } = {},
): Promise<string> {
  return createRunOnDisk({ directory: join(directory, 'run'), task, plan, sections, document });
}

describe('readEvaluationTarget', () => {
  const makeDirectory = useTempDir();

  it('reads a document file and puts its report beside it', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'essay.md'), 'Some text.');
    const target = await readEvaluationTarget({ target: 'essay.md', cwd: directory });
    expect(target).toEqual({
      kind: 'document',
      path: 'essay.md',
      text: 'Some text.',
      reportPath: join(directory, 'essay.md.report.json'),
      findings: [],
    });
  });

  it('takes a blank document only when a required length can score it', async () => {
    const directory = await makeDirectory();
    await writeFile(join(directory, 'blank.md'), '\n  \n');
    await expect(readEvaluationTarget({ target: 'blank.md', cwd: directory })).rejects.toThrow(
      'Document blank.md has only blank space in it: pass --words N to score it as a blank answer (S_l 0), or choose another file.',
    );
    const target = await readEvaluationTarget({
      target: 'blank.md',
      cwd: directory,
      hasTarget: true,
    });
    expect(target.text).toBe('\n  \n');
  });

  it('reads a run: document, task, and sections with their budgets in plan order', async () => {
    const directory = await makeDirectory();
    const run = await createRun(directory);
    const target = await readEvaluationTarget({ target: run });
    expect(target).toMatchObject({
      kind: 'run',
      requiredWords: 600,
      request: 'Write about mills in 600 words.',
      reportPath: join(run, 'report.json'),
      findings: [],
    });
    expect(target.sections).toEqual([
      { id: 'water', title: 'Water', words: 300, text: '## Water\n\nWheels turn.\n' },
      { id: 'wind', title: 'Wind', words: 300, text: '## Wind\n\nSails turn slowly.\n' },
    ]);
  });

  it('notes a plan whose sections were not all written', async () => {
    const run = await createRun(await makeDirectory(), { sections: ['Wheels turn.', undefined] });
    const target = await readEvaluationTarget({ target: run });
    expect(target.sections).toHaveLength(1);
    expect(target.findings).toEqual([
      expect.objectContaining({ ruleId: 'length/sections-incomplete' }),
    ]);
  });

  it('uses the constraints stored with the task', async () => {
    const constraints = {
      unit: 'Week',
      segments: 2,
      constraints: [{ type: 'once' as const, segment: 1, event: 'fair' }],
    };
    const run = await createRun(await makeDirectory(), {
      task: { prompt: 'p', words: 100, constraints },
    });
    expect((await readEvaluationTarget({ target: run })).constraints).toMatchObject({
      unit: 'Week',
      segments: 2,
    });
  });

  it('refuses a run without document.md', async () => {
    const directory = join(await makeDirectory(), 'run');
    await createRunOnDisk({ directory, task: {}, plan: millsPlan });
    await expect(readEvaluationTarget({ target: directory })).rejects.toSatisfy(
      (error) => error instanceof InputFileError && error.problem === 'missing',
    );
    await expect(readEvaluationTarget({ target: directory })).rejects.toThrow(
      `Run document ${join(directory, 'document.md')} does not exist`,
    );
  });

  it('reads a blank run document, and a run without a plan has no sections', async () => {
    const run = join(await makeDirectory(), 'run');
    await createRunOnDisk({ directory: run, task: {}, document: '' });
    const target = await readEvaluationTarget({ target: run });
    expect(target.text).toBe('');
    expect(target.sections).toBeUndefined();
    expect(target.findings).toEqual([]);
  });

  it('refuses a run whose document.md is a symbolic link, which quire never writes', async () => {
    const directory = await makeDirectory();
    const run = await createRun(directory);
    await writeFile(join(directory, 'elsewhere.md'), 'Text from elsewhere.');
    await rm(join(run, 'document.md'));
    await symlink(join(directory, 'elsewhere.md'), join(run, 'document.md'));
    await expect(readEvaluationTarget({ target: run })).rejects.toBeInstanceOf(InputFileError);
  });

  it.each([
    ['invalid JSON in run.json', '{"version": 1,'],
    ['a run.json of another shape', JSON.stringify({ version: 1, task: { words: -5 } })],
  ])('refuses %s as a damaged run', async (_name, runJson) => {
    const run = await createRun(await makeDirectory());
    await writeFile(join(run, 'run.json'), runJson);
    await expect(readEvaluationTarget({ target: run })).rejects.toSatisfy(
      (error) => error instanceof RunDirectoryError && error.problem === 'corrupt',
    );
  });
});
