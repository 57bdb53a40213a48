import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputFileError } from '../errors/input-file-error.js';
import type { DocumentSection } from './evaluate-document.js';
import type { Finding } from './finding.js';
import { readTextFile } from './read-text-file.js';
import type { PlanFileSchema } from './run-files-schema.js';

/**
 * Reads a run's `sections/NNN-*.md` files and pairs them, in name order, with the plan's
 * sections. A plan with more sections than files (an unfinished run) adds a finding.
 */
export async function readRunSections({
  directory,
  plan,
  findings,
}: {
  directory: string;
  plan: z.infer<typeof PlanFileSchema>;
  findings: Finding[];
}): Promise<DocumentSection[]> {
  const names = await readdir(join(directory, 'sections')).then(
    (entries) => entries.filter((name) => /^\d+-.*\.md$/.test(name)).sort(),
    () => [] as string[],
  );
  if (names.length !== plan.sections.length) {
    findings.push({
      evaluator: 'length',
      ruleId: 'length/sections-incomplete',
      severity: 'warning',
      message: `The plan has ${plan.sections.length} sections but sections/ holds ${names.length} section files; the first ${Math.min(names.length, plan.sections.length)} are compared with their budgets in plan order.`,
    });
  }
  const count = Math.min(names.length, plan.sections.length);
  return Promise.all(
    plan.sections.slice(0, count).map(async (section, index) => {
      const name = names[index] ?? '';
      // A section file may legitimately be empty (a failed section kept with its findings).
      const text = await readTextFile({
        path: join(directory, 'sections', name),
        what: 'Section file',
      }).catch((error: unknown) => {
        if (error instanceof InputFileError && error.problem === 'empty') return '';
        throw error;
      });
      return { id: section.id, title: section.title, words: Math.round(section.words), text };
    }),
  );
}
