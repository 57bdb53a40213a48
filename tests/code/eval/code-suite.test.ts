import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodeSuite } from '../../../src/code/eval/code-suite.js';
import { parseChecklist } from '../../../src/code/eval/parse-checklist.js';
import { extractRequirements } from '../../../src/code/plan/extract-requirements.js';

const suiteFile = fileURLToPath(
  new URL('../../../evals/l2mac-system-design.json', import.meta.url),
);

describe('evals/l2mac-system-design.json', () => {
  it('is a valid suite whose data path starts at the repository root', async () => {
    const loaded = await loadCodeSuite({ file: suiteFile });
    expect(loaded.suite.tasks.map((task) => task.id)).toEqual([
      'url_shortener',
      'twitter',
      'whatsapp',
      'recipe',
      'eventplanner',
      'finance2',
    ]);
    expect(loaded.dataDirectory.endsWith('/shared/data/l2mac/system_design_tasks')).toBe(true);
  });

  it('matches the data: each spec has as many requirement lines, and each checklist as many items, as the suite says', async () => {
    const loaded = await loadCodeSuite({ file: suiteFile });
    if (!loaded.dataPresent) {
      console.warn(`skipped: the L2MAC data is not present at ${loaded.dataDirectory}`);
      return;
    }
    for (const task of loaded.tasks) {
      const checklist = parseChecklist(await readFile(task.checklistFile, 'utf8'));
      const requirements = extractRequirements(await readFile(task.specFile, 'utf8'));
      expect([task.id, checklist.length, requirements.length]).toEqual([
        task.id,
        task.items,
        task.items,
      ]);
    }
  });
});
