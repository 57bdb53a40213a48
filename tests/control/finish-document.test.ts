import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finishDocument } from '../../src/control/finish-document.js';
import { ReportSchema } from '../../src/evaluators/report-schema.js';
import { RunStore } from '../../src/store/run-store.js';
import { createPlan, createTask } from '../helpers/builders.js';
import { prose } from '../helpers/prompt-model.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const stores: RunStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

// Section 2 is the second part of section 1: it goes on under the same heading.
const plan = createPlan({
  count: 3,
  words: 200,
  sections: [{}, { title: 'Section 1', continuation: true }, {}],
});
const texts = [prose(200, 1), prose(150, 2), prose(260, 3)];

describe('finishDocument', () => {
  it('assembles document.md from the sections under the plan’s headings and scores it into report.json', async () => {
    const store = await RunStore.open(await tempDir());
    stores.push(store);
    const sections = texts.map((text, index) => ({ index, file: `sections/${index}.md`, text }));
    const { document, report } = await finishDocument({
      store,
      task: createTask({ words: 600 }),
      plan,
      sections,
      settings: { gate: { floor: 0.5, ceiling: 1.5 }, sectionTolerance: 0.1, repetition: {} },
    });
    expect(document).toBe(
      `# A test document\n\n## Section 1\n\n${texts[0]}\n\n${texts[1]}\n\n## Section 3\n\n${texts[2]}\n`,
    );
    expect(await readFile(join(store.directory, 'document.md'), 'utf8')).toBe(document);
    expect(
      ReportSchema.parse(JSON.parse(await readFile(join(store.directory, 'report.json'), 'utf8'))),
    ).toEqual(report);
    expect(report.target).toEqual({ kind: 'run', path: store.directory });
    expect(report.length).toMatchObject({
      required: 600,
      tolerance: 0.1,
      gate: expect.objectContaining({ floor: 0.5, ceiling: 1.5 }),
    });
    expect(
      report.length.sections.map(({ id, title, budget, words }) => ({ id, title, budget, words })),
    ).toEqual([
      { id: 's001', title: 'Section 1', budget: 200, words: 200 },
      { id: 's002', title: 'Section 1', budget: 200, words: 150 },
      { id: 's003', title: 'Section 3', budget: 200, words: 260 },
    ]);
    // Section 3 is 30% over its budget, past the 10% tolerance.
    expect(report.length.sectionsWithinTolerance).toBe(1);
    expect(report.quality).toBeNull();
  });
});
