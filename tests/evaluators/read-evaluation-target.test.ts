import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readEvaluationTarget } from '../../src/evaluators/read-evaluation-target.js';
import { useTempDir } from '../helpers/temp-dir.js';

/** A run directory as the write pipeline leaves it; `files` overrides or removes (null) files. */
async function createRun(
  directory: string,
  files: Record<string, string | null> = {},
): Promise<string> {
  const run = join(directory, 'run');
  const defaults: Record<string, string> = {
    'document.md': '# Mills\n\n## Water\n\nWheels turn.\n\n## Wind\n\nSails turn slowly.\n',
    'run.json': JSON.stringify({
      version: 1,
      task: { prompt: 'Write about mills in 600 words.', words: 600, lang: 'en' },
      status: 'done',
    }),
    'plan.json': JSON.stringify({
      version: 1,
      title: 'Mills',
      sections: [
        { id: 'water', title: 'Water', brief: 'b', words: 300, constraints: [] },
        { id: 'wind', title: 'Wind', brief: 'b', words: 300, constraints: [] },
      ],
    }),
    'sections/001-water.md': '## Water\n\nWheels turn.\n',
    'sections/002-wind.md': '## Wind\n\nSails turn slowly.\n',
  };
  for (const [name, content] of Object.entries({ ...defaults, ...files })) {
    if (content === null) continue;
    await mkdir(join(run, name, '..'), { recursive: true });
    await writeFile(join(run, name), content);
  }
  return run;
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
    const run = await createRun(await makeDirectory(), { 'sections/002-wind.md': null });
    const target = await readEvaluationTarget({ target: run });
    expect(target.sections).toHaveLength(1);
    expect(target.findings).toEqual([
      expect.objectContaining({ ruleId: 'length/sections-incomplete' }),
    ]);
  });

  it('reads a run without plan or run files as a bare document', async () => {
    const run = await createRun(await makeDirectory(), { 'run.json': null, 'plan.json': null });
    const target = await readEvaluationTarget({ target: run });
    expect(target).toMatchObject({ kind: 'run', requiredWords: undefined, sections: undefined });
  });

  it('uses constraints stored with the task, or says why it cannot', async () => {
    const constraints = {
      unit: 'Week',
      segments: 2,
      constraints: [{ type: 'once', segment: 1, event: 'fair' }],
    };
    const good = await createRun(await makeDirectory(), {
      'run.json': JSON.stringify({ version: 1, task: { prompt: 'p', words: 100, constraints } }),
    });
    expect((await readEvaluationTarget({ target: good })).constraints).toMatchObject({
      unit: 'Week',
      segments: 2,
    });
    const bad = await createRun(await makeDirectory(), {
      'run.json': JSON.stringify({
        version: 1,
        task: { prompt: 'p', words: 100, constraints: [{ when: 'now' }] },
      }),
    });
    const target = await readEvaluationTarget({ target: bad });
    expect(target.constraints).toBeUndefined();
    expect(target.findings).toEqual([
      expect.objectContaining({ ruleId: 'constraints/run-constraints-unreadable' }),
    ]);
  });

  it.each([
    ['a run without document.md', { 'document.md': null }, 'missing'],
    ['invalid JSON in run.json', { 'run.json': '{"version": 1,' }, 'invalidJson'],
    [
      'a run.json of another shape',
      { 'run.json': JSON.stringify({ version: 1, task: { words: -5 } }) },
      'invalidContent',
    ],
  ])('refuses %s', async (_name, files, problem) => {
    const run = await createRun(await makeDirectory(), files);
    await expect(readEvaluationTarget({ target: run })).rejects.toSatisfy(
      (error) => error instanceof InputFileError && error.problem === problem,
    );
  });
});
