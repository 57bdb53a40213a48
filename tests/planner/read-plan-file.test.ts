import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { readPlanFile } from '../../src/planner/read-plan-file.js';
import { createTask } from '../helpers/builders.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const limits = { maxSectionWords: 1_200, minSectionWords: 150 };

async function readPlan(name: string, content: string) {
  const cwd = await tempDir();
  await writeFile(join(cwd, name), content);
  return readPlanFile({ path: name, cwd, task: createTask({ words: 2_000 }), ...limits });
}

describe('readPlanFile: plans written as text', () => {
  it('reads a plan in lines, filling a budget it leaves out with the average', async () => {
    const plan = await readPlan(
      'plan.txt',
      [
        'Title: Tides',
        'Section 1 - Title: The Moon - Main Point: How the moon pulls the sea. - Word Count: 600 words',
        'Section 2 - Title: Spring Tides - Main Point: When sun and moon align. - Word Count: 600 words',
        'Section 3 - Title: Bores - Main Point: Rivers that run backwards. - Word Count: many',
      ].join('\n'),
    );
    expect(plan.title).toBe('Tides');
    expect(plan.sections.map((section) => [section.title, section.words])).toEqual([
      ['The Moon', 667],
      ['Spring Tides', 667],
      ['Bores', 666],
    ]);
  });

  it('reads a Markdown outline with word counts', async () => {
    const plan = await readPlan(
      'plan.md',
      '# Tides\n\n## The Moon (1,000 words)\n\nHow the moon pulls the sea.\n\n## Bores (1,000 words)\n\nRivers that run backwards.\n',
    );
    expect(plan.sections.map((section) => section.title)).toEqual(['The Moon', 'Bores']);
  });

  it('names the forms it reads when a file is in none of them', async () => {
    const error = await readPlan('plan.txt', 'Just write something about tides.').catch((e) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({ problem: 'invalidContent' });
    expect(error.message).toContain('neither JSON nor a plan in lines');
  });

  it('keeps the JSON error, with its position, for a file that begins as JSON', async () => {
    const error = await readPlan('plan.json', '{"title": "x", "sections": [}').catch((e) => e);
    expect(error).toMatchObject({ problem: 'invalidJson' });
    expect(error.message).toContain('line 1, column 29');
  });
});
