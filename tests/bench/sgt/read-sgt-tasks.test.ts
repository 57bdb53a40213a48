import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSgtTasks } from '../../../src/bench/sgt/generate-sgt-tasks.js';
import { readSgtTasks } from '../../../src/bench/sgt/read-sgt-tasks.js';
import { InputFileError } from '../../../src/errors/input-file-error.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const sgtData = '../shared/data/sgt/Dataset_short.json';

async function fileWith(text: string): Promise<string> {
  const cwd = await tempDir();
  await writeFile(join(cwd, 'tasks.json'), text);
  return cwd;
}

describe('readSgtTasks', () => {
  it('reads a generated task file back as tasks with their constraints', async () => {
    const file = generateSgtTasks({ count: 4, seed: 1 });
    const cwd = await fileWith(JSON.stringify(file));
    const { source, tasks } = await readSgtTasks({ path: 'tasks.json', cwd });
    expect(source).toBe('generated');
    expect(tasks.map((task) => [task.id, task.scenario, task.source])).toEqual(
      file.tasks.map((task) => [task.id, task.scenario, 'generated']),
    );
    expect(tasks[0]?.constraints).toEqual(file.tasks[0]?.constraints);
    expect(tasks[0]?.words).toBe(file.tasks[0]?.words);
  });

  it('refuses a file whose check sets no longer match its constraints', async () => {
    const file = generateSgtTasks({ count: 1, seed: 1 });
    const task = file.tasks[0]!;
    task.checks.once = { '1': ['something else'] };
    const cwd = await fileWith(JSON.stringify(file));
    const error = await readSgtTasks({ path: 'tasks.json', cwd }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.message).toBe(
      `Task ${task.id} in tasks.json: its check sets disagree with its constraints (edited by hand?); fix one of them or generate the file again.`,
    );
  });

  it('refuses JSON that is neither format, and points at broken JSON', async () => {
    const neither = await readSgtTasks({
      path: 'tasks.json',
      cwd: await fileWith('{"tasks": []}'),
    }).catch((caught) => caught);
    expect(neither.message).toMatch(/is neither SGT's dataset \(a JSON array\) nor a task file/);
    const broken = await readSgtTasks({
      path: 'tasks.json',
      cwd: await fileWith('[\n{"prompt": }\n]'),
    }).catch((caught) => caught);
    expect(broken.message).toMatch(
      /^SGT data file tasks\.json is not valid JSON \(line 2, column 12\)/,
    );
  });

  it.skipIf(!existsSync(sgtData))(
    'converts SGT’s own data: 400 tasks in four scenarios',
    async () => {
      const { source, tasks } = await readSgtTasks({ path: sgtData });
      expect(source).toBe('sgt');
      expect(tasks).toHaveLength(400);
      expect(new Set(tasks.map((task) => task.scenario))).toEqual(
        new Set(['Week', 'Menu Week', 'Floor', 'Block']),
      );
      expect(new Set(tasks.map((task) => task.id)).size).toBe(400);
      const week = tasks.find((task) => task.scenario === 'Week')!;
      expect(week.constraints).toMatchObject({
        unit: 'Week',
        separator: '#*#',
        segments: 52,
        minWords: 200,
      });
      expect(week.words).toBe(52 * 250);
    },
  );
});
